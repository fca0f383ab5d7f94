import TerminalUI
import TerminalUITesting
import Testing
import TestTraits

/// The terminal model answers DECRQM mode queries as foot does, and the answers read back as
/// the mode reports the runtime acts on (synchronized output is switched on by one).
@Suite("VTScreen answers mode queries", .computeBound)
struct VTScreenQueryTests {
    func answers(_ bytes: [String], on screen: inout VTScreen) -> String {
        for part in bytes { screen.feed(Array(part.utf8)) }
        return String(decoding: screen.takeReplies(), as: UTF8.self)
    }

    @Test func synchronizedOutputIsReportedOffThenOn() {
        var screen = VTScreen(size: Size(columns: 10, rows: 2))
        #expect(answers(["\u{1B}[?2026$p"], on: &screen) == "\u{1B}[?2026;2$y")
        #expect(answers(["\u{1B}[?2026h", "\u{1B}[?2026$p"], on: &screen) == "\u{1B}[?2026;1$y")
        #expect(screen.isInSynchronizedUpdate)
        #expect(answers([], on: &screen).isEmpty, "answers are handed over once")
    }

    @Test func aModeTheModelDoesNotKnowIsReportedUnrecognised() {
        var screen = VTScreen(size: Size(columns: 10, rows: 2))
        #expect(answers(["\u{1B}[?9999$p"], on: &screen) == "\u{1B}[?9999;0$y")
        #expect(answers(["\u{1B}[?$p", "\u{1B}[?x$p"], on: &screen).isEmpty, "no mode number, no answer")
    }

    @Test func aQuerySplitAcrossWritesIsAnsweredOnceComplete() {
        var screen = VTScreen(size: Size(columns: 10, rows: 2))
        #expect(answers(["ab\u{1B}[?20"], on: &screen).isEmpty)
        #expect(answers(["26$pcd"], on: &screen) == "\u{1B}[?2026;2$y")
        #expect(screen.line(0).hasPrefix("abcd"), "the query draws nothing")
    }

    @Test func theAnswerDecodesAsTheRuntimesModeReport() {
        var screen = VTScreen(size: Size(columns: 10, rows: 2))
        let answer = answers([EscapeSequences.querySynchronizedOutput], on: &screen)
        var decoder = InputDecoder()
        #expect(decoder.feed(Array(answer.utf8)) == [.modeReport(mode: 2026, value: 2)])
    }
}
