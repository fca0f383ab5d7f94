import Foundation
import IDCardReader
import IDCardSimulator
import KioskDomain
import IDCardReaderTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// The reader actor's timing logic on a manual clock: the simulator's protocol engine answers
/// over an in-memory transport (real frames, no tty), and time moves only when the test says.
@Suite("card reader actor, deterministic clock", .realTime)
struct CardReaderClockTests {
    static let today = CivilDate(year: 2026, month: 11, day: 23)!
    /// 2026-11-23 09:00 China time.
    static let morning = Date(timeIntervalSince1970: 1_795_395_600)

    /// Counts connection attempts; fails the first `failures` of them.
    final class FlakyConnector: @unchecked Sendable {
        let engine: SAMReaderEngine
        private let lock = NSLock()
        private var remainingFailures: Int
        private(set) var attempts = 0

        init(engine: SAMReaderEngine, failures: Int) {
            self.engine = engine
            remainingFailures = failures
        }

        var connector: CardReader.Connector {
            { () throws(TransportError) -> any SAMTransport in
                let fail: Bool = self.lock.withLock {
                    self.attempts += 1
                    if self.remainingFailures > 0 { self.remainingFailures -= 1; return true }
                    return false
                }
                if fail { throw .cannotOpen(device: "engine", reason: "unplugged") }
                return EngineTransport(engine: self.engine)
            }
        }
    }

    struct Rig {
        let clock = ManualClock(start: CardReaderClockTests.morning)
        let engine: SAMReaderEngine
        let flaky: FlakyConnector
        let reader: CardReader
        let log = ReaderEventLog()
        let task: Task<Void, Never>

        init(cards: [ScriptedCard], connectFailures: Int = 0) async throws {
            let clock = self.clock
            engine = try SAMReaderEngine(script: SimulatorScript(cards: cards, samDelays: .none),
                                         now: { clock.now.offset })
            flaky = FlakyConnector(engine: engine, failures: connectFailures)
            reader = CardReader(connector: flaky.connector, verifier: try SimulatedReaderRig.verifier(),
                                clock: clock)
            await log.follow(reader.events)
            let reader = self.reader
            task = Task(executorPreference: TestExecutors.realTime) { await reader.run() }
        }

        /// Waits for the actor's next sleep, then lets `step` of time pass.
        func tick(_ step: Duration) async {
            #expect(await clock.sleepers(atLeast: 1))
            clock.advance(by: step)
        }

        /// Waits until the actor sleeps again, so a change to the card or the reader lands
        /// between two polls rather than racing one.
        func settle() async {
            #expect(await clock.sleepers(atLeast: 1))
        }

        func kinds(count: Int) async -> [String] {
            await log.wait { $0.count >= count }.map(\.kind)
        }
    }

    @Test("connect, read, then poll presence every 300 ms until the card leaves")
    func readAndRemove() async throws {
        let rig = try await Rig(cards: [ScriptedCard(type: .residentID)])
        #expect(await rig.kinds(count: 2) == ["connected", "cardRead"])
        await rig.tick(.milliseconds(300))
        await rig.settle()
        rig.engine.removeCard()
        await rig.tick(.milliseconds(300))
        #expect(await rig.kinds(count: 3) == ["connected", "cardRead", "cardRemoved"])
        #expect(await rig.clock.sleepers(atLeast: 1))
        #expect(rig.clock.requestedSleeps.allSatisfy { $0 == .milliseconds(300) })
        #expect(rig.engine.answeredCommands["read text+photo (30 01)"] == 1)
        // One presence probe with the card still there, one that finds it gone.
        #expect(rig.engine.answeredCommands["read appended address (30 03)"] == 2)
        let events = await rig.log.events
        guard events.count > 1, case let .cardRead(reading) = events[1] else { Issue.record("no card"); return }
        #expect(reading.isAcceptable)
        #expect(await rig.reader.status == .connected(ReaderConnection(label: "engine", samIdentity: "05.01-20101129-0001228293-0296863149")))
        rig.task.cancel()
        await rig.task.value
    }

    @Test("failed reads are reported and retried on the next poll")
    func retries() async throws {
        let rig = try await Rig(cards: [ScriptedCard(type: .residentID, failNextReads: 2)])
        #expect(await rig.kinds(count: 2) == ["connected", "readFailed"])
        await rig.tick(.milliseconds(300))
        await rig.tick(.milliseconds(300))
        #expect(await rig.kinds(count: 4) == ["connected", "readFailed", "readFailed", "cardRead"])
        let events = await rig.log.events
        if events.count > 1, case let .readFailed(failure) = events[1] {
            #expect(failure == .status(.readFailed))
            #expect(failure.chineseMessage == "读卡失败，请重新放置")
        } else {
            Issue.record("expected a read failure")
        }
        rig.task.cancel()
        await rig.task.value
    }

    @Test("reconnection backs off 0.5 s, 1 s, 2 s and reports the outage once")
    func backoff() async throws {
        let rig = try await Rig(cards: [], connectFailures: 3)
        await rig.tick(.milliseconds(500))
        await rig.tick(.seconds(1))
        await rig.tick(.seconds(2))
        #expect(await rig.kinds(count: 2) == ["disconnected", "connected"])
        #expect(Array(rig.clock.requestedSleeps.prefix(3)) == [.milliseconds(500), .seconds(1), .seconds(2)])
        #expect(rig.flaky.attempts == 4)
        #expect(Backoff(initial: .milliseconds(500), maximum: .seconds(8)).delay(attempt: 10) == .seconds(8))
        rig.task.cancel()
        await rig.task.value
    }

    @Test("a reader that stops answering is dropped after two silent commands and reconnected when it answers again")
    func silentReader() async throws {
        let rig = try await Rig(cards: [])
        #expect(await rig.kinds(count: 1) == ["connected"])
        await rig.settle()
        rig.engine.setAnswering(false)
        await rig.tick(.milliseconds(300)) // first unanswered find
        await rig.tick(.milliseconds(300)) // second: disconnected, then backoff
        #expect(await rig.kinds(count: 2) == ["connected", "disconnected"])
        if case let .disconnected(fault) = await rig.log.events.last { #expect(fault == .notAnswering(2)) }
        await rig.tick(.milliseconds(500)) // reconnect attempt: status unanswered
        await rig.tick(.seconds(1))
        await rig.settle()
        rig.engine.setAnswering(true)
        await rig.tick(.seconds(2))
        #expect(await rig.kinds(count: 3) == ["connected", "disconnected", "connected"])
        rig.task.cancel()
        await rig.task.value
    }

    @Test("a card that is taken away and another placed: removed, then read")
    func secondCard() async throws {
        let rig = try await Rig(cards: [ScriptedCard(type: .residentID)])
        #expect(await rig.kinds(count: 2) == ["connected", "cardRead"])
        await rig.settle()
        rig.engine.removeCard()
        await rig.tick(.milliseconds(300))
        await rig.settle()
        try rig.engine.place(ScriptedCard(type: .foreignPermanentResident))
        await rig.tick(.milliseconds(300))
        #expect(await rig.kinds(count: 4) == ["connected", "cardRead", "cardRemoved", "cardRead"])
        if case let .cardRead(reading) = await rig.log.events.last { #expect(reading.card.kind == .foreignPermanentResident) }
        rig.task.cancel()
        await rig.task.value
    }
}
