import Foundation
import KioskDomain

/// What the drainer needs from the kiosk's store. `KioskStore.CaseStore` conforms (see
/// `CaseStore+OutboxStore.swift`); keeping it a protocol lets the drainer be tested and
/// benchmarked on its own.
///
/// Every method is one committed transaction in the store, so a crash between any two calls
/// leaves the outbox consistent: at worst a delivered case is sent again, and the central
/// service answers the replay with the original receipt.
public protocol OutboxStore: Sendable {
    /// Undelivered, not permanently refused entries whose next attempt is due, oldest first.
    func pendingSubmissions(dueAt now: Date, limit: Int) async throws -> [PendingSubmission]
    /// The case to submit, personal data unsealed.
    func caseForSubmission(id: UUID) async throws -> FiledCase
    /// The central service holds the case: record its number and the raw answer.
    func recordDelivery(caseID: UUID, receipt: SubmissionReceipt, acknowledgedAt: Date, response: Data) async throws
    /// An attempt failed; `permanent` takes the entry out of the queue until a technician retries it.
    func recordFailedAttempt(caseID: UUID, error: String, nextAttemptAt: Date, permanent: Bool) async throws
    func outboxSummary(now: Date) async throws -> OutboxSummary
    /// `caseForSubmission` for several cases, in the order of `ids` (default: one call each).
    func casesForSubmission(ids: [UUID]) async throws -> [FiledCase]
    /// `recordDelivery` for several cases (default: one call each).
    func recordDeliveries(_ deliveries: [Delivery]) async throws
}

/// One acknowledgement the drainer records: which case, the central service's receipt and the
/// raw answer.
public struct Delivery: Sendable {
    public var caseID: UUID
    public var receipt: SubmissionReceipt
    public var acknowledgedAt: Date
    public var response: Data

    public init(caseID: UUID, receipt: SubmissionReceipt, acknowledgedAt: Date, response: Data) {
        self.caseID = caseID
        self.receipt = receipt
        self.acknowledgedAt = acknowledgedAt
        self.response = response
    }
}

/// Batch forms of the calls the drainer makes most: it prepares its next submissions and records
/// the acknowledgements that arrived while other submissions are on the wire. A store answers
/// them in one transaction each; these defaults make one call per case.
extension OutboxStore {
    /// The cases to submit, in the order of `ids`.
    public func casesForSubmission(ids: [UUID]) async throws -> [FiledCase] {
        var cases: [FiledCase] = []
        for id in ids { cases.append(try await caseForSubmission(id: id)) }
        return cases
    }

    /// Records each delivery as `recordDelivery` does.
    public func recordDeliveries(_ deliveries: [Delivery]) async throws {
        for delivery in deliveries {
            try await recordDelivery(caseID: delivery.caseID, receipt: delivery.receipt,
                                     acknowledgedAt: delivery.acknowledgedAt, response: delivery.response)
        }
    }
}

/// One queued submission, as the drainer sees it. No personal data.
public struct PendingSubmission: Sendable, Equatable {
    public var caseID: UUID
    public var localReference: String
    /// Attempts made so far.
    public var attempts: Int
    public var enqueuedAt: Date
    public var nextAttemptAt: Date
    public var lastError: String?

    public init(caseID: UUID, localReference: String, attempts: Int, enqueuedAt: Date, nextAttemptAt: Date,
                lastError: String? = nil) {
        self.caseID = caseID
        self.localReference = localReference
        self.attempts = attempts
        self.enqueuedAt = enqueuedAt
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
    }
}

/// The queue at a glance, for the status API and the heartbeat.
public struct OutboxSummary: Sendable, Equatable, Codable {
    /// Confirmed cases not yet acknowledged (permanently refused ones excluded).
    public var pending: Int
    /// When the oldest pending case was confirmed.
    public var oldestPendingSince: Date?
    /// Pending cases that have failed at least once.
    public var failing: Int
    /// Cases the central service refused for good, waiting for a technician.
    public var refused: Int
    /// The earliest next attempt among pending cases (nil when none).
    public var nextAttemptAt: Date?

    public init(pending: Int, oldestPendingSince: Date?, failing: Int, refused: Int, nextAttemptAt: Date?) {
        self.pending = pending
        self.oldestPendingSince = oldestPendingSince
        self.failing = failing
        self.refused = refused
        self.nextAttemptAt = nextAttemptAt
    }

    /// Age of the oldest pending case at `now`, in whole seconds.
    public func oldestPendingAge(now: Date) -> Int? {
        oldestPendingSince.map { max(0, Int(now.timeIntervalSince($0))) }
    }
}
