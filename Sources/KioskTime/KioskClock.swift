import Foundation

/// The one source of time for every module: wall time (for timestamps and the calendar day) and
/// durations (for timeouts, polls, retries and UI timers) from the same clock, so a test or the
/// demo moves both together and nothing in the product reads the system clock on its own.
///
/// It refines Swift's `Clock`, so it can be passed wherever a `Clock<Duration>` is taken
/// (TerminalRuntime, JobSubmitter). `KioskTimeLintTests` fails on any other reading of time in
/// `Sources/`.
public protocol KioskClock: Clock, Sendable where Duration == Swift.Duration {
    /// Wall-clock time now.
    var wallTime: Date { get }
}

/// The real clock: wall time from the system, durations from the monotonic clock (a wall-clock
/// step by NTP must not stretch or cut a timeout).
public struct SystemClock: KioskClock {
    private let monotonic = ContinuousClock()

    public init() {}

    public var now: ContinuousClock.Instant { monotonic.now }
    public var minimumResolution: Swift.Duration { monotonic.minimumResolution }
    public var wallTime: Date { Date() }

    public func sleep(until deadline: ContinuousClock.Instant, tolerance: Swift.Duration?) async throws {
        try await monotonic.sleep(until: deadline, tolerance: tolerance)
    }
}

extension KioskClock where Self == SystemClock {
    /// The system clock: `.system` wherever a clock is asked for.
    public static var system: SystemClock { SystemClock() }
}

/// A point in time on some clock, checkable without knowing the clock's type (so code holding
/// `any KioskClock` can still keep a timeout).
public struct KioskDeadline: Sendable {
    private let passed: @Sendable () -> Bool
    fileprivate init(passed: @escaping @Sendable () -> Bool) { self.passed = passed }
    /// Whether the clock has reached the deadline.
    public var hasPassed: Bool { passed() }
}

extension KioskClock {
    /// The deadline `duration` from now on this clock.
    public func deadline(after duration: Swift.Duration) -> KioskDeadline {
        let end = now.advanced(by: duration)
        return KioskDeadline { [self] in self.now >= end }
    }
}
