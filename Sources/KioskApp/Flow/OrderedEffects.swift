/// Performs queued work one job at a time, in the order it was queued.
///
/// The terminal runtime starts each effect as its own task, which is right for effects that may
/// overlap (a print, a progress query). It is wrong for the card: the flow's "arm the reader",
/// "disarm it", "take the card" and "wipe" mean something only in the order the reducer asked
/// for them; run as separate tasks, a disarm could land after the next arm and a prompt would
/// wait for a card that is never delivered. The queue is filled synchronously from `update`, so
/// its order is the reducer's.
final class OrderedEffects: Sendable {
    typealias Job = @Sendable () async -> Void
    private let continuation: AsyncStream<Job>.Continuation

    init() {
        let (jobs, continuation) = AsyncStream.makeStream(of: Job.self)
        self.continuation = continuation
        Task {
            for await job in jobs { await job() }
        }
    }

    deinit { continuation.finish() }

    func enqueue(_ job: @escaping Job) { continuation.yield(job) }
}

extension KioskEffect {
    /// Effects on the card and the reader, performed in order (`OrderedEffects`).
    var isOrdered: Bool {
        switch self {
        case .armReader, .disarmReader, .askToTakeCard, .wipe: true
        default: false
        }
    }
}
