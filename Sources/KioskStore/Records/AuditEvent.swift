import Foundation

/// What the store writes to its audit log. The catalogue is closed (no free-form event names) and
/// no event carries personal data: cases appear by UUID, details are counts, states and times.
public enum AuditEvent: String, Sendable, Codable, CaseIterable {
    /// A new store was set up and its key check record written.
    case storeCreated = "store.created"
    /// A case and its outbox entry were committed durably ("已受理" may be shown).
    case caseConfirmed = "case.confirmed"
    /// A new case was refused because the database or the disk is full.
    case caseRefusedDiskFull = "case.refused.disk-full"
    /// The central service acknowledged a case.
    case caseDelivered = "outbox.delivered"
    /// A delivery attempt failed and will be retried.
    case deliveryFailed = "outbox.attempt-failed"
    /// A case reached the alert threshold of failed attempts.
    case deliveryAlert = "outbox.alert"
    /// The central service refused a case permanently.
    case deliveryDead = "outbox.dead"
    /// An operator made an entry due again.
    case retryRequested = "outbox.retry"
    /// A case's sealed personal data was purged after its retention period.
    case personalDataPurged = "case.purged"
    /// An operator made every case refused for one reason due again (`outbox retry --all-refused`).
    case retryAllRefused = "outbox.retry-all-refused"
    /// A technician PIN was accepted: technician mode opened.
    case technicianPINAccepted = "technician.pin-accepted"
    /// A wrong technician PIN (the detail says how many in a row).
    case technicianPINRefused = "technician.pin-refused"
    /// A PIN typed while the lockout after failures was running; not checked.
    case technicianPINLocked = "technician.pin-locked"
    /// Technician mode was left (by the technician or by idleness).
    case technicianLeft = "technician.left"
}

/// One audit log row.
public struct AuditRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var at: Double
    public var event: String
    public var caseID: UUID?
    public var detail: String
}

/// One device event row (a status change of a reader or printer, say), without personal data.
public struct DeviceEventRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var at: Double
    public var device: String
    public var event: String
    public var detail: String
}

/// One diagnostics result (a technician's test or an automatic check).
public struct DiagnosticRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var at: Double
    public var check: String
    public var passed: Bool
    public var detail: String
}
