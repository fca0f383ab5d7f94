import CentralService
import Foundation
import KioskOperations
import KioskTime
import Logging
import ServiceLifecycle
import Synchronization
import TerminalUI

/// The touchscreen UI as a service: runs the flow until it ends; a graceful shutdown (SIGTERM,
/// SIGINT, SIGHUP) asks the runtime to stop, which restores the terminal before `run` returns.
/// When the UI ends for any reason the whole group shuts down (the terminal is the kiosk).
struct KioskUIService: Service {
    let daemon: KioskDaemon
    let exit: SharedValue<RuntimeExit>

    func run() async throws {
        let daemon = self.daemon
        let ended = try await withGracefulShutdownHandler {
            try await daemon.run()
        } onGracefulShutdown: {
            daemon.stop()
        }
        exit.set(ended)
    }
}

/// Sends the outbox in the background for as long as kioskd runs: a case saved while the
/// central service was down goes out when it comes back, without waiting for the next veteran.
/// A shutdown cancels the pass; what was committed stays committed, and a case whose answer was
/// not yet recorded is sent again at the next start and answered as a replay.
struct OutboxService: Service {
    let drainer: OutboxDrainer
    let log: EventLog

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                _ = try await drainer.run(untilEmpty: false)
            }
        } catch is CancellationError {
            return
        }
    }
}

/// Keeps the status board current (printer, outbox, storage) until shutdown.
struct StatusFeedService: Service {
    let run: @Sendable () async -> Void

    func run() async throws {
        await cancelWhenGracefulShutdown { await run() }
    }
}

/// A service whose failure must not end the kiosk: the demo's status API on a port another
/// demo already holds costs the status API, not the veteran's session. The failure is logged,
/// and the service then waits for the group's shutdown like the others.
struct TolerantService: Service {
    let base: any Service
    let onFailure: @Sendable (any Error) -> Void

    func run() async throws {
        do {
            try await base.run()
        } catch {
            onFailure(error)
            try? await gracefulShutdown()
        }
    }
}

/// A value one task sets and another reads after it finished.
final class SharedValue<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    func set(_ newValue: Value) { value.withLock { $0 = newValue } }
    var current: Value? { value.withLock { $0 } }
}

/// Opens once: systemd's READY=1 waits until the status API listens and pre-flight has run.
final class ReadinessLatch: Sendable {
    private struct State {
        var remaining: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state: Mutex<State>

    init(conditions: Int) { state = Mutex(State(remaining: conditions)) }

    func fulfil() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard state.remaining > 0 else { return [] }
            state.remaining -= 1
            guard state.remaining == 0 else { return [] }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let open = state.withLock { state -> Bool in
                if state.remaining == 0 { return true }
                state.waiters.append(continuation)
                return false
            }
            if open { continuation.resume() }
        }
    }
}
