import Foundation

/// A clock whose `sleep` returns at once after moving time forward: timeouts in code under test
/// expire after a fixed number of polls, independent of how fast the machine is.
public final class SteppingClock: Clock, @unchecked Sendable {
    public struct Instant: InstantProtocol {
        public var offset: Duration
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)
    private var sleeps = 0
    /// How many times `sleep` was called.
    public var sleepCount: Int { lock.withLock { sleeps } }

    public init() {}

    public var now: Instant { lock.withLock { current } }
    public var minimumResolution: Duration { .nanoseconds(1) }

    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        lock.withLock {
            if current < deadline { current = deadline }
            sleeps += 1
        }
        await Task.yield()
    }
}
