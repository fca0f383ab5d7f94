import CentralService
import Foundation
import KioskDomain
import CentralSim
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// The outbox drainer against a real central-sim (in process), with a counted outbox.
@Suite(.realTime) struct DrainerTests {
    static let fast = OutboxDrainer.Configuration(
        batchSize: 20, backoff: BackoffPolicy(initial: 0.02, multiplier: 2, maximum: 0.3), alertAfterAttempts: 4, idlePoll: 0.05)

    static func queue(_ count: Int, from start: Int = 100) async -> MemoryOutbox {
        let outbox = MemoryOutbox()
        let base = Date()
        for index in start..<(start + count) {
            await outbox.enqueue(CaseFixtures.chongqing(index: index), at: base.addingTimeInterval(Double(index - start) * 0.001))
        }
        return outbox
    }

    @Test(arguments: [1, 4])
    func everythingIsDeliveredExactlyOnceThroughFaults(inFlight: Int) async throws {
        let faults = FaultInjection(errorRate: 0.3, timeoutRate: 0.1, hang: 1.5, dropRate: 0.1, seed: 2026)
        let sim = try await CentralSimHarness.start(faults: faults)
        let client = sim.makeClient(requestTimeout: .milliseconds(400))
        let outbox = await Self.queue(40)
        var configuration = Self.fast
        configuration.maxInFlight = inFlight
        let drainer = OutboxDrainer(store: outbox, submitter: client, configuration: configuration, seed: 1)
        let report = try await drainer.run(untilEmpty: true)

        // The faults strike queries too: ask until an answer gets through.
        var answer: CaseList?
        for _ in 0..<50 where answer == nil {
            answer = try? await sim.client.listCases(terminalID: CentralSimHarness.terminalID)
        }
        let held = try #require(answer).cases
        let entries = await outbox.entries
        #expect(held.count == 40)
        #expect(Set(held.map(\.caseId)) == Set(entries.keys))
        for (id, entry) in entries {
            #expect(entry.deliveries == 1)
            #expect(entry.centralCaseNumber == held.first { $0.caseId == id }?.caseNumber)
        }
        #expect(report.delivered == 40)
        #expect(report.retried > 0)
        // Some answers were lost after the case was stored: those came back as replays.
        #expect(report.replayed > 0)
        try? await client.shutdown()
        await sim.stop()
    }

    @Test func aRefusedCaseIsReportedAndTheRestDrain() async throws {
        let sim = try await CentralSimHarness.start()
        let outbox = await Self.queue(6)
        var bad = CaseFixtures.chongqing(index: 99)
        bad.applicant.idNumber = "110105194912310021"
        await outbox.enqueue(bad, at: Date(timeIntervalSince1970: 0)) // the oldest
        let alerts = AlertLog()
        let drainer = OutboxDrainer(store: outbox, submitter: sim.client, configuration: Self.fast, seed: 1,
                                    onAlert: { alert in alerts.append(alert) })
        let report = try await drainer.run(untilEmpty: true)
        #expect(report.delivered == 6)
        #expect(report.dead == 1)
        #expect(alerts.all.map(\.kind) == [.dead])
        #expect(alerts.all.first?.caseID == bad.id)
        #expect(alerts.all.first?.lastError.contains("applicant.idNumber") == true)
        let status = try await drainer.status()
        #expect(status.pending == 0)
        #expect(status.dead == 1)
        await sim.stop()
    }

    @Test func aCaseThatKeepsFailingRaisesAnAlertWithoutBlockingOthers() async throws {
        let sim = try await CentralSimHarness.start()
        let outbox = await Self.queue(5)
        let stuck = CaseFixtures.chongqing(index: 98)
        await outbox.enqueue(stuck, at: Date(timeIntervalSince1970: 0))
        let alerts = AlertLog()
        let drainer = OutboxDrainer(store: outbox, submitter: FailingFor(id: stuck.id, inner: sim.client),
                                    configuration: Self.fast, seed: 1, onAlert: { alerts.append($0) })
        let runner = Task(executorPreference: TestExecutors.realTime) { try await drainer.run(untilEmpty: true) }
        for _ in 0..<200 where alerts.all.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        runner.cancel()
        _ = try? await runner.value
        let entries = await outbox.entries
        #expect(entries.values.filter { $0.centralCaseNumber != nil }.count == 5)
        #expect(alerts.all.first?.kind == .stuck)
        #expect(alerts.all.first?.caseID == stuck.id)
        #expect(alerts.all.first?.attempts == Self.fast.alertAfterAttempts)
        #expect(entries[stuck.id]?.permanent == false)
        let status = try await drainer.status()
        #expect(status.pending == 1)
        #expect(status.failing == 1)
        #expect((status.oldestPendingSeconds ?? 0) > 1_000_000)
        await sim.stop()
    }

