import Foundation

/// What became of one submission attempt. Expected network and server failures are values,
/// not thrown errors: the drainer decides from them whether to retry, give up or pause.
public enum SubmitOutcome: Sendable, Equatable {
    /// 201, or a replay of the stored answer for the same Idempotency-Key: either way the
    /// central service holds the case exactly once.
    case accepted(SubmissionReceipt, replayed: Bool, response: Data)
    /// The case itself is wrong (422 with field errors, 409 for a changed body under the same
    /// key, 403 for another terminal's case, 400): sending it again will not help; a technician must look at it.
    case refused(status: Int, Problem)
    /// Worth trying again later: 5xx, 429, a timeout, a dropped connection.
    /// `retryAfter` is the server's Retry-After, when it sent one.
    case retryable(reason: String, retryAfter: TimeInterval?, scope: RetryScope)

    /// Whether the failure concerns this case only or every request the kiosk makes.
    public enum RetryScope: Sendable, Equatable {
        /// A hiccup on this request (500, timeout, dropped connection).
        case request
        /// The service is unreachable, unavailable (503/429) or refuses the terminal's
        /// signature (401): the pass stops and waits instead of failing every case.
        case service
    }
}
