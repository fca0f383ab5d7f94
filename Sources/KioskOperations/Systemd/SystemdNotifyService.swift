import Foundation
import ServiceLifecycle

/// kioskd's conversation with systemd as a service of its `ServiceGroup`: `READY=1` once
/// `readiness` returns (every listener up, pre-flight run), `WATCHDOG=1` every half `WatchdogSec`
/// for as long as the group runs, and `STOPPING=1` when a graceful shutdown begins.
///
/// The watchdog pings come from this task on the cooperative pool, so a pool starved by a stuck
/// service stops them and systemd restarts the daemon: that is the point of the watchdog.
public struct SystemdNotifyService<C: Clock>: Service where C.Duration == Duration {
    let notifier: SystemdNotifier
    let interval: Duration?
    let clock: C
    let log: EventLog
    let readiness: @Sendable () async throws -> String?

    /// - Parameter readiness: returns when kioskd is ready to serve, with an optional one-line
    ///   `STATUS=` text.
    public init(notifier: SystemdNotifier, interval: Duration?, clock: C, log: EventLog,
                readiness: @escaping @Sendable () async throws -> String? = { nil }) {
        self.notifier = notifier
        self.interval = interval
        self.clock = clock
        self.log = log
        self.readiness = readiness
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            let status = try await readiness()
            send("READY") { () throws(SystemdNotifier.Failure) in try notifier.ready(status: status) }
            guard let interval else {
                // No watchdog: wait for the shutdown so STOPPING=1 is still sent.
                try? await gracefulShutdown()
                return
            }
            log.log(.watchdogStarted, ["interval_ms": "\(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)"])
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                send("WATCHDOG") { () throws(SystemdNotifier.Failure) in try notifier.watchdog() }
                do { try await cancelWhenGracefulShutdown { try await clock.sleep(for: interval) } } catch { return }
            }
        } onGracefulShutdown: {
            send("STOPPING") { () throws(SystemdNotifier.Failure) in try notifier.stopping() }
        }
    }

    private func send(_ state: String, _ action: () throws(SystemdNotifier.Failure) -> Void) {
        do { try action() } catch { log.log(.systemdNotifyFailed, ["state": state, "error": error.description]) }
    }
}
