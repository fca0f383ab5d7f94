import Dispatch

/// Runs blocking work (a child process, a probe with timeouts) on a Dispatch thread, so it does
/// not hold one of the few cooperative threads that the reader actors of concurrently running
/// tests need (the pool is as wide as the machine: two threads in CI).
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try body() })
        }
    }
}
