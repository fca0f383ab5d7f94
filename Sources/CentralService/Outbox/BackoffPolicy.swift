import Foundation

/// When to try a failed submission again: exponential backoff with jitter, never sooner than
/// the server's Retry-After, never later than `maximum`.
///
/// Jitter ("equal jitter": half fixed, half random) spreads out the kiosks of a hall that all
/// lost the network at the same moment, so they do not come back in lockstep.
public struct BackoffPolicy: Sendable, Equatable {
    /// Delay after the first failure.
    public var initial: TimeInterval
    /// Growth per further failure.
    public var multiplier: Double
    /// Upper bound: a kiosk offline for a day still retries at least this often.
    public var maximum: TimeInterval

    public init(initial: TimeInterval = 2, multiplier: Double = 2, maximum: TimeInterval = 300) {
        self.initial = initial
        self.multiplier = multiplier
        self.maximum = maximum
    }

    /// The delay before the next attempt after `failures` failed ones (1 = first failure).
    /// `unit` is a random number in [0, 1).
    public func delay(afterFailures failures: Int, retryAfter: TimeInterval?, unit: Double) -> TimeInterval {
        let exponent = Double(max(0, failures - 1))
        let base = min(maximum, initial * pow(multiplier, exponent))
        let jittered = base / 2 + base / 2 * min(max(unit, 0), 1)
        guard let retryAfter else { return jittered }
        return min(max(jittered, retryAfter), max(maximum, retryAfter))
    }
}
