import Synchronization

/// A real-time safety net for a wait that must not hold its caller for good: a server's start or
/// stop, a test's wait for a signal. It is not a clock of the service (deadlines of cases and
/// receipts go through `KioskClock`); it only bounds how long a caller can be kept.
///
/// Why not a task group racing the body against a sleep: a task group's scope ends only when
/// every child has ended, so a body that does not answer cancellation (awaiting another task's
/// `result`, say) holds the caller however long the limit — the limit fires and nobody returns.
/// Here the body runs in a task of its own; when the limit passes first the caller gets nil at
/// once and the body is cancelled and left to finish on its own.
public enum RealTimeLimit {
    /// `body`'s result, or nil when `limit` passes first or the caller is cancelled.
    ///
    /// `body` runs in a task of its own, which (unlike a child task) does not inherit the
    /// caller's executor preference: `executor` gives it one (a test's own threads, say); nil
    /// runs it on the default executor.
    public static func result<T: Sendable>(within limit: Duration, on executor: (any TaskExecutor)? = nil,
                                           of body: @escaping @Sendable () async -> T) async -> T? {
        let race = Race<T>()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
                race.begin(continuation)
                let work = Task(executorPreference: executor) { race.finish(await body()) }
                let timer = Task(executorPreference: executor) {
                    try? await Task.sleep(for: limit)
                    if !Task.isCancelled { race.finish(nil) }
                }
                race.watch(work: work, timer: timer)
            }
        } onCancel: {
            race.finish(nil)
        }
    }
}

/// The one answer of a `RealTimeLimit` race: the first `finish` resumes the caller and stops the
/// other side; later ones are ignored.
private final class Race<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T?, Never>?
        /// Set once, by the first `finish`: the race is over.
        var answer: T??
        var work: Task<Void, Never>?
        var timer: Task<Void, Never>?
    }
    private let state = Mutex(State())

    func begin(_ continuation: CheckedContinuation<T?, Never>) {
        let early: T?? = state.withLock { state in
            if let answer = state.answer { return answer }
            state.continuation = continuation
            return nil
        }
        // Cancelled before the race began.
        if let early { continuation.resume(returning: early) }
    }

    func watch(work: Task<Void, Never>, timer: Task<Void, Never>) {
        let finished = state.withLock { state in
            state.work = work
            state.timer = timer
            return state.answer != nil
        }
        if finished { work.cancel(); timer.cancel() }
    }

    func finish(_ value: T?) {
        let (continuation, work, timer) = state.withLock { state -> (CheckedContinuation<T?, Never>?, Task<Void, Never>?, Task<Void, Never>?) in
            if state.answer != nil { return (nil, nil, nil) }
            state.answer = .some(value)
            defer { state.continuation = nil }
            return (state.continuation, state.work, state.timer)
        }
        // The losing side is told first, so the caller never runs on beside a body not yet
        // cancelled.
        work?.cancel()
        timer?.cancel()
        continuation?.resume(returning: value)
    }
}
