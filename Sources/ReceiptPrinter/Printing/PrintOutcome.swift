/// The result of printing one receipt. `printed` is true only when CUPS reported the job
/// completed; everything else (aborted, canceled, stopped, timed out, refused) is a value the
/// screen and the technician act on, never an exception.
public struct PrintOutcome: Sendable, Equatable {
    public enum Result: String, Sendable, Codable {
        case printed
        /// The scheduler refused or could not take the job.
        case notSubmitted = "not-submitted"
        /// The backend failed and the error policy aborted the job.
        case aborted
        case canceled
        /// The job was stopped, or the printer stopped with a fault while it waited; it was canceled.
        case stopped
        /// Not completed within the time limit; it was canceled.
        case timedOut = "timed-out"
    }

    public var result: Result
    public var jobID: Int32?
    /// The printer's status right after the outcome (and the reasons seen while the job waited).
    public var status: PrinterStatus

    public var printed: Bool { result == .printed }

    public init(result: Result, jobID: Int32?, status: PrinterStatus) {
        self.result = result
        self.jobID = jobID
        self.status = status
    }
}
