import KioskTime
import Synchronization
import Testing
import TestSupport
import TestTraits

/// The safety net lets its caller go when the limit passes, even when the body does not answer
/// cancellation — the case a task-group race gets wrong (its scope waits for every child).
@Suite(.realTime) struct RealTimeLimitTests {
    @Test("a body that finishes in time gives its result")
    func resultInTime() async {
        let value = await RealTimeLimit.result(within: .seconds(30), on: TestExecutors.realTime) { () async -> Int in 42 }
        #expect(value == 42)
    }

    @Test("a body that ignores cancellation still lets the caller go at the limit, and is told to stop")
    func deafBodyIsLeftBehind() async {
        let gate = Gate()
        let sawCancellation = Mutex<Bool?>(nil)
        let value = await RealTimeLimit.result(within: .milliseconds(200), on: TestExecutors.realTime) { () async -> Int in
            await gate.wait()
            sawCancellation.withLock { $0 = Task.isCancelled }
            return 1
        }
        #expect(value == nil)
        // The body is still behind the gate (or on its way to it); let it through and see that
        // it was told to stop.
        for _ in 0..<2000 where gate.waiting == 0 { try? await Task.sleep(for: .milliseconds(5)) }
        #expect(gate.open() == 1)
        for _ in 0..<2000 where sawCancellation.withLock({ $0 }) == nil { try? await Task.sleep(for: .milliseconds(5)) }
        #expect(sawCancellation.withLock { $0 } == true)
    }

    @Test("a caller cancelled while waiting gets nil at once")
    func cancelledCaller() async {
        let gate = Gate()
        let caller = Task(executorPreference: TestExecutors.realTime) { await RealTimeLimit.result(within: .seconds(600), on: TestExecutors.realTime) { () async -> Int in await gate.wait(); return 1 } }
        for _ in 0..<2000 where gate.waiting == 0 { try? await Task.sleep(for: .milliseconds(5)) }
        caller.cancel()
        #expect(await caller.value == nil)
        gate.open()
    }

    @Test("a caller already cancelled gets nil without the body's answer")
    func alreadyCancelled() async {
        let caller = Task(executorPreference: TestExecutors.realTime) {
            withUnsafeCurrentTask { $0?.cancel() }
            return await RealTimeLimit.result(within: .seconds(600), on: TestExecutors.realTime) { () async -> Int in
                try? await Task.sleep(for: .seconds(600))
                return 1
            }
        }
        #expect(await caller.value == nil)
    }
}

/// A wait that does not answer cancellation: it ends only when the test opens it.
private final class Gate: Sendable {
    private let parked = Mutex<[CheckedContinuation<Void, Never>]>([])
    var waiting: Int { parked.withLock { $0.count } }

    func wait() async {
        await withCheckedContinuation { continuation in parked.withLock { $0.append(continuation) } }
    }

    /// Lets every waiter through; returns how many there were.
    @discardableResult func open() -> Int {
        let waiters = parked.withLock { list in defer { list = [] }; return list }
        for waiter in waiters { waiter.resume() }
        return waiters.count
    }
}