    @Test func retryAfterPausesTheQueue() async throws {
        let sim = try await CentralSimHarness.start(faults: FaultInjection(unavailableRate: 1, retryAfter: 30))
        let outbox = await Self.queue(3)
        let clock = ManualClock(start: SystemClock().wallTime)
        let drainer = OutboxDrainer(store: outbox, submitter: sim.client, configuration: Self.fast, seed: 1, clock: clock)
        let first = try await drainer.drainOnce()
        #expect(first.attempted == 1)
        #expect(first.servicePauses == 1)
        let status = try await drainer.status()
        #expect(status.pausedUntil.map { $0.timeIntervalSince(clock.wallTime) } ?? 0 >= 30)
        // Still paused: nothing is sent, no case is charged another attempt.
        clock.advance(seconds: 10)
        #expect(try await drainer.drainOnce().attempted == 0)
        #expect(await outbox.entries.values.map(\.attempts).reduce(0, +) == 1)
        await sim.stop()
    }

    /// The kiosk was offline: nothing listens. When central-sim comes up the queue drains.
    @Test func anOfflineQueueDrainsWhenTheNetworkReturns() async throws {
        let probe = try await CentralSimHarness.start()
        let port = probe.server.port
        let secret = probe.secret
        await probe.stop()
        let client = try CentralClient(configuration: .init(baseURL: URL(string: "http://127.0.0.1:\(port)")!,
                                                        terminalID: CentralSimHarness.terminalID,
                                                        connectTimeout: .milliseconds(300), requestTimeout: .seconds(5)),
                                   secret: secret)
        let outbox = await Self.queue(8)
        let drainer = OutboxDrainer(store: outbox, submitter: client, configuration: Self.fast, seed: 1)
        let offline = try await drainer.drainOnce()
        // Connection refused pauses the pass; on a loaded machine the attempt may end as a
        // timeout instead, which is retried all the same. Either way nothing is lost.
        #expect(offline.delivered == 0)
        #expect(offline.retried >= 1)
        #expect(try await drainer.status().pending == 8)

        let directory = try RepositoryPaths.temporaryDirectory("central-sim")
        let server = try await CentralSimServer.start(CentralSimConfiguration(
            port: port, databasePath: directory.appendingPathComponent("c.sqlite").path, assets: RepositoryPaths.assets,
            terminals: [CentralSimHarness.terminalID: secret]))
        let report = try await drainer.run(untilEmpty: true)
        #expect(report.delivered == 8)
        #expect(try await drainer.status().pending == 0)
        try? await client.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    @Test func oldestIsSentFirst() async throws {
        let sim = try await CentralSimHarness.start()
        let outbox = await Self.queue(10)
        let drainer = OutboxDrainer(store: outbox, submitter: sim.client, configuration: Self.fast, seed: 1)
        _ = try await drainer.run(untilEmpty: true)
        let held = try await sim.client.listCases(terminalID: CentralSimHarness.terminalID).cases
        let numbers = held.sorted { $0.caseNumber < $1.caseNumber }.map(\.localReference)
        #expect(numbers == (100..<110).map { CaseFixtures.chongqing(index: $0).localReference })
        await sim.stop()
    }
}

/// Fails one case every time (as a case the server always chokes on would), passes the rest.
struct FailingFor: CaseSubmitter {
    let id: UUID
    let inner: CentralClient
    func submit(_ filed: FiledCase) async -> SubmitOutcome {
        filed.id == id ? .retryable(reason: "HTTP 500", retryAfter: nil, scope: .request) : await inner.submit(filed)
    }
}

final class AlertLog: @unchecked Sendable {
    private let lock = NSLock()
    private var alerts: [DrainAlert] = []
    func append(_ alert: DrainAlert) { lock.withLock { alerts.append(alert) } }
    var all: [DrainAlert] { lock.withLock { alerts } }
}
