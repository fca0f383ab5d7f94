import CCups

/// A CUPS call that failed, with the IPP status and libcups's message read on the same thread.
public enum CupsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No scheduler at the address (cupsd not running, wrong CUPS_SERVER).
    case schedulerUnreachable(server: String, detail: String)
    /// The queue does not exist.
    case queueNotFound(String)
    /// No queue given and the scheduler has no default.
    case noDefaultQueue
    /// The queue refuses new jobs (cupsreject).
    case notAccepting(String)
    /// Any other IPP/HTTP failure.
    case ipp(operation: String, status: Int32, message: String)

    public var description: String {
        switch self {
        case let .schedulerUnreachable(server, detail): "CUPS scheduler at \(server) unreachable: \(detail)"
        case let .queueNotFound(queue): "CUPS queue \(queue) not found"
        case .noDefaultQueue: "no queue given and CUPS has no default destination"
        case let .notAccepting(queue): "CUPS queue \(queue) is not accepting jobs"
        case let .ipp(operation, status, message): "\(operation) failed: 0x\(String(status, radix: 16)) \(message)"
        }
    }

    /// Whether the connection itself is suspect (so it is dropped and reopened).
    var isTransportFailure: Bool {
        switch self {
        case .schedulerUnreachable: return true
        case let .ipp(_, status, _):
            return status == Int32(IPP_STATUS_ERROR_SERVICE_UNAVAILABLE.rawValue) || status == Int32(IPP_STATUS_ERROR_INTERNAL.rawValue)
                || status >= 0x1000
        default: return false
        }
    }

    /// The error for an IPP response status.
    static func from(status: ipp_status_t, operation: String, queue: String) -> CupsError {
        switch status {
        case IPP_STATUS_ERROR_NOT_FOUND: return .queueNotFound(queue)
        case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS: return .notAccepting(queue)
        default: return .ipp(operation: operation, status: Int32(status.rawValue), message: String(cString: ippErrorString(status)))
        }
    }

    /// Reads `cupsLastError()` and its string; call right after the failing libcups call,
    /// on the same thread, with no suspension in between.
    static func last(_ operation: String, queue: String? = nil, server: String) -> CupsError {
        let status = Int32(cupsLastError().rawValue)
        let message = cupsLastErrorString().map { String(cString: $0) } ?? ""
        switch status {
        case Int32(IPP_STATUS_ERROR_NOT_FOUND.rawValue):
            return .queueNotFound(queue ?? "")
        case Int32(IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS.rawValue):
            return .notAccepting(queue ?? "")
        case Int32(IPP_STATUS_ERROR_SERVICE_UNAVAILABLE.rawValue) where message.localizedCaseInsensitiveContains("host is down") || message.localizedCaseInsensitiveContains("connection refused"):
            return .schedulerUnreachable(server: server, detail: message)
        default:
            return .ipp(operation: operation, status: status, message: message)
        }
    }
}
