import Foundation

/// Something a technician must see: a case that keeps failing, or one the central service
/// refused for good. Carries the case UUID and local reference only — no personal data.
public struct DrainAlert: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Failed `attempts` times in a row; still retried, with the capped backoff.
        case stuck
        /// Refused by the central service (422/409/400); out of the queue (the store's `dead`
        /// state) until `outbox retry`.
        case dead
        /// The terminal itself was refused (`TerminalFault`): the whole queue is held; the
        /// case named is the one that showed it.
        case terminalFault = "terminal_fault"
    }

    public var kind: Kind
    public var caseID: UUID
    public var localReference: String
    public var attempts: Int
    public var lastError: String

    public init(kind: Kind, caseID: UUID, localReference: String, attempts: Int, lastError: String) {
        self.kind = kind
        self.caseID = caseID
        self.localReference = localReference
        self.attempts = attempts
        self.lastError = lastError
    }
}

/// What one or more drain passes did.
public struct DrainReport: Sendable, Equatable, Codable {
    /// Submissions sent.
    public var attempted = 0
    /// Acknowledged by the central service (first answer or replay).
    public var delivered = 0
    /// Of those, acknowledged by replaying a stored answer (the case had already arrived).
    public var replayed = 0
    /// Attempts that failed and will be retried.
    public var retried = 0
    /// Cases refused for good (the store's `dead` state).
    public var dead = 0
    /// Times the pass stopped early because the service as a whole was unavailable.
    public var servicePauses = 0
    public var alerts: [DrainAlert] = []

    public init() {}

    public mutating func add(_ other: DrainReport) {
        attempted += other.attempted
        delivered += other.delivered
        replayed += other.replayed
        retried += other.retried
        dead += other.dead
        servicePauses += other.servicePauses
        alerts += other.alerts
    }
}

/// The outbox as the status API and heartbeat report it.
public struct OutboxStatus: Sendable, Equatable, Codable {
    public var pending: Int
    public var oldestPendingSeconds: Int?
    public var failing: Int
    /// Cases refused for good, waiting for a technician (the store's `dead` state).
    public var dead: Int
    /// When the drainer will try the service again after it was unavailable, if paused.
    public var pausedUntil: Date?
    public var lastError: String?
    /// The terminal-wide fault holding the queue, if any (diagnostics name it with its remedy).
    public var terminalFault: TerminalFault?

    public init(pending: Int, oldestPendingSeconds: Int?, failing: Int, dead: Int, pausedUntil: Date?, lastError: String?,
                terminalFault: TerminalFault? = nil) {
        self.terminalFault = terminalFault
        self.pending = pending
        self.oldestPendingSeconds = oldestPendingSeconds
        self.failing = failing
        self.dead = dead
        self.pausedUntil = pausedUntil
        self.lastError = lastError
    }
}
