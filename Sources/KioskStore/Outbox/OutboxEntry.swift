import Foundation

/// Delivery state of a confirmed case (MOSIP's packet lifecycle, reduced to what a kiosk needs).
public enum OutboxState: String, Sendable, Codable, CaseIterable {
    /// Waiting for (another) delivery attempt.
    case pending
    /// The central service acknowledged it; final.
    case delivered
    /// The central service refused it permanently; waits for an operator (`kioskctl outbox retry`).
    case dead
}

/// One case in the outbox, as the drainer and `kioskctl outbox list` see it. No personal data.
public struct OutboxEntry: Sendable, Equatable, Codable {
    public var caseID: UUID
    public var localReference: String
    /// Failed delivery attempts so far.
    public var attempts: Int
    public var enqueuedAt: Date
    public var nextAttemptAt: Date
    /// The last failure, with anything that looks like personal data removed.
    public var lastError: String?
    public var state: OutboxState
    /// When the last attempt failed.
    public var lastAttemptAt: Date?
    /// The central case number, once delivered.
    public var centralCaseNumber: String?
    public var acknowledgedAt: Date?

    public init(caseID: UUID, localReference: String, attempts: Int, enqueuedAt: Date, nextAttemptAt: Date,
                lastError: String?, state: OutboxState, lastAttemptAt: Date? = nil,
                centralCaseNumber: String? = nil, acknowledgedAt: Date? = nil) {
        self.caseID = caseID
        self.localReference = localReference
        self.attempts = attempts
        self.enqueuedAt = enqueuedAt
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.state = state
        self.lastAttemptAt = lastAttemptAt
        self.centralCaseNumber = centralCaseNumber
        self.acknowledgedAt = acknowledgedAt
    }
}

/// The queue's health, for the status API and alerts (vxsuite: alert on a stuck queue).
public struct OutboxStats: Sendable, Equatable, Codable {
    /// Entries not yet delivered and not dead.
    public var pending: Int
    /// Age of the oldest pending entry, nil when none is pending.
    public var oldestPendingAge: TimeInterval?
    /// Pending entries whose failed attempts reached `alertThreshold`.
    public var alerting: Int
    /// Entries refused permanently, waiting for an operator.
    public var dead: Int
    public var delivered: Int
    public var alertThreshold: Int
    /// Pending entries that have failed at least once.
    public var failing: Int
    /// The earliest next attempt among pending entries (nil when none): when the drainer wakes.
    public var nextAttemptAt: Date?

    /// Whether an operator should look: a stuck or refused case.
    public var needsAttention: Bool { alerting > 0 || dead > 0 }

    public init(pending: Int, oldestPendingAge: TimeInterval?, alerting: Int, dead: Int, delivered: Int, alertThreshold: Int,
                failing: Int = 0, nextAttemptAt: Date? = nil) {
        self.pending = pending
        self.oldestPendingAge = oldestPendingAge
        self.alerting = alerting
        self.dead = dead
        self.delivered = delivered
        self.alertThreshold = alertThreshold
        self.failing = failing
        self.nextAttemptAt = nextAttemptAt
    }
}

/// The central service's acknowledgement of one case, as `CaseStore.markDelivered` records it.
public struct Acknowledgement: Sendable, Equatable {
    public var caseID: UUID
    public var centralCaseNumber: String
    public var acknowledgedAt: Date
    /// The raw answer; stored sealed, since it may echo the case.
    public var response: Data

    public init(caseID: UUID, centralCaseNumber: String, acknowledgedAt: Date, response: Data) {
        self.caseID = caseID
        self.centralCaseNumber = centralCaseNumber
        self.acknowledgedAt = acknowledgedAt
        self.response = response
    }
}
