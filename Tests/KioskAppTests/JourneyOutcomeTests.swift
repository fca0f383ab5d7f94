import Foundation
import KioskApp
import KioskDomain
import KioskDomainTesting
import KioskTime
import Testing
import TestSupport
import TestTraits

/// From review to home: filing, the central answer (or none), printing, the card.
@Suite(.computeBound) struct JourneyOutcomeTests {
    typealias Run = JourneyReducerTests.Run

    /// A journey up to the review screen, every field filled the way a veteran would.
    static func reviewed(_ region: String = "chongqing") throws -> Run {
        var run = Run(try JourneyReducerTests.context(region))
        run.send(.start)
        run.send(.cardRead(JourneyReducerTests.holder))
        if run.state.screen == .category, let first = run.reducer.context.profile.categories.first { run.send(.chooseCategory(first.code)) }
        run.send(.next)
        try JourneyFiller.answerQuestions(&run)
        try JourneyFiller.fillForm(&run)
        if run.state.screen == .photo {
            run.send(.photoChecked(PhotoVerdict(accepted: true, fixable: false, lines: [], bytes: Data([0xFF, 0xD8]))))
            run.send(.usePhoto)
        }
        #expect(run.state.screen == .materials)
        run.send(.next)
        #expect(run.state.screen == .review)
        return run
    }

    @Test(arguments: ["chongqing", "sichuan", "jiangxi", "hebei", "ordos"])
    func everyRegionReachesReviewAndFilesOnlyThePlansFields(region: String) throws {
        var run = try Self.reviewed(region)
        run.send(.accept)
        #expect(run.state.screen == .outcome)
        guard case .file(let filed)? = run.effects.first(where: { if case .file = $0 { true } else { false } }) else {
            Issue.record("no file effect: \(run.effects)"); return
        }
        #expect(filed.applicant.idNumber == JourneyReducerTests.holder.idNumber)
        #expect(!filed.items.isEmpty && !filed.materials.isEmpty)
        let planned = Set(run.reducer.plan(run.state)?.fields.map(\.code) ?? [])
        #expect(Set(filed.fields.map(\.code)).isSubset(of: planned))
        #expect(run.effects.contains(.after(.seconds(5), .submitted(.queued))))
    }

    /// The touch budget of each region's common case (最多跑一次: nothing typed that the card or a
    /// list can give). Chinese is typed only into fields no list can serve.
    @Test(arguments: ["chongqing", "sichuan", "jiangxi", "hebei", "ordos"])
    func touchBudget(region: String) throws {
        var run = try Self.reviewed(region)
        run.send(.accept)
        let textFields = run.reducer.plan(run.state)?.fields.filter { run.reducer.context.fields.entry(for: $0.code).kind == .text }.count ?? 0
        #expect(run.counts["chinese", default: 0] == textFields * 4, "only free-text fields are typed")
        print("touch budget \(region): navigation \(run.counts["navigation", default: 0]), decisions \(run.counts["decisions", default: 0]), "
              + "digits \(run.counts["digits", default: 0]), letters \(run.counts["letters", default: 0]), "
              + "Chinese characters \(run.counts["chinese", default: 0]) in \(textFields) free-text fields")
    }

    @Test func anAcceptedCaseIsPrintedThenTheCardTaken() throws {
        var run = try Self.reviewed()
        run.send(.accept)
        guard case .file(var filed)? = run.effects.first(where: { if case .file = $0 { true } else { false } }) else { return }
        filed.localReference = "CQ-T-01-20261123-0001"
        run.send(.caseStored(filed))
        #expect(!run.effects.contains { if case .printAcknowledgement = $0 { true } else { false } }) // waits for the answer
        run.send(.submitted(.accepted(caseNumber: "CQ2026112300042")))
        #expect(run.effects.contains(.printAcknowledgement(filed.id)))
        run.send(.submitted(.queued)) // the patience timer, too late: ignored
        #expect(run.state.session?.submission == .accepted(caseNumber: "CQ2026112300042"))
        run.send(.printed(.printed))
        run.send(.next)
        #expect(run.state.screen == .progress(.rating)) // 好差评, skippable in one touch
        run.send(.skipRating)
        #expect(run.state.screen == .takeCard)
        #expect(run.effects.contains(.askToTakeCard))
        #expect(run.effects.contains(.announce("请取走您的身份证和回执")))
        run.send(.cardRemoved)
        #expect(run.state.screen == .home)
        #expect(run.state.session == nil)
    }

    @Test func centralDownShowsTheLocalReferenceAndStillPrints() throws {
        var run = try Self.reviewed()
        run.send(.accept)
        guard case .file(let filed)? = run.effects.first(where: { if case .file = $0 { true } else { false } }) else { return }
        run.send(.caseStored(filed))
        run.send(.submitted(.queued))
        #expect(run.state.session?.submission == .queued)
        #expect(run.effects.contains(.printAcknowledgement(filed.id)))
    }

