import IDCardReader
import IDCardSimulator
import KioskApp
@testable import KioskHost
import KioskOperations
import KioskTesting
import Synchronization
import Testing
import TestTraits

/// The bridge between the reader and the flow, on a simulated reader over a real pty: a reading
/// goes to the card prompt that waits for it, and one no prompt waits for is dropped and says so
/// in the event log (without the card's contents).
@Suite(.realTime) struct ReaderBridgeTests {
    final class Received: Sendable {
        private let list = Mutex<[KioskEvent]>([])
        func append(_ event: KioskEvent) { list.withLock { $0.append(event) } }
        var events: [KioskEvent] { list.withLock { $0 } }
    }

    /// Waits (real time, bounded) until `condition` holds; false if it never did.
    private func eventually(_ condition: () throws -> Bool) async rethrows -> Bool {
        let real = SystemClock()
        let end = real.now.advanced(by: .seconds(30))
        while real.now < end {
            if try condition() { return true }
            try? await real.sleep(for: .milliseconds(10))
        }
        return try condition()
    }

    @Test func aReadingGoesToTheWaitingPromptAndOneNobodyWaitsForIsLoggedAsDropped() async throws {
        let rig = try SimulatedReaderRig(cards: [])
        defer { rig.stop() }
        var configuration = CardReader.Configuration()
        configuration.pollInterval = .milliseconds(50)
        let reader = CardReader(connector: rig.connector, verifier: try SimulatedReaderRig.verifier(), configuration: configuration)
        let log = EventLogCapture()
        let bridge = ReaderBridge(reader: reader, events: log.eventLog())
        let always = Received(), prompt = Received()
        await bridge.start { always.append($0) }
        defer { Task { await bridge.stop() } }
        try #require(await eventually { always.events.contains(.readerStatus(ready: true)) })

        // No prompt waits: the reading is dropped, and the log says so.
        var fields = ScriptedCard.Fields()
        fields.name = "张测试"
        let card = ScriptedCard(type: .residentID, fields: fields)
        try rig.engine.place(card)
        try #require(await eventually { try log.events(.cardReaderOutcome).count == 1 })
        #expect(try log.events(.cardReaderOutcome).first?["delivered_to"] == "nobody")
        #expect(prompt.events.isEmpty)

        // A prompt waits: the card, lifted and laid again, reaches it.
        await bridge.arm { prompt.append($0) }
        rig.engine.removeCard()
        try #require(await eventually { always.events.contains(.cardRemoved) })
        try rig.engine.place(card)
        try #require(await eventually { !prompt.events.isEmpty })
        guard case .cardRead = prompt.events.first else {
            Issue.record("the prompt got \(prompt.events), not the card")
            return
        }
        let outcomes = try log.events(.cardReaderOutcome).map { "\($0["outcome"] ?? "?") \($0["delivered_to"] ?? "?")" }
        #expect(outcomes == ["read nobody", "read screen"])
        #expect(!log.lines.joined().contains("张测试"), "no name in the log")
    }
}
