import Dispatch

/// The serial executor the `CaseStore` actor runs on: one dedicated dispatch queue.
///
/// Why: every store call blocks on SQLite, and a confirmed case waits for fsync
/// (`synchronous=FULL`), which takes milliseconds. Running that on Swift's cooperative pool would
/// stall other tasks on a two-core terminal (the UI, the card reader); a private queue keeps the
/// blocking work off it while callers still simply `await` the actor.
final class StoreExecutor: SerialExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
