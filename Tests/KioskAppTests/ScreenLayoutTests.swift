import Foundation
import KioskApp
import KioskDomain
import KioskDomainTesting
import KioskTime
import TerminalUI
import Testing
import TestSupport
import TestTraits

/// Every journey screen fits the terminal it is given — from 80×24 (a large font on the kiosk)
/// through the kiosk's 127×26 to 160×50: every touch target inside the screen, at least 3 rows
/// by 8 columns (适老化), no two overlapping, the way forward or back always on screen and the
/// forward button's label never cut.
@Suite(.computeBound) struct ScreenLayoutTests {
    static let sizes = [Size(columns: 80, rows: 24), Size(columns: 127, rows: 26), Size(columns: 120, rows: 40), Size(columns: 160, rows: 50)]

    /// The states a journey passes through (each screen, with an editor open on the form).
    static func journeyStates(_ region: String, now: Date = JourneyReducerTests.morning) throws -> [(String, JourneyState)] {
        var states: [(String, JourneyState)] = []
        var run = JourneyReducerTests.Run(try JourneyReducerTests.context(region), now: now)
        states.append(("home", run.state))
        run.send(.start)
        states.append(("identify", run.state))
        run.send(.manualEntry)
        states.append(("manual", run.state))
        var naming = run
        naming.state.session?.keyboard.editingName = true
        states.append(("manual name keyboard", naming.state))
        run.send(.back)
        run.send(.cardRead(JourneyReducerTests.holder))
        states.append(("\(run.state.screen)", run.state))
        if run.state.screen == .category, let first = run.reducer.context.profile.categories.first {
            run.send(.chooseCategory(first.code))
            states.append(("items", run.state))
        }
        run.send(.next)
        states.append(("questions", run.state))
        try JourneyFiller.answerQuestions(&run)
        states.append(("form", run.state))
        if let field = run.reducer.plan(run.state)?.fields.first(where: { run.reducer.context.fields.entry(for: $0.code).kind != .card }) {
            var editing = run
            editing.send(.editField(field.code))
            states.append(("editor \(field.code)", editing.state))
        }
        for kind in [FieldInputs.Kind.place, .choice, .phone, .text] {
            if let field = run.reducer.plan(run.state)?.fields.first(where: { run.reducer.context.fields.entry(for: $0.code).kind == kind }) {
                var editing = run
                editing.send(.editField(field.code))
                states.append(("editor \(kind)", editing.state))
            }
        }
        try JourneyFiller.fillForm(&run)
        states.append(("\(run.state.screen)", run.state))
        if run.state.screen == .photo {
            run.send(.photoChecked(PhotoVerdict(accepted: true, fixable: false, lines: [.init(passed: true, text: "照片符合要求")], bytes: Data([1]))))
            run.send(.usePhoto)
        }
        states.append(("materials", run.state))
        run.send(.next)
        states.append(("review", run.state))
        run.send(.accept)
        states.append(("sending", run.state))
        run.send(.submitted(.accepted(caseNumber: "YJS-500000-20261123-000001")))
        run.send(.printed(.failed("缺纸")))
        states.append(("outcome", run.state))
        var idle = run
        idle.send(.idleTimeout(generation: idle.state.idle.generation))
        states.append(("idle warning", idle.state))
        run.state.session?.cardPresent = true
        run.send(.next)
        states.append(("take card", run.state))
        return states
    }

    @Test(arguments: ["chongqing", "sichuan", "jiangxi", "hebei", "ordos"])
    func everyScreenFitsEverySize(region: String) throws {
        let context = try JourneyReducerTests.context(region)
        let view = KioskView(context: context)
        for (name, state) in try Self.journeyStates(region) {
            for size in Self.sizes {
                let frame = view.frame(state, in: ViewContext(size: size))
                let regions = frame.hitRegions
                // While the case is being sent there is nothing to touch (the answer comes within seconds).
                #expect(!regions.isEmpty || name == "sending", "\(region) \(name) at \(size): no touch target")
                for r in regions {
                    #expect(r.rect.x >= 0 && r.rect.y >= 0 && r.rect.maxX <= size.columns && r.rect.maxY <= size.rows,
                            "\(region) \(name) at \(size): \(r.id) \(r.rect) leaves the screen")
                    #expect(r.rect.height >= 3, "\(region) \(name) at \(size): \(r.id) is \(r.rect.height) rows high")
                    #expect(r.rect.width >= 8, "\(region) \(name) at \(size): \(r.id) is \(r.rect.width) columns wide")
                }
                // The way forward shows its whole label: a veteran reads what he agrees to.
                for r in regions where r.id == "nav.next" {
                    let label = (r.rect.y..<r.rect.maxY).map { frame.buffer.line($0) }.joined()
                    #expect(!label.contains("..."), "\(region) \(name) at \(size): the forward button's label is cut")
                }
                for (i, a) in regions.enumerated() {
                    for b in regions[(i + 1)...] where !a.rect.intersection(b.rect).isEmpty {
                        Issue.record("\(region) \(name) at \(size): \(a.id) overlaps \(b.id)")
                    }
                }
            }
        }
    }

    /// Filed on 2026-12-30, most items fall due in 2027, a year the kiosk's calendar does not
    /// hold: review's date column says 以部门通知为准 (never a cut sentence) and the panel says
    /// why once, at every size.
    @Test(arguments: ["chongqing", "ordos"])
    func reviewSaysOnceWhyADateIsNotGiven(region: String) throws {
        let lateDecember = Date(timeIntervalSince1970: 1_798_592_400) // 2026-12-30 09:00 China time
        let context = try JourneyReducerTests.context(region)
        let review = try #require(try Self.journeyStates(region, now: lateDecember).first { $0.0 == "review" }?.1)
        for size in Self.sizes {
            let text = KioskView(context: context).frame(review, in: ViewContext(size: size)).buffer.textDump()
            #expect(text.contains("以部门通知为准"), "\(region) at \(size):\n\(text)")
            #expect(text.contains("※ 本机未载入2027年节假日安排"), "\(region) at \(size):\n\(text)")
            #expect(!text.contains("尚未公布") && !text.contains("节假日安排，…"), "\(region) at \(size):\n\(text)")
        }
    }

    /// The standard palette's text pairs reach WCAG's 4.5:1, computed from their RGB values.
    @Test func theStandardPaletteMeetsContrast() {
        for (name, style) in Theme.standard.textPairs {
            let ratio = Palette.contrastRatio(style.foreground, style.background)
            #expect(ratio != nil, "\(name) is not exact RGB")
            #expect((ratio ?? 0) >= 4.5, "\(name): \(ratio ?? 0):1")
        }
    }
}
