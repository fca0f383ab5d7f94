import Foundation
import KioskApp
import KioskDomain
import KioskDomainTesting
import TerminalUI
import Testing
import TestTraits

/// The form's field list and the place picker in its editor page apart: a veteran who opens a
/// place field on the list's second page still sees that field (highlighted) beside the picker,
/// though the list is narrower there; turning the picker's pages never moves the list, and the
/// list is where he left it when the place is chosen. (They once shared one page number: the
/// list jumped to its first page and the field being edited went out of sight.)
@Suite(.computeBound) struct FormPagingTests {
    static let size = Size(columns: 127, rows: 26)

    static func text(_ run: JourneyReducerTests.Run, size: Size = FormPagingTests.size) -> String {
        KioskView(context: run.reducer.context).frame(run.state, in: ViewContext(size: size)).buffer.textDump()
    }

    /// The run at the form page that holds `label`, with the list turned to the page showing it.
    static func formPage(showing label: String, region: String) throws -> (JourneyReducerTests.Run, list: Int) {
        var run = JourneyReducerTests.Run(try JourneyReducerTests.context(region))
        run.send(.start)
        run.send(.cardRead(JourneyReducerTests.holder))
        if run.state.screen == .category, let first = run.reducer.context.profile.categories.first { run.send(.chooseCategory(first.code)) }
        run.send(.next)
        try JourneyFiller.answerQuestions(&run)
        for _ in 0..<40 {
            guard case .form = run.state.screen else { break }
            // Every field of the page shows at 160×50; then find the list page at the kiosk's size.
            if text(run, size: Size(columns: 160, rows: 50)).contains(label) {
                for list in 0..<4 {
                    run.send(.pickerPage(list))
                    if text(run).contains(label) { return (run, list) }
                }
            }
            let before = run.state.screen
            run.send(.next)
            if run.state.screen == before, let message = run.state.session?.message,
               let missing = message.split(separator: "：").last.map(String.init),
               let field = run.reducer.plan(run.state)?.fields.first(where: { $0.label == missing }) {
                JourneyFiller.fill(field, &run)
            }
        }
        throw FormPagingError.notFound(label)
    }

    enum FormPagingError: Error { case notFound(String) }

    @Test func aPlaceFieldOnTheListsSecondPageStaysInSightWhileItsPickerTurns() throws {
        // Chongqing's 社会保险 page: 转入区县 is a place field on the list's second page at 127×26.
        let (start, list) = try Self.formPage(showing: "转入区县", region: "chongqing")
        #expect(list > 0, "转入区县 is on the list's first page: the test needs a later one")
        var run = start
        let field = try #require(run.reducer.plan(run.state)?.fields.first { $0.label == "转入区县（自治县）" || $0.label.hasPrefix("转入区县") })
        run.send(.editField(field.code))
        #expect(run.state.session?.pickerPage == list)
        #expect(run.state.session?.placePage == 0)
        var screen = Self.text(run)
        #expect(screen.contains("请选择省份"), "\(screen)")
        #expect(screen.components(separatedBy: "转入区县").count >= 3, "the field is listed beside its editor:\n\(screen)")

        run.send(.placePage(2))
        #expect(run.state.session?.pickerPage == list)
        screen = Self.text(run)
        #expect(screen.contains("第 3/"), "the picker's third page:\n\(screen)")
        #expect(screen.components(separatedBy: "转入区县").count >= 3, "the field is still listed:\n\(screen)")

        // Province → prefecture → county closes the editor; the list has not moved.
        run.send(.placePage(0))
        for _ in 0..<4 where run.state.session?.editing != nil {
            let choices = PlacePicker.choices(after: run.state.session?.placePath ?? [], divisions: run.reducer.context.divisions)
            guard let first = choices.first else { break }
            run.send(.pickPlace(first.code))
        }
        #expect(run.state.session?.editing == nil)
        #expect(run.state.session?.values[field.code]?.isEmpty == false)
        #expect(run.state.session?.pickerPage == list)
        #expect(Self.text(run).contains("转入区县"))
    }
}