    @Test func aPrinterFaultKeepsTheNumberOnScreen() throws {
        var run = try Self.reviewed()
        run.send(.accept)
        guard case .file(let filed)? = run.effects.first(where: { if case .file = $0 { true } else { false } }) else { return }
        run.send(.caseStored(filed))
        run.send(.submitted(.accepted(caseNumber: "CQ1")))
        run.send(.printed(.failed("缺纸")))
        #expect(run.state.screen == .outcome)
        #expect(run.state.session?.printing == .failed("缺纸"))
        run.send(.next)
        #expect(run.state.screen == .takeCard) // the card is still on the reader
    }

    @Test func aRefusalIsShownAndItsNoticePrinted() throws {
        var run = try Self.reviewed()
        run.send(.accept)
        guard case .file(let filed)? = run.effects.first(where: { if case .file = $0 { true } else { false } }) else { return }
        run.send(.caseStored(filed))
        run.send(.submitted(.refused(reason: "材料不全", basis: "渝退役军人局〔2023〕22号")))
        #expect(run.effects.contains(.printRefusal(filed.id, reason: "材料不全", basis: "渝退役军人局〔2023〕22号")))
        #expect(run.effects.contains(.announce("不予受理")))
    }

    @Test func aStoreFailureSendsNothingAndSaysSo() throws {
        var run = try Self.reviewed()
        run.send(.accept)
        run.send(.caseNotStored("存储空间已满"))
        #expect(run.state.session?.submission == .failed("存储空间已满"))
        #expect(!run.effects.contains { if case .printAcknowledgement = $0 { true } else { false } })
    }

    @Test func noTimerWipesWhileTheCaseIsBeingSent() throws {
        var run = try Self.reviewed()
        run.send(.accept)
        run.send(.idleTimeout(generation: run.state.idle.generation))
        #expect(run.state.idle.countdown == nil)
    }
}

/// Answers and fills as a veteran would: first option of every question and choice, valid
/// numbers on the keypad, a place from the picker, a little text. Counts the touches by kind.
enum JourneyFiller {
    struct Touches { var navigation = 0, decisions = 0, digits = 0, letters = 0, chinese = 0 }
    nonisolated(unsafe) static var touches = Touches()

    static func answerQuestions(_ run: inout JourneyReducerTests.Run) throws {
        var guardCount = 0
        while run.state.screen == .questions, guardCount < 20 {
            guardCount += 1
            guard let plan = run.reducer.plan(run.state), let block = plan.blocking.first else {
                run.send(.next); break
            }
            // An open question: its last option that is not "no"; a prerequisite not met: done.
            let current = run.state.session?.answers[block.question]
            let value = block.options.last(where: { $0.value != "no" && $0.value != current })?.value ?? block.options[0].value
            run.send(.answer(question: block.question, value: value))
        }
        if run.state.screen == .questions { run.send(.next) }
    }

    static func fillForm(_ run: inout JourneyReducerTests.Run) throws {
        var steps = 0
        while case .form = run.state.screen, steps < 400 {
            steps += 1
            let before = run.state.screen
            run.send(.next)
            guard let message = run.state.session?.message, run.state.screen == before else { continue }
            guard let label = message.split(separator: "：").last.map(String.init),
                  let field = run.reducer.plan(run.state)?.fields.first(where: { $0.label == label }) else {
                Issue.record("stuck on \(message)"); return
            }
            fill(field, &run)
        }
    }

    static func fill(_ field: PlanField, _ run: inout JourneyReducerTests.Run) {
        run.send(.editField(field.code))
        let entry = run.reducer.context.fields.entry(for: field.code)
        func keys(_ text: String) {
            for c in text { run.send(c == "X" ? .keypad(.x) : .keypad(.digit(c.wholeNumberValue!))) }
            run.send(.fieldDone)
        }
        switch entry.kind {
        case .idNumber: keys("11010519491231002X")
        case .phone: keys("13800138000")
        case .bankCard: keys("6222020200112233445"); if run.state.session?.editing != nil { run.send(.fieldDone) }
        case .digits: keys("400000")
        case .date: keys("20210910")
        case .month: keys("202109")
        case .choice:
            let options = field.choices.isEmpty ? (entry.options ?? ["是"]) : field.choices
            run.send(.choose(options[0]))
        case .place:
            var depth = 0
            while run.state.session?.editing != nil, depth < 4 {
                depth += 1
                let choices = PlacePicker.choices(after: run.state.session?.placePath ?? [], divisions: run.reducer.context.divisions)
                guard let first = choices.first else { break }
                run.send(.pickPlace(first.code))
            }
        case .text, .card:
            run.send(.typed("示范文本"))
            run.send(.fieldDone)
        }
    }
}
