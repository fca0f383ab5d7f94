import TestSupport
import Testing

/// Runs a test, or every test of a suite, on `TestExecutors.compute` instead of the cooperative
/// pool: for tests that only compute, from a reducer's transition to a minute of fuzzing.
///
/// The test's body and the child tasks it creates run on the executor (a task executor
/// preference is inherited by child tasks); code isolated to an actor with an executor of its
/// own still runs there.
public struct ComputeBoundTrait: TestTrait, SuiteTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        guard testCase != nil else { return try await function() }
        try await withTaskExecutorPreference(TestExecutors.compute) { try await function() }
    }
}

/// Runs a test, or every test of a suite, on `TestExecutors.realTime`: for tests that wait on
/// real processes, ptys, servers or clocks with real-time limits. At most `TestGate.realTime`'s
/// width of them run at once; with a `gate`, also at most that gate's width of those holding it
/// (each of kioskd's end-to-end tests runs a whole kiosk: on two cores a dozen debug kiosks
/// starting together would each take the better part of a minute to draw their first frame).
public struct RealTimeTrait: TestTrait, SuiteTrait, TestScoping {
    public let gate: TestGate?
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        guard testCase != nil else { return try await function() }
        // Slots are always taken in the same order (the test's own gate, then the shared one),
        // so two tests can never each hold what the other waits for.
        if let gate {
            try await gate.withSlot {
                try await TestGate.realTime.withSlot {
                    try await withTaskExecutorPreference(TestExecutors.realTime) { try await function() }
                }
            }
        } else {
            try await TestGate.realTime.withSlot {
                try await withTaskExecutorPreference(TestExecutors.realTime) { try await function() }
            }
        }
    }
}

extension Trait where Self == ComputeBoundTrait {
    /// The test computes for seconds: run it on the compute threads (`TestExecutors.compute`).
    public static var computeBound: Self { Self() }
}

extension Trait where Self == RealTimeTrait {
    /// The test waits on the world with real-time limits: run it on `TestExecutors.realTime`.
    public static var realTime: Self { Self(gate: nil) }

    /// As `realTime`, and at most `gate.width` tests holding `gate` run at once.
    public static func realTime(_ gate: TestGate) -> Self { Self(gate: gate) }
}
