import Foundation
import KioskDomain
import KioskStore

/// The kiosk's SQLite case store is the drainer's outbox. Each call is one store transaction.
extension CaseStore: OutboxStore {
    public func pendingSubmissions(dueAt now: Date, limit: Int) throws -> [PendingSubmission] {
        try dueOutbox(now: now, limit: limit).map {
            PendingSubmission(caseID: $0.caseID, localReference: $0.localReference, attempts: $0.attempts,
                              enqueuedAt: $0.enqueuedAt, nextAttemptAt: $0.nextAttemptAt, lastError: $0.lastError)
        }
    }

    public func caseForSubmission(id: UUID) throws -> FiledCase {
        try loadCase(id: id)
    }

    /// One read transaction for the whole batch.
    public func casesForSubmission(ids: [UUID]) throws -> [FiledCase] {
        try loadCases(ids: ids)
    }

    public func recordDelivery(caseID: UUID, receipt: SubmissionReceipt, acknowledgedAt: Date, response: Data) throws {
        try markDelivered(caseID: caseID, centralCaseNumber: receipt.caseNumber, acknowledgedAt: acknowledgedAt,
                          response: response)
    }

    /// One write transaction for the whole batch.
    public func recordDeliveries(_ deliveries: [Delivery]) throws {
        try markDelivered(deliveries.map {
            Acknowledgement(caseID: $0.caseID, centralCaseNumber: $0.receipt.caseNumber,
                            acknowledgedAt: $0.acknowledgedAt, response: $0.response)
        })
    }

    public func recordFailedAttempt(caseID: UUID, error: String, nextAttemptAt: Date, permanent: Bool) throws {
        try markAttemptFailed(caseID: caseID, error: error, nextAttemptAt: nextAttemptAt, permanent: permanent)
    }

    public func outboxSummary(now: Date) throws -> OutboxSummary {
        let stats = try outboxStats(now: now)
        let pending = stats.pending > 0 ? try outboxEntries(states: [.pending], limit: max(stats.pending, 1)) : []
        return OutboxSummary(pending: stats.pending,
                             oldestPendingSince: stats.oldestPendingAge.map { now.addingTimeInterval(-$0) },
                             failing: pending.filter { $0.attempts > 0 }.count, refused: stats.dead,
                             nextAttemptAt: pending.map(\.nextAttemptAt).min())
    }
}
