import Foundation

/// A receipt printer queue the kiosk submits raw ESC/POS jobs to and follows to an end.
///
/// Two implementations, as vxsuite keeps a device's mock beside its driver: `CupsPrinterQueue`
/// (the hall's printer through cupsd) and `FilePrinterQueue` (the demo and practice tier: jobs
/// become files, and faults such as paper-out are switched on by hand). `JobSubmitter` and
/// `ReceiptService` see only this protocol.
public protocol PrinterQueue: Sendable {
    /// The queue's name as the technician knows it.
    var queue: String { get }
    /// Where the queue lives (a CUPS server address, a folder), for status and diagnostics.
    var serverDescription: String { get }
    /// The queue's state; failures to ask become conditions, never throws.
    func status() async -> PrinterStatus
    /// Submits one raw job; returns its id.
    func submit(_ bytes: [UInt8], title: String) async throws(CupsError) -> Int32
    /// A job's state now.
    func job(_ id: Int32) async throws(CupsError) -> PrintJobInfo
    /// Cancels a job; false when the queue could not be asked.
    @discardableResult func cancel(_ id: Int32) async -> Bool
}

/// Job states as IPP numbers them (RFC 8011 §5.3.7).
public enum PrintJobState: Int32, Sendable, Codable {
    case pending = 3, held = 4, processing = 5, stopped = 6, canceled = 7, aborted = 8, completed = 9

    public var isTerminal: Bool { self == .canceled || self == .aborted || self == .completed }
}

/// One job as the queue reports it.
public struct PrintJobInfo: Sendable, Equatable {
    public var id: Int32
    public var state: PrintJobState
    public var reasons: [String]

    public init(id: Int32, state: PrintJobState, reasons: [String]) {
        self.id = id
        self.state = state
        self.reasons = reasons
    }
}
