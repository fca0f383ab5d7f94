import CentralService
import Foundation
import KioskDomain
import KioskTesting
import Synchronization
import Testing

/// How the drainer keeps the store off the wire's critical path: cases are prepared ahead in
/// batches, acknowledgements are committed in batches, and still never more than `maxInFlight`
/// submissions are out, started in queue order.
@Suite struct DrainerPipelineTests {
    /// Answers every case after a short delay, noting the order and the most in flight at once.
    final class ScriptedCentral: CaseSubmitter, Sendable {
        struct Log { var order: [UUID] = []; var inFlight = 0; var mostInFlight = 0 }
        let log = Mutex(Log())

        func submit(_ filed: FiledCase) async -> SubmitOutcome {
            log.withLock { $0.order.append(filed.id); $0.inFlight += 1; $0.mostInFlight = max($0.mostInFlight, $0.inFlight) }
            try? await Task.sleep(for: .milliseconds(1))
            let number = log.withLock { log -> Int in log.inFlight -= 1; return log.order.firstIndex(of: filed.id)! + 1 }
            let receipt = SubmissionReceipt(caseId: filed.id, caseNumber: "YJS-T-\(number)", acceptedAt: Date(), items: [])
            return .accepted(receipt, replayed: false, response: Data("{}".utf8))
        }
    }

    /// The in-memory outbox, with each batch call counted and acknowledgements slow to commit
    /// (as a busy disk would be), so that answers pile up while one batch is written.
    actor SlowOutbox: OutboxStore {
        let inner: MemoryOutbox
        private(set) var loadBatches: [Int] = []
        private(set) var recordBatches: [Int] = []
        init(_ inner: MemoryOutbox) { self.inner = inner }

        func pendingSubmissions(dueAt now: Date, limit: Int) async throws -> [PendingSubmission] {
            await inner.pendingSubmissions(dueAt: now, limit: limit)
        }
        func caseForSubmission(id: UUID) async throws -> FiledCase { try await inner.caseForSubmission(id: id) }
        func casesForSubmission(ids: [UUID]) async throws -> [FiledCase] {
            loadBatches.append(ids.count)
            var cases: [FiledCase] = []
            for id in ids { cases.append(try await inner.caseForSubmission(id: id)) }
            return cases
        }
        func recordDelivery(caseID: UUID, receipt: SubmissionReceipt, acknowledgedAt: Date, response: Data) async throws {
            Issue.record("the drainer recorded a delivery on its own instead of in a batch")
            await inner.recordDelivery(caseID: caseID, receipt: receipt, acknowledgedAt: acknowledgedAt, response: response)
        }
        func recordDeliveries(_ deliveries: [Delivery]) async throws {
            recordBatches.append(deliveries.count)
            try await Task.sleep(for: .milliseconds(8))
            for d in deliveries {
                await inner.recordDelivery(caseID: d.caseID, receipt: d.receipt, acknowledgedAt: d.acknowledgedAt, response: d.response)
            }
        }
        func recordFailedAttempt(caseID: UUID, error: String, nextAttemptAt: Date, permanent: Bool) async throws {
            await inner.recordFailedAttempt(caseID: caseID, error: error, nextAttemptAt: nextAttemptAt, permanent: permanent)
        }
        func outboxSummary(now: Date) async throws -> OutboxSummary { await inner.outboxSummary(now: now) }
    }

    @Test(arguments: [1, 3])
    func batchesOnBothSidesOfTheWire(inFlight: Int) async throws {
        let memory = await DrainerTests.queue(40)
        let outbox = SlowOutbox(memory)
        let central = ScriptedCentral()
        var configuration = DrainerTests.fast
        configuration.maxInFlight = inFlight
        let report = try await OutboxDrainer(store: outbox, submitter: central, configuration: configuration, seed: 1)
            .run(untilEmpty: true)

        #expect(report.delivered == 40)
        #expect(report.attempted == 40)
        let log = central.log.withLock { $0 }
        #expect(log.mostInFlight <= inFlight)
        if inFlight == 1 {
            let queueOrder = (100..<140).map { CaseFixtures.chongqing(index: $0).id }
            #expect(log.order == queueOrder)
        }
        let entries = await memory.entries
        #expect(entries.values.allSatisfy { $0.deliveries == 1 })
        // Several answers per acknowledgement commit, several cases per read.
        let recorded = await outbox.recordBatches
        #expect(recorded.reduce(0, +) == 40)
        #expect(recorded.count < 40)
        #expect(recorded.contains { $0 > 1 })
        #expect(await outbox.loadBatches.allSatisfy { $0 >= 1 })
        #expect(await outbox.loadBatches.reduce(0, +) == 40)
    }
}
