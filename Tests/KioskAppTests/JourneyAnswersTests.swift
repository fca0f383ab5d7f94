import Foundation
import KioskApp
import KioskDomain
import Testing
import TestTraits

/// Answers follow the choices: one that no longer applies (its item was unticked) is dropped when
/// the veteran moves on, so it is neither shown under 情形 nor kept in the session.
@Suite(.computeBound) struct JourneyAnswersTests {
    @Test func anAnswerWhoseItemWasUntickedIsDropped() throws {
        var run = JourneyReducerTests.Run(try JourneyReducerTests.context())
        run.send(.start)
        run.send(.cardRead(JourneyReducerTests.holder))
        #expect(run.state.session?.items.contains("idcard") == true)
        run.send(.next)
        #expect(run.state.screen == .questions)
        run.send(.answer(question: "idcard_action", value: "lost"))
        run.send(.answer(question: "settlement", value: "own"))
        #expect(run.reducer.plan(run.state)?.answers.contains { $0.question == "idcard_action" } == true)
        run.send(.back)
        run.send(.toggleItem("idcard"))
        run.send(.next)
        #expect(run.state.session?.answers["idcard_action"] == nil)
        #expect(run.state.session?.answers["settlement"] == "own")
        #expect(run.reducer.plan(run.state)?.answers.contains { $0.question == "idcard_action" } == false)
    }

    @Test func chongqingsExpiredCardLeavesTheCardItemOutOfTheCase() throws {
        var run = JourneyReducerTests.Run(try JourneyReducerTests.context())
        run.send(.start)
        run.send(.cardRead(JourneyReducerTests.holder))
        run.send(.next)
        run.send(.answer(question: "idcard_action", value: "expired"))
        let plan = try #require(run.reducer.plan(run.state))
        #expect(!plan.items.contains { $0.code == "idcard" })
        #expect(plan.skipped.contains { $0.code == "idcard" && $0.reason.contains("仅支持丢失补领和损坏换领") })
    }
}
