import IDCardSimulator
import KioskHost
import KioskOperations
import KioskTesting
import Testing
import TestTraits

/// The demo's hand on the simulated card, on a manual clock: a prompt gets a card the reader
/// has not read yet, and a newer motion replaces one still waiting.
@Suite(.computeBound)
struct DemoHandTests {
    let clock = ManualClock()
    let engine: SAMReaderEngine
    let log = EventLogCapture()
    let hand: DemoHand

    init() throws {
        let clock = self.clock
        engine = try SAMReaderEngine(script: SimulatorScript(cards: []), now: { clock.now.offset })
        hand = DemoHand(engine: engine, card: ScriptedCard(type: .residentID), clock: clock, events: log.eventLog())
    }

    private func moves() throws -> [String] {
        try log.events(.demoCardMoved).map { "\($0["motion"] ?? "?") \($0["reason"] ?? "?")" }
    }

    /// Moves the clock once the hand waits, then lets the motion finish.
    private func pass(_ duration: Duration) async throws {
        try #require(await clock.waitForSleepers(1))
        clock.advance(by: duration)
        await hand.settled()
    }

    @Test func aPromptLaysTheCardAfterItsDelay() async throws {
        await hand.offer(after: .milliseconds(1500))
        #expect(!engine.isCardPresent)
        try await pass(.milliseconds(1500))
        #expect(engine.isCardPresent)
        #expect(try moves() == ["placed prompt"])
    }

    @Test func aCardStillOnTheReaderIsLiftedAndLaidAgain() async throws {
        try engine.place(ScriptedCard(type: .residentID))
        await hand.offer(after: .zero)
        #expect(!engine.isCardPresent, "lifted at once, so the reader sees it leave")
        try #require(await clock.waitForSleepers(1))
        #expect(clock.requestedSleeps == [.milliseconds(650)], "kept off for two of the reader's polls")
        clock.advance(by: .milliseconds(650))
        await hand.settled()
        #expect(engine.isCardPresent)
        #expect(try moves() == ["removed lift", "placed prompt"])
    }

    @Test func aNewPromptCancelsATakeStillWaiting() async throws {
        await hand.offer(after: .milliseconds(1500))
        try await pass(.milliseconds(1500))
        await hand.withdraw(after: .seconds(2), reason: "take")
        // The next visitor's prompt comes before the 2 s are up.
        await hand.offer(after: .milliseconds(1500))
        try await pass(.seconds(2))
        #expect(engine.isCardPresent, "the old take did not remove the card the new prompt laid")
        #expect(try moves() == ["placed prompt", "removed lift", "placed prompt"])
    }

    @Test func aWipeTakesTheCardAtOnceAndCancelsAPromptStillWaiting() async throws {
        await hand.offer(after: .milliseconds(1500))
        await hand.withdraw(after: .zero, reason: "wipe")
        clock.advance(by: .seconds(5))
        await hand.settled()
        #expect(!engine.isCardPresent)
        #expect(try moves().isEmpty, "nothing was on the reader, nothing moved")

        try engine.place(ScriptedCard(type: .residentID))
        await hand.withdraw(after: .zero, reason: "wipe")
        #expect(!engine.isCardPresent)
        #expect(try moves() == ["removed wipe"])
    }

    @Test func aTakeRemovesTheCardAfterItsDelay() async throws {
        try engine.place(ScriptedCard(type: .residentID))
        await hand.withdraw(after: .seconds(2), reason: "take")
        #expect(engine.isCardPresent)
        try await pass(.seconds(2))
        #expect(!engine.isCardPresent)
        #expect(try moves() == ["removed take"])
    }
}
