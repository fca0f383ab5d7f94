import CentralService
import Foundation
import KioskOperations
import KioskTime
import Logging
import ServiceLifecycle
import Synchronization
import TerminalUI

/// kioskd's process lifecycle on swift-service-lifecycle: the touchscreen UI, the outbox drainer,
/// the status feed and server, the heartbeat and systemd's notify protocol as one `ServiceGroup`.
///
/// - SIGTERM, SIGINT and SIGHUP start a graceful shutdown: systemd hears STOPPING=1, the UI stops
///   with the terminal restored, the outbox pass is cancelled (committed work stays committed),
///   and `run` returns the UI's way out for an exit status of 0.
/// - The UI ending on its own (its terminal closed) shuts the group down the same way.
/// - Any other service failing is logged and ends the group with its error, so kioskd exits
///   non-zero and systemd restarts it — except the demo's status API, whose port may be held by
///   another demo: that costs the status API, not the kiosk.
public final class KioskLifecycle: Sendable {
    public struct Parts: Sendable {
        public var daemon: KioskDaemon
        public var feed: StatusFeed
        /// Heartbeats go through it; nil for none.
        public var central: CentralClient?
        public var dataDirectory: URL
        /// `Assets/api/status.yaml`, served at `/openapi.yaml`.
        public var specification: Data
        /// Serves `/v1/diagnostics` (`kioskctl diag`) with kioskd's own devices.
        public var diagnostics: (any DiagnosticsRunner)?

        public init(daemon: KioskDaemon, feed: StatusFeed, central: CentralClient?, dataDirectory: URL, specification: Data,
                    diagnostics: (any DiagnosticsRunner)? = nil) {
            self.diagnostics = diagnostics
            self.daemon = daemon
            self.feed = feed
            self.central = central
            self.dataDirectory = dataDirectory
            self.specification = specification
        }
    }

    private let configuration: KioskConfiguration
    private let events: EventLog
    private let logger: Logger
    private let clock: any KioskClock
    /// Open once the status API listens (or gave up) and pre-flight ran once.
    private let ready = ReadinessLatch(conditions: 2)
    private let preflightSeen = SharedValue<Bool>()
    /// The port the status API bound (useful with port 0).
    private let boundPort = SharedValue<Int>()

    /// When kioskd began (the lifecycle is made first thing), for start-to-ready.
    private let started: Date

    public init(configuration: KioskConfiguration, events: EventLog, logger: Logger, clock: any KioskClock) {
        started = clock.wallTime
        self.configuration = configuration
        self.events = events
        self.logger = logger
        self.clock = clock
    }

    /// For `KioskDaemon(onPreflight:)`: each pre-flight run reaches the status board, and the
    /// first one counts towards readiness.
    public func preflightReporter(board: StatusBoard) -> @Sendable ([StatusSnapshot.Preflight.Failure]) async -> Void {
        let ready = self.ready
        let seen = self.preflightSeen
        let events = self.events
        return { failures in
            await board.preflight(failures: failures)
            events.log(.preflightCheckComplete, ["outcome": failures.isEmpty ? "success" : "failure",
                                                 "failed": failures.map(\.check).joined(separator: ",")])
            if seen.current == nil {
                seen.set(true)
                ready.fulfil()
            }
        }
    }

    /// Runs every service until the UI ends or a shutdown signal arrives. Returns the UI's way
    /// out; throws when a service failed.
    public func run(_ parts: Parts) async throws -> RuntimeExit {
        let uiExit = SharedValue<RuntimeExit>()
        let events = self.events
        let ready = self.ready
        let boundPort = self.boundPort
        let listener = configuration.status
        let server = StatusServer(listener: listener, source: parts.feed.board, metrics: StatusMetrics(),
                                  specification: parts.specification, log: events, diagnostics: parts.diagnostics,
                                  onListening: { port in
                                      boundPort.set(port)
                                      ready.fulfil()
                                  })
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        let statusService: any Service = configuration.demo
            ? TolerantService(base: server, onFailure: { error in
                events.log(.serviceFailed, ["service": "status-api \(listener.host):\(listener.port)", "error": "\(error)"])
                ready.fulfil()
            })
            : server
        services.append(.init(service: statusService))
        if let central = parts.central {
            services.append(.init(service: HeartbeatService(source: parts.feed.board, board: parts.feed.board, transport: central,
                                                            interval: configuration.heartbeat.interval, clock: AnyKioskClock(clock),
                                                            log: events, now: { [clock] in clock.wallTime })))
        }
        let feed = parts.feed
        let host = parts.daemon.host
        let directory = parts.dataDirectory
        let clock = self.clock
        services.append(.init(service: StatusFeedService(run: {
            await feed.run(receipts: host.devices.receipts, reader: host.devices.reader, drainer: host.devices.drainer,
                           dataDirectory: directory, clock: clock)
        })))
        if let drainer = host.devices.drainer {
            services.append(.init(service: OutboxService(drainer: drainer, log: events)))
        }
        services.append(.init(service: KioskUIService(daemon: parts.daemon, exit: uiExit),
                              successTerminationBehavior: .gracefullyShutdownGroup,
                              failureTerminationBehavior: .gracefullyShutdownGroup))
        let notifier = SystemdNotifier()
        if notifier.socketPath != nil {
            services.append(.init(service: SystemdNotifyService(
                notifier: notifier, interval: SystemdNotifier.watchdogInterval(), clock: AnyKioskClock(clock), log: events,
                readiness: {
                    await ready.wait()
                    return "serving"
                })))
        }
        // Start to ready (status API listening, pre-flight run) as the daemon-start pair.
        let started = self.started
        let readyLog = Task { [clock] in
            await ready.wait()
            let elapsed = clock.wallTime.timeIntervalSince(started)
            events.log(.daemonStartComplete, ["duration_ms": "\(Int((elapsed * 1000).rounded()))", "outcome": "success"])
        }
        defer { readyLog.cancel() }
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint, .sighup],
                                                      logger: logger))
        try await group.run()
        return uiExit.current ?? .stopped
    }

    /// The status API's bound port once it listens.
    public var statusPort: Int? { boundPort.current }
}
