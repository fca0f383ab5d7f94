import Foundation

/// A clock that moves only when a test says so, for poll intervals, backoff, UI timers and
/// timeouts without sleeping. Sleepers are resumed in deadline order by `advance(by:)`; tests wait for
/// the code under test to reach its next sleep with `sleepers(atLeast:)`.
public final class ManualClock: Clock, @unchecked Sendable {
    public struct Instant: InstantProtocol, Sendable {
        public var offset: Duration
        public init(offset: Duration) { self.offset = offset }
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private struct Sleeper {
        var id: Int
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)
    private var sleepers: [Sleeper] = []
    private var nextID = 0
    private var requested: [Duration] = []
    private var cancelledIDs: Set<Int> = []

    public init() {}

    public var now: Instant { lock.withLock { current } }
    public var minimumResolution: Duration { .nanoseconds(1) }

    /// Every duration asked for through `sleep(for:)`/`sleep(until:)`, in order.
    public var requestedSleeps: [Duration] { lock.withLock { requested } }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id: Int = lock.withLock {
            nextID += 1
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
    public func advance(by duration: Duration) {
        let due: [Sleeper] = lock.withLock {
            current = current.advanced(by: duration)
            let ready = sleepers.filter { $0.deadline <= current }.sorted { $0.deadline < $1.deadline }
            sleepers.removeAll { $0.deadline <= current }
            return ready
        }
        for s in due { s.continuation.resume() }
    }

    /// How many sleeps are waiting for the clock to move.
    public var sleeperCount: Int { lock.withLock { sleepers.count } }

    /// Waits (yielding, up to about five seconds) until at least `count` sleeps are pending.
    public func waitForSleepers(_ count: Int = 1) async -> Bool {
        await sleepers(atLeast: count, timeout: 5)
    }

    /// Waits (in real time, briefly yielding) until at least `count` tasks sleep on this clock.
    /// Returns false after `timeout` seconds, so a broken test fails instead of hanging.
    public func sleepers(atLeast count: Int, timeout: Double = 60) async -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if lock.withLock({ sleepers.count }) >= count { return true }
            try? await Task.sleep(nanoseconds: 1_000_000)
        }
        return false
    }
}
