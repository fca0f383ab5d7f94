import Dispatch
import IDCardReader
import IDCardSimulator
import KioskDomain
@testable import KioskHost
import KioskOperations
import KioskTesting
import Synchronization
import Testing
import TestTraits

/// A self-test right after kioskd starts, while the reader's first connection attempt is still
/// under way: it waits for that attempt (up to `firstConnectionWait` on the kiosk's clock) and
/// then reports what it found, instead of failing a reader that is about to answer.
@Suite(.realTime) struct ReaderSelfTestTests {
    /// A simulated reader whose first connection attempt hangs until `release()`.
    final class HeldReader: Sendable {
        let rig: SimulatedReaderRig
        let bridge: ReaderBridge
        private let gate = DispatchSemaphore(value: 0)

        init() throws {
            rig = try SimulatedReaderRig(cards: [])
            let inner = rig.connector, gate = self.gate
            var configuration = CardReader.Configuration()
            configuration.pollInterval = .milliseconds(50)
            let reader = CardReader(connector: { () throws(TransportError) -> any SAMTransport in
                gate.wait()
                return try inner()
            }, verifier: try SimulatedReaderRig.verifier(), configuration: configuration)
            bridge = ReaderBridge(reader: reader)
        }

        func release() { gate.signal() }

        func stop() async {
            release()
            await bridge.stop()
            rig.stop()
        }
    }

    private func target(_ held: HeldReader, clock: ManualClock) -> DiagnosticsTarget {
        var target = DiagnosticsTarget(terminalID: "CQ-T-01", region: "chongqing", assets: RepositoryPaths.assets, clock: clock)
        target.reader = .owned(held.bridge)
        let engine = held.rig.engine
        target.presentTestCard = { try? engine.place(ScriptedCard(type: .residentID)) }
        target.removeTestCard = { engine.removeCard() }
        return target
    }

    @Test func aReaderStillConnectingAfterFiveSecondsIsReportedAsConnecting() async throws {
        let held = try HeldReader()
        await held.bridge.start { _ in }
        let clock = ManualClock(stepping: true)
        let checks = await ReaderDiagnostics.checks(target(held, clock: clock))
        await held.stop()
        #expect(checks.map(\.code) == ["reader.found"])
        #expect(checks.first?.status == .fail)
        #expect(checks.first?.measured == "尚未连接（正在尝试）")
        let waited = clock.requestedSleeps.reduce(Duration.zero, +)
        #expect(waited == ReaderDiagnostics.firstConnectionWait, "waited \(waited) on the kiosk's clock")
    }

    @Test func aReaderThatConnectsWhileTheSelfTestWaitsPassesAndReadsTheTestCard() async throws {
        let held = try HeldReader()
        await held.bridge.start { _ in }
        let clock = ManualClock()
        let done = Mutex<[DiagnosticCheck]?>(nil)
        let target = target(held, clock: clock)
        let run = Task {
            let checks = await ReaderDiagnostics.checks(target)
            done.withLock { $0 = checks }
        }
        // One second on the kiosk's clock with the reader still connecting. The reader is
        // released only once the self-test sleeps its eleventh step: released any earlier, the
        // self-test could see the connection on waking from the tenth (CI at 4277172).
        for _ in 0..<10 {
            try #require(await clock.sleepers(atLeast: 1))
            clock.advance(by: .milliseconds(100))
        }
        try #require(await clock.sleepers(atLeast: 1))
        held.release()
        // The reader connects in real time while the self-test sleeps on its clock; then one
        // more step lets the self-test see the connection and go on to the live read (whose
        // own wait is left to real time: the card comes at once).
        let real = SystemClock()
        let end = real.now.advanced(by: .seconds(60))
        while case .unknown = await held.bridge.readerStatus(), real.now < end { try? await real.sleep(for: .milliseconds(10)) }
        guard case .connected = await held.bridge.readerStatus() else {
            Issue.record("the reader did not connect: \(await held.bridge.readerStatus())")
            await held.stop()
            return
        }
        clock.advance(by: .milliseconds(100))
        await run.value
        clock.advance(by: .seconds(10))
        await held.stop()

        let checks = try #require(done.withLock { $0 })
        let found = try #require(checks.first { $0.code == "reader.found" })
        #expect(found.status == .pass, "\(found.measured)")
        #expect(checks.first { $0.code == "reader.read" }?.status == .pass, "\(checks.map { "\($0.code) \($0.status) \($0.measured)" })")
        let steps = clock.requestedSleeps.filter { $0 == .milliseconds(100) }.count
        #expect(steps == 11, "the self-test waited \(steps) × 100 ms for the connection")
    }
}
