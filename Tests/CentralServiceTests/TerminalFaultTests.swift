import CentralService
import Foundation
import KioskDomain
import KioskDomainTesting
import KioskStore
import KioskStoreTesting
import CentralServiceTesting
import Testing
import TestTraits

/// A misconfigured terminal must not bury its queue: cases filed under one terminal id, drained
/// by a terminal configured with another id (or with a wrong key), hold the whole outbox as one
/// terminal fault with one alert — nothing is dead-lettered — and the queue resumes once the
/// configuration is right again. Real store file, real central-sim.
@Suite(.realTime) struct TerminalFaultTests {
    static let fast = OutboxDrainer.Configuration(
        batchSize: 20, backoff: BackoffPolicy(initial: 0.02, multiplier: 2, maximum: 0.3), alertAfterAttempts: 4, idlePoll: 0.05)

    /// Five cases confirmed by terminal CQ-YB-01 (the fixtures' terminal) into a real store.
    static func filedStore() async throws -> (StoreRig, CaseStore, [FiledCase]) {
        let rig = try StoreRig(label: "terminal-fault")
        let store = try rig.open()
        var cases: [FiledCase] = []
        for index in 0..<5 {
            let filed = CaseFixtures.chongqing(index: 300 + index)
            try await store.confirm(filed)
            cases.append(filed)
        }
        return (rig, store, cases)
    }

    @Test func casesOfAnotherTerminalHoldTheQueueWithOneAlertAndNoDeadLetters() async throws {
        let sim = try await CentralSimHarness.start()
        let (rig, store, cases) = try await Self.filedStore()
        let alerts = AlertLog()
        // The drain is configured as the other terminal of the hall (registered, right key).
        let other = sim.makeOtherTerminalClient()
        let drainer = OutboxDrainer(store: store, submitter: other, configuration: Self.fast, seed: 1,
                                    onAlert: { alerts.append($0) })
        let first = try await drainer.drainOnce()
        let second = try await drainer.drainOnce() // still held: no new alert, no attempt
        #expect(first.dead == 0 && second.dead == 0)
        #expect(first.attempted == 0 && second.attempted == 0)
        #expect(alerts.all.map(\.kind) == [.terminalFault])
        let status = try await drainer.status()
        #expect(status.terminalFault?.kind == .casesOfAnotherTerminal)
        #expect(status.terminalFault?.remedy.contains("CQ-YB-02") == true)
        #expect(status.dead == 0 && status.pending == cases.count)
        #expect(status.pausedUntil != nil)
        #expect(try await store.outboxEntries(states: [.dead]).isEmpty)
        // Nothing reached the central service.
        #expect(try await sim.client.listCases(terminalID: CentralSimHarness.terminalID).cases.isEmpty)

        // The configuration is put right (the terminal's own id and key): everything drains.
        let own = OutboxDrainer(store: store, submitter: sim.makeClient(), configuration: Self.fast, seed: 1)
        let report = try await own.run(untilEmpty: true)
        #expect(report.delivered == cases.count)
        #expect(try await own.status().terminalFault == nil)
        try? await other.shutdown()
        await sim.stop()
        rig.remove()
    }

    @Test func aWrongKeyIsNamedBeforeAnyCaseIsSent() async throws {
        let sim = try await CentralSimHarness.start()
        let (rig, store, cases) = try await Self.filedStore()
        let wrongKey = try CentralClient(configuration: .init(baseURL: sim.server.baseURL, terminalID: CentralSimHarness.terminalID,
                                                              connectTimeout: .seconds(30), requestTimeout: .seconds(60)),
                                         secret: TerminalSecret.generate())
        let alerts = AlertLog()
        let drainer = OutboxDrainer(store: store, submitter: wrongKey, configuration: Self.fast, seed: 1,
                                    onAlert: { alerts.append($0) })
        let report = try await drainer.drainOnce()
        #expect(report.attempted == 0 && report.dead == 0)
        let status = try await drainer.status()
        #expect(status.terminalFault?.kind == .keyRefused)
        #expect(status.terminalFault?.remedy.contains("terminal.key_file") == true)
        #expect(alerts.all.map(\.kind) == [.terminalFault])
        #expect(try await store.outboxEntries().allSatisfy { $0.state == .pending && $0.attempts == 0 })
        #expect(cases.count == status.pending)
        try? await wrongKey.shutdown()
        await sim.stop()
        rig.remove()
    }

    @Test func aWrongTerminalAnswerOnACaseHoldsTheQueueInsteadOfDeadLettering() async throws {
        // A service that answers wrong_terminal to everything this terminal signs (its own rule,
        // not ours to predict): the identity check already meets it, before any case is sent.
        let server = try CannedHTTPServer(status: 403, body: Data(#"{"error":"wrong_terminal","message":"终端只能提交本终端受理的案件"}"#.utf8))
        let outbox = MemoryOutbox()
        for index in 0..<4 { await outbox.enqueue(CaseFixtures.chongqing(index: 400 + index), at: Date(timeIntervalSince1970: Double(index))) }
        let client = try CentralClient(configuration: .init(baseURL: server.baseURL, terminalID: CentralSimHarness.terminalID),
                                       secret: TerminalSecret.generate())
        let alerts = AlertLog()
        let drainer = OutboxDrainer(store: outbox, submitter: client, configuration: Self.fast, seed: 1, onAlert: { alerts.append($0) })
        let report = try await drainer.drainOnce()
        #expect(report.dead == 0 && report.attempted == 0)
        #expect(server.requestCount == 1)
        #expect(alerts.all.map(\.kind) == [.terminalFault])
        #expect(try await drainer.status().terminalFault?.kind == .wrongTerminal)
        #expect(await outbox.entries.values.allSatisfy { !$0.permanent && $0.deliveries == 0 })
        try? await client.shutdown()
        server.stop()
    }

    @Test func everyCaseRefusedForOneReasonIsRetriedAtOnce() async throws {
        let (rig, store, cases) = try await Self.filedStore()
        let now = rig.clock.wallTime
        for filed in cases.prefix(3) {
            try await store.markAttemptFailed(caseID: filed.id, error: "HTTP 403 wrong_terminal: 终端只能提交本终端受理的案件 [terminalId: mismatch]",
                                              nextAttemptAt: now, permanent: true)
        }
        try await store.markAttemptFailed(caseID: cases[3].id, error: "HTTP 422 validation_failed: 案件内容校验未通过 [applicant.idNumber: checksum]",
                                          nextAttemptAt: now, permanent: true)
        let retried = try await store.retryRefused(kind: "wrong_terminal")
        #expect(retried == cases.prefix(3).map(\.localReference))
        let dead = try await store.outboxEntries(states: [.dead])
        #expect(dead.map(\.caseID) == [cases[3].id])
        #expect(try await store.retryRefused(kind: "422") == [cases[3].localReference])
        #expect(try await store.auditLog(limit: 20).contains { $0.event == AuditEvent.retryAllRefused.rawValue && $0.detail == "kind=wrong_terminal count=3" })
        rig.remove()
    }
}
