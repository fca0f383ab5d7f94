import Foundation
import Synchronization

/// A real clock that runs `factor` times faster than the system's, from a given start: the demo
/// uses it so department progress, idle timeouts and retries can be watched in minutes. Wall time
/// and durations stay consistent with each other (a sleep of one simulated hour lasts
/// 1/`factor` of an hour of real time).
public struct ScaledClock: KioskClock {
    public struct Instant: InstantProtocol, Sendable {
        public var offset: Swift.Duration
        public func advanced(by duration: Swift.Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Swift.Duration { other.offset - offset }
        public static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    public let factor: Double
    private let base: SystemClock
    private let startedAt: ContinuousClock.Instant
    private let startWall: Date

    public init(factor: Double, startingAt start: Date? = nil, base: SystemClock = SystemClock()) {
        precondition(factor > 0, "a clock runs forward")
        self.factor = factor
        self.base = base
        startedAt = base.now
        startWall = start ?? base.wallTime
    }

    public var now: Instant { Instant(offset: startedAt.duration(to: base.now) * factor) }
    public var minimumResolution: Swift.Duration { base.minimumResolution }
    public var wallTime: Date { startWall.addingTimeInterval(now.offset.seconds) }

    public func sleep(until deadline: Instant, tolerance: Swift.Duration?) async throws {
        let remaining = now.duration(to: deadline)
        guard remaining > .zero else { return }
        try await base.sleep(for: remaining / factor)
    }
}

extension Swift.Duration {
    /// The duration in seconds, as a floating-point number.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
