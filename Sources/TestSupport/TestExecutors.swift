import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Task executors with threads of their own, so that the tests of one parallel run do not hold
/// each other up on the cooperative pool.
///
/// Swift Testing starts every test of a run at once, as tasks on the cooperative pool, which has
/// one thread per core: two on the terminal-class machines we build on. Left there, the tests
/// that compute (hundreds of them, a few that compute for a minute) queue up on those two
/// threads, and a test that waits on a pty, a child process or a socket resumes only when its
/// turn comes: its real-time limits run out, and so do those of the servers tests run in this
/// process, whose handlers need the pool too. So no test runs on the pool (every suite says
/// which kind it is, `RepositoryTests/TestSchedulingTests` checks):
/// - `compute` (`.computeBound`): one thread per core for the tests that only compute, at a
///   lower priority (nice 10): they take whatever the cores have spare, and a kioskd under test
///   or a waiting test that wakes up gets the core first;
/// - `realTime` (`.realTime`): threads for the tests that wait, idle most of the time, so a
///   test's continuation runs as soon as what it waited for has happened. Sixteen, because some
///   of those tests still block a thread for a moment (waitpid, SQLite, a tmux client).
/// The pool is left to what tests start in this process: central-sim, the status server, the
/// terminal runtime.
public enum TestExecutors {
    public static let compute = ThreadPoolExecutor(name: "compute-bound-tests",
                                                   threads: ProcessInfo.processInfo.activeProcessorCount, niceness: 10)
    public static let realTime = ThreadPoolExecutor(name: "real-time-tests", threads: 16)
}

/// A task executor on `threads` threads of its own that take jobs in the order they come.
public final class ThreadPoolExecutor: TaskExecutor, @unchecked Sendable {
    public let name: String
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    /// The threads run for the life of the process: the executors are shared and never torn
    /// down, so no job enqueued by a late continuation is ever dropped.
    /// `niceness` (0–19) lowers the threads' scheduling priority (Linux schedules threads one
    /// by one, so it applies to these threads only).
    public init(name: String, threads: Int, niceness: Int32 = 0) {
        self.name = name
        for index in 0..<max(1, threads) {
            let thread = Thread {
                Thread.current.name = "\(name)-\(index)"
                if niceness > 0, let id = Self.threadID() { setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id, niceness) }
                self.serve()
            }
            thread.start()
        }
    }

    /// The calling thread's kernel id, from /proc/thread-self ("<pid>/task/<tid>").
    private static func threadID() -> id_t? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"))
            .flatMap { $0.split(separator: "/").last }.flatMap { id_t($0) }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func serve() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
