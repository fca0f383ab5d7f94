import CentralService
import Foundation
import KioskDomain
import KioskStore

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
        /// The central case number, once acknowledged.
        public var centralCaseNumber: String?
        /// Acknowledgements recorded for this case (exactly once is 1).
        public var deliveries = 0
    }

    public private(set) var entries: [UUID: Entry] = [:]
    private var order: [UUID] = []
    /// Failed attempts that raise the alert, as `StoreConfiguration.alertThreshold`.
    public let alertThreshold: Int

    public init(alertThreshold: Int = 5) {
        self.alertThreshold = alertThreshold
    }

    public func enqueue(_ filed: FiledCase, at date: Date) {
        entries[filed.id] = Entry(filed: filed, enqueuedAt: date, nextAttemptAt: date)
        order.append(filed.id)
    }

    public func entry(_ id: UUID) -> Entry? { entries[id] }

    private var pending: [(id: UUID, entry: Entry)] {
        order.compactMap { id in entries[id].map { (id, $0) } }.filter { $0.entry.centralCaseNumber == nil && !$0.entry.permanent }
    }

    public func dueOutbox(now: Date, limit: Int) -> [OutboxEntry] {
        pending.filter { $0.entry.nextAttemptAt <= now }.prefix(limit).map { id, e in
            OutboxEntry(caseID: id, localReference: e.filed.localReference, attempts: e.attempts, enqueuedAt: e.enqueuedAt,
                        nextAttemptAt: e.nextAttemptAt, lastError: e.lastError, state: .pending)
        }
    }

    public func loadCases(ids: [UUID]) throws -> [FiledCase] {
        try ids.map { id in
            guard let e = entries[id] else { throw StoreError.caseNotFound(id.uuidString) }
            return e.filed
        }
    }

    public func markDelivered(_ acknowledgements: [Acknowledgement]) {
        for ack in acknowledgements {
            entries[ack.caseID]?.centralCaseNumber = ack.centralCaseNumber
            entries[ack.caseID]?.deliveries += 1
        }
    }

    public func markAttemptFailed(caseID: UUID, error: String, nextAttemptAt: Date, permanent: Bool) {
        entries[caseID]?.attempts += 1
        entries[caseID]?.lastError = error
        entries[caseID]?.nextAttemptAt = nextAttemptAt
        entries[caseID]?.permanent = permanent
    }

    public func outboxStats(now: Date) -> OutboxStats {
        let pending = self.pending.map(\.entry)
        let all = Array(entries.values)
        return OutboxStats(pending: pending.count,
                           oldestPendingAge: pending.map(\.enqueuedAt).min().map { max(0, now.timeIntervalSince($0)) },
                           alerting: pending.filter { $0.attempts >= alertThreshold }.count,
                           dead: all.filter { $0.permanent && $0.centralCaseNumber == nil }.count,
                           delivered: all.filter { $0.centralCaseNumber != nil }.count, alertThreshold: alertThreshold,
                           failing: pending.filter { $0.attempts > 0 }.count,
                           nextAttemptAt: pending.map(\.nextAttemptAt).min())
    }
}
