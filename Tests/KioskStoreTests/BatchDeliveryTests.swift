import Foundation
import GRDB
import KioskDomain
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore

/// The batch forms the drainer uses: several cases read in one transaction, several
/// acknowledgements committed in one, each with the single form's rules.
@Suite(.computeBound) struct BatchDeliveryTests {
    @Test func casesAreReadBackInTheOrderAsked() async throws {
        let rig = try StoreRig(label: "batch-read")
        defer { rig.remove() }
        let store = try rig.open()
        let cases = (0..<6).map { CaseFixtures.chongqing(index: 40 + $0) }
        for filed in cases { try await store.confirm(filed) }
        let order = [4, 0, 5, 2]
        let loaded = try await store.loadCases(ids: order.map { cases[$0].id })
        #expect(loaded == order.map { cases[$0] })
        // A case that is not there fails the batch, naming it.
        let missing = UUID()
        await #expect(throws: StoreError.caseNotFound(missing.uuidString)) {
            _ = try await store.loadCases(ids: [cases[1].id, missing])
        }
    }

    /// One conflicting acknowledgement in a batch: the others are committed (with their audit
    /// rows), the first acknowledgement of the conflicting case is kept, and the conflict is thrown.
    @Test func aConflictDoesNotHoldUpTheRestOfTheBatch() async throws {
        let rig = try StoreRig(label: "batch-ack")
        defer { rig.remove() }
        let store = try rig.open()
        let cases = (0..<4).map { CaseFixtures.chongqing(index: 50 + $0) }
        for filed in cases { try await store.confirm(filed) }
        try await store.markDelivered(caseID: cases[1].id, centralCaseNumber: "YJS-1", acknowledgedAt: rig.clock.wallTime,
                                      response: Data("{}".utf8))
        let batch = [
            Acknowledgement(caseID: cases[0].id, centralCaseNumber: "YJS-0", acknowledgedAt: rig.clock.wallTime, response: Data("{\"a\":0}".utf8)),
            Acknowledgement(caseID: cases[1].id, centralCaseNumber: "YJS-999", acknowledgedAt: rig.clock.wallTime, response: Data()),
            Acknowledgement(caseID: cases[2].id, centralCaseNumber: "YJS-2", acknowledgedAt: rig.clock.wallTime, response: Data("{\"a\":2}".utf8)),
            // The same acknowledgement twice in one batch (a replayed answer) is fine.
            Acknowledgement(caseID: cases[2].id, centralCaseNumber: "YJS-2", acknowledgedAt: rig.clock.wallTime, response: Data("{\"a\":2}".utf8)),
        ]
        await #expect(throws: StoreError.conflictingAcknowledgement(id: cases[1].id, existing: "YJS-1", new: "YJS-999")) {
            try await store.markDelivered(batch)
        }
        #expect(try await store.loadCase(id: cases[0].id).centralCaseNumber == "YJS-0")
        #expect(try await store.loadCase(id: cases[1].id).centralCaseNumber == "YJS-1")
        #expect(try await store.loadCase(id: cases[2].id).centralCaseNumber == "YJS-2")
        #expect(try await store.loadCase(id: cases[3].id).centralCaseNumber == nil)
        let stats = try await store.outboxStats(now: rig.clock.wallTime)
        #expect(stats.delivered == 3 && stats.pending == 1)
        let delivered = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE event = ? ORDER BY id",
                                arguments: [AuditEvent.caseDelivered.rawValue])
        }
        #expect(delivered.count == 3)
        // An empty batch is nothing to do.
        try await store.markDelivered([Acknowledgement]())
    }
}
