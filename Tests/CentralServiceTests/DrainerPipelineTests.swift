import CentralService
import Foundation
import KioskDomain
import KioskStore
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Synchronization
import Testing
import TestTraits

/// How the drainer keeps the store off the wire's critical path: cases are prepared ahead in
/// batches, acknowledgements are committed in batches, and still never more than `maxInFlight`
/// submissions are out, started in queue order.
@Suite(.realTime) struct DrainerPipelineTests {
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

        func dueOutbox(now: Date, limit: Int) async throws -> [OutboxEntry] {
            await inner.dueOutbox(now: now, limit: limit)
        }
        func loadCases(ids: [UUID]) async throws -> [FiledCase] {
            loadBatches.append(ids.count)
            return try await inner.loadCases(ids: ids)
        }
        func markDelivered(_ acknowledgements: [Acknowledgement]) async throws {
            recordBatches.append(acknowledgements.count)
            try await Task.sleep(for: .milliseconds(8))
            await inner.markDelivered(acknowledgements)
        }
        func markAttemptFailed(caseID: UUID, error: String, nextAttemptAt: Date, permanent: Bool) async throws {
            await inner.markAttemptFailed(caseID: caseID, error: error, nextAttemptAt: nextAttemptAt, permanent: permanent)
        }
        func outboxStats(now: Date) async throws -> OutboxStats { await inner.outboxStats(now: now) }
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

    /// The first acknowledgement commit fails (as on a full disk).
    actor FirstCommitFails: OutboxStore {
        struct Refused: Error, Equatable {}
        let inner: MemoryOutbox
        private(set) var failedBatch = 0
        init(_ inner: MemoryOutbox) { self.inner = inner }

        func dueOutbox(now: Date, limit: Int) async throws -> [OutboxEntry] { await inner.dueOutbox(now: now, limit: limit) }
        func loadCases(ids: [UUID]) async throws -> [FiledCase] { try await inner.loadCases(ids: ids) }
        func markDelivered(_ acknowledgements: [Acknowledgement]) async throws {
            guard failedBatch > 0 else {
                failedBatch = acknowledgements.count
                try await Task.sleep(for: .milliseconds(8))
                throw Refused()
            }
            await inner.markDelivered(acknowledgements)
        }
        func markAttemptFailed(caseID: UUID, error: String, nextAttemptAt: Date, permanent: Bool) async throws {
            await inner.markAttemptFailed(caseID: caseID, error: error, nextAttemptAt: nextAttemptAt, permanent: permanent)
        }
        func outboxStats(now: Date) async throws -> OutboxStats { await inner.outboxStats(now: now) }
    }

    /// A failed commit stops the pass from sending more and is thrown, but every other answer
    /// already received is still recorded first; nothing is recorded twice.
    @Test func answersInHandAreRecordedWhenACommitFails() async throws {
        // Enqueued a minute ago, so every entry is due for this single pass.
        let memory = MemoryOutbox()
        for index in 100..<130 {
            await memory.enqueue(CaseFixtures.chongqing(index: index), at: Date(timeIntervalSinceNow: -60 + Double(index) / 1000))
        }
        let outbox = FirstCommitFails(memory)
        let central = ScriptedCentral()
        var configuration = DrainerTests.fast
        configuration.maxInFlight = 3
        let drainer = OutboxDrainer(store: outbox, submitter: central, configuration: configuration, seed: 1)
        await #expect(throws: FirstCommitFails.Refused.self) { try await drainer.drainOnce() }
        let sent = central.log.withLock { $0.order.count }
        let failed = await outbox.failedBatch
        let entries = await memory.entries
        #expect(failed >= 1)
        #expect(entries.values.allSatisfy { $0.deliveries <= 1 })
        #expect(entries.values.filter { $0.deliveries == 1 }.count == sent - failed)
        #expect(sent - failed >= 1)
    }
}
