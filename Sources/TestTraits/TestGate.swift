/// At most `width` holders at once; the others wait their turn in order, suspended (they hold
/// no thread while they wait).
public actor TestGate {
    /// The tests that run a whole kioskd (or another program of the same weight) in a pty.
    public static let kiosk = TestGate(width: 2)
    /// Every `.realTime` test: a few at a time, so those that run servers, daemons and
    /// simulators do not crowd two cores together (the compute-bound tests fill the gaps).
    public static let realTime = TestGate(width: 3)

    public let width: Int
    private var holders = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(width: Int) {
        self.width = max(1, width)
    }

    /// Runs `body` holding a slot; `body` runs where the caller runs, not on the gate.
    public nonisolated func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if holders < width {
            holders += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the slot to the next waiter, or frees it.
    private func release() {
        if waiting.isEmpty {
            holders -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
