#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization
import Testing
import TestSupport
import TestTraits
import KioskTime
import TerminalUI

/// A signal that arrives the moment a watcher exists is not lost. The watcher once registered a
/// dispatch source per signal, which happens later on the dispatch manager; a SIGHUP sent just
/// after a program's first frame was then ignored and the program went on running. SIGWINCH is
/// the signal used here: any other watcher in this process only redraws on it. It is sent to the
/// process, as a terminal or `kill` sends it (the test's own thread may have it blocked). The
/// signal goes to the whole process, so these tests take turns: one test's SIGWINCH reaching
/// another's watcher before that one is cancelled would read as a cancelled watcher called.
@Suite(.serialized, .realTime) struct SignalWatcherTests {
    @Test("a signal raised right after the watcher is made reaches its callback, every time")
    func aSignalAtOnceIsNotLost() async throws {
        for attempt in 0..<50 {
            let arrived = await Self.resizeReachesANewWatcher()
            #expect(arrived, "attempt \(attempt): the SIGWINCH raised at once never reached onResize")
            if !arrived { return }
        }
    }

    /// Makes a watcher, runs `meanwhile`, raises SIGWINCH and says whether the watcher's
    /// callback got it within 10 s.
    static func resizeReachesANewWatcher(after meanwhile: () async -> Void = {}) async -> Bool {
        let (resized, continuation) = AsyncStream<Void>.makeStream()
        let watcher = SignalWatcher(onTerminate: nil, onResize: { continuation.yield() })
        await meanwhile()
        kill(getpid(), SIGWINCH)
        let arrived = await RealTimeLimit.result(within: .seconds(10), on: TestExecutors.realTime) { () async -> Bool in
            for await _ in resized { return true }
            return false
        } ?? false
        continuation.finish()
        watcher.cancel()
        return arrived
    }

    @Test("a cancelled watcher gets nothing more, and one still watching does")
    func cancelledWatchersAreLeftOut() async throws {
        let first = Mutex(0), second = Mutex(0)
        let a = SignalWatcher(onTerminate: nil, onResize: { first.withLock { $0 += 1 } })
        let b = SignalWatcher(onTerminate: nil, onResize: { second.withLock { $0 += 1 } })
        a.cancel()
        kill(getpid(), SIGWINCH)
        for _ in 0..<200 where second.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(10)) }
        b.cancel()
        #expect(second.withLock { $0 } >= 1)
        #expect(first.withLock { $0 } == 0)
    }

    @Test("a watcher made while others are cancelled keeps its handler")
    func churnDoesNotResetANewWatcher() async throws {
        for attempt in 0..<50 {
            // Others come and go on another thread while the new watcher is made: none of their
            // cancellations may give SIGWINCH its default action back over the newcomer.
            let churn = Task.detached {
                for _ in 0..<40 { SignalWatcher(onTerminate: nil, onResize: {}).cancel() }
            }
            let arrived = await Self.resizeReachesANewWatcher(after: { await churn.value })
            #expect(arrived, "attempt \(attempt): a SIGWINCH after the churn never reached the new watcher")
            if !arrived { return }
        }
    }
}
