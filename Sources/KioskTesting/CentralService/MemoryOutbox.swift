import CentralService
import Foundation
import KioskDomain

/// An outbox held in memory with the same semantics the SQLite store gives the drainer (oldest
/// first, due entries only, permanent refusals leave the queue), for deterministic drainer tests
/// that count every call. End-to-end tests use the real store.
public actor MemoryOutbox: OutboxStore {
    public struct Entry: Sendable {
        public var filed: FiledCase
        public var attempts = 0
        public var enqueuedAt: Date
        public var nextAttemptAt: Date
        public var lastError: String?
        public var permanent = false
        public var delivered: SubmissionReceipt?
        public var deliveries = 0
    }

    public private(set) var entries: [UUID: Entry] = [:]
    private var order: [UUID] = []

    public init() {}

    public func enqueue(_ filed: FiledCase, at date: Date) {
        entries[filed.id] = Entry(filed: filed, enqueuedAt: date, nextAttemptAt: date)
        order.append(filed.id)
    }

    public func entry(_ id: UUID) -> Entry? { entries[id] }

    public func pendingSubmissions(dueAt now: Date, limit: Int) -> [PendingSubmission] {
        order.compactMap { id -> PendingSubmission? in
            guard let e = entries[id], e.delivered == nil, !e.permanent, e.nextAttemptAt <= now else { return nil }
            return PendingSubmission(caseID: id, localReference: e.filed.localReference, attempts: e.attempts,
                                     enqueuedAt: e.enqueuedAt, nextAttemptAt: e.nextAttemptAt, lastError: e.lastError)
        }.prefix(limit).map { $0 }
    }

    public func caseForSubmission(id: UUID) throws -> FiledCase {
        guard let e = entries[id] else { throw CocoaError(.fileNoSuchFile) }
        return e.filed
    }

    public func recordDelivery(caseID: UUID, receipt: SubmissionReceipt, acknowledgedAt: Date, response: Data) {
        entries[caseID]?.delivered = receipt
        entries[caseID]?.deliveries += 1
    }

    public func recordFailedAttempt(caseID: UUID, error: String, nextAttemptAt: Date, permanent: Bool) {
        entries[caseID]?.attempts += 1
        entries[caseID]?.lastError = error
        entries[caseID]?.nextAttemptAt = nextAttemptAt
        entries[caseID]?.permanent = permanent
    }

    public func outboxSummary(now: Date) -> OutboxSummary {
        let pending = order.compactMap { entries[$0] }.filter { $0.delivered == nil && !$0.permanent }
        return OutboxSummary(pending: pending.count, oldestPendingSince: pending.map(\.enqueuedAt).min(),
                             failing: pending.filter { $0.attempts > 0 }.count,
                             refused: entries.values.filter(\.permanent).count,
                             nextAttemptAt: pending.map(\.nextAttemptAt).min())
    }
}
