import Foundation

/// A clock that moves only when told to: the one manual clock of tests (poll intervals, backoff,
/// UI timers, deadlines, purge ages) and of anything that must be replayed exactly.
///
/// Two ways to move it:
/// - `advance(by:)` / `advance(to:)`: sleepers whose deadline has come are resumed in deadline
///   order; a test waits for the code under test to reach its next sleep with `sleepers(atLeast:)`.
/// - `stepping: true`: every `sleep` returns at once after moving time to its deadline, so a
///   timeout expires after a fixed number of polls however fast the machine is.
///
/// Wall time is `start` plus the time the clock has moved.
public final class ManualClock: KioskClock, @unchecked Sendable {
    public struct Instant: InstantProtocol, Sendable {
        public var offset: Swift.Duration
        public init(offset: Swift.Duration) { self.offset = offset }
        public func advanced(by duration: Swift.Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Swift.Duration { other.offset - offset }
        public static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private struct Sleeper {
        var id: Int
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private let lock = NSLock()
    private let start: Date
    private let stepping: Bool
    private var current = Instant(offset: .zero)
    private var sleepers: [Sleeper] = []
    private var nextID = 0
    private var requested: [Swift.Duration] = []
    private var cancelledIDs: Set<Int> = []
    private var sleepCalls = 0

    /// A clock at `start` (wall time; by default 2026-01-05 09:00 China time, a Monday).
    public init(start: Date = ManualClock.defaultStart, stepping: Bool = false) {
        self.start = start
        self.stepping = stepping
    }

    /// 2026-01-05T09:00:00+08:00: a working Monday, so due dates in tests read naturally.
    public static let defaultStart = Date(timeIntervalSince1970: 1_767_574_800)

    public var now: Instant { lock.withLock { current } }
    public var minimumResolution: Swift.Duration { .nanoseconds(1) }
    public var wallTime: Date { lock.withLock { start.addingTimeInterval(current.offset.seconds) } }

    /// Every duration asked for through `sleep(for:)`/`sleep(until:)`, in order.
    public var requestedSleeps: [Swift.Duration] { lock.withLock { requested } }
    /// How many times `sleep` was called.
    public var sleepCount: Int { lock.withLock { sleepCalls } }

    public func sleep(until deadline: Instant, tolerance: Swift.Duration? = nil) async throws {
        if stepping {
            lock.withLock {
                requested.append(deadline.offset - current.offset)
                if current < deadline { current = deadline }
                sleepCalls += 1
            }
            await Task.yield()
            try Task.checkCancellation()
            return
        }
        let id: Int = lock.withLock {
            nextID += 1
            sleepCalls += 1
            return nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                // A task cancelled before it got here already ran its cancellation handler:
                // registering it now would leave it asleep for ever.
                let resumeNow: Bool = lock.withLock {
                    requested.append(deadline.offset - current.offset)
                    if deadline <= current || cancelledIDs.remove(id) != nil { return true }
                    sleepers.append(Sleeper(id: id, deadline: deadline, continuation: c))
                    return false
                }
                if resumeNow { c.resume() }
            }
        } onCancel: {
            let cancelled: Sleeper? = lock.withLock {
                guard let i = sleepers.firstIndex(where: { $0.id == id }) else {
                    cancelledIDs.insert(id)
                    return nil
                }
                return sleepers.remove(at: i)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
        try Task.checkCancellation()
    }

    /// Moves time forward, waking every sleeper whose deadline has come.
    public func advance(by duration: Swift.Duration) {
        let due: [Sleeper] = lock.withLock {
            current = current.advanced(by: duration)
            let ready = sleepers.filter { $0.deadline <= current }.sorted { $0.deadline < $1.deadline }
            sleepers.removeAll { $0.deadline <= current }
            return ready
        }
        for s in due { s.continuation.resume() }
    }

    /// Moves time forward by whole seconds (for wall-time tests: ages, purges, retention).
    public func advance(seconds: Double) { advance(by: .milliseconds(Int64((seconds * 1000).rounded()))) }

    /// How many sleeps are waiting for the clock to move.
    public var sleeperCount: Int { lock.withLock { sleepers.count } }

    /// Waits (yielding, up to a minute of real time) until at least `count` sleeps are pending.
    /// The same bound as `sleepers(atLeast:)`: threads of a loaded test process have been seen
    /// held for over seven seconds, and a passing test returns as soon as the sleep is there.
    public func waitForSleepers(_ count: Int = 1) async -> Bool {
        await sleepers(atLeast: count)
    }

    /// Waits in real time, briefly yielding, until at least `count` tasks sleep on this clock.
    /// Returns false after `timeout`, so a broken test fails instead of hanging. The real time
    /// comes from the system clock: this is the one place a test waits for real.
    public func sleepers(atLeast count: Int, timeout: Swift.Duration = .seconds(60)) async -> Bool {
        let real = SystemClock()
        let end = real.now.advanced(by: timeout)
        while real.now < end {
            if lock.withLock({ sleepers.count }) >= count { return true }
            try? await real.sleep(for: .milliseconds(1))
        }
        return false
    }
}
