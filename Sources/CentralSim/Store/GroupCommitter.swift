import Foundation
import Synchronization

/// Group commit for case submissions: the submissions that arrive while a commit is running
/// are stored together in the next one — one transaction and one fsync for all of them.
///
/// Why: every case is committed with `synchronous = FULL` before its 201, and an fsync costs
/// far more than the inserts; when several terminals (or one pipelining terminal) submit at
/// once, they share it. A lone submission is committed at once, as before; nobody waits for
/// company. Each submission still gets its own answer (`CaseRepository.submit`).
final class GroupCommitter: Sendable {
    typealias Outcome = Result<CaseRepository.SubmitResult, any Error>

    private struct Waiter {
        var item: CaseRepository.Submission
        var continuation: CheckedContinuation<CaseRepository.SubmitResult, any Error>
    }

    private struct State {
        var waiting: [Waiter] = []
        var committing = false
    }

    private let repository: CaseRepository
    private let state = Mutex(State())
    /// Most submissions per transaction, so one commit's latency stays bounded.
    let maxBatch: Int

    init(repository: CaseRepository, maxBatch: Int = 64) {
        self.repository = repository
        self.maxBatch = max(1, maxBatch)
    }

    func submit(_ item: CaseRepository.Submission) async throws -> CaseRepository.SubmitResult {
        try await withCheckedThrowingContinuation { continuation in
            let batch: [Waiter]? = state.withLock { state in
                state.waiting.append(Waiter(item: item, continuation: continuation))
                guard !state.committing else { return nil }
                state.committing = true
                return Self.take(&state, max: maxBatch)
            }
            if let batch { Task { await self.commit(from: batch) } }
        }
    }

    /// Commits `batch`, then whatever queued up meanwhile, until nothing waits.
    private func commit(from first: [Waiter]) async {
        var batch = first
        while !batch.isEmpty {
            let outcomes: [Outcome]
            do {
                outcomes = try await repository.submit(batch.map(\.item))
            } catch {
                outcomes = Array(repeating: .failure(error), count: batch.count)
            }
            for (waiter, outcome) in zip(batch, outcomes) { waiter.continuation.resume(with: outcome) }
            batch = state.withLock { state in
                let next = Self.take(&state, max: maxBatch)
                if next.isEmpty { state.committing = false }
                return next
            }
        }
    }

    private static func take(_ state: inout State, max: Int) -> [Waiter] {
        let count = min(max, state.waiting.count)
        let taken = Array(state.waiting.prefix(count))
        state.waiting.removeFirst(count)
        return taken
    }
}
