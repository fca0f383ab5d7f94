import KioskTime
import CentralService
import Foundation
import ServiceLifecycle

/// Where heartbeats go: the central service's `PUT /v1/terminals/{id}/heartbeat`.
public protocol HeartbeatTransport: Sendable {
    func heartbeat(_ beat: Heartbeat) async throws
}

extension CentralClient: HeartbeatTransport {}

/// Sends the terminal's status summary to the central service every `interval`, starting at
/// once, so the fleet view (`kioskctl fleet`, central-sim's terminal list) sees every terminal
/// and can flag the ones that stop beating.
///
/// A failed beat is not retried early: the next one carries fresher state anyway. Each outcome
/// is reported to the `StatusBoard`, which is how `/v1/status` knows whether the central service
/// is reachable and when the last heartbeat got through.
public struct HeartbeatService<C: Clock>: Service where C.Duration == Duration {
    let source: any StatusSource
    let board: StatusBoard?
    let transport: any HeartbeatTransport
    let interval: Duration
    let clock: C
    let log: EventLog
    let now: @Sendable () -> Date

    public init(source: any StatusSource, board: StatusBoard?, transport: any HeartbeatTransport, interval: Duration,
                clock: C, log: EventLog, now: @escaping @Sendable () -> Date = { SystemClock().wallTime }) {
        self.source = source
        self.board = board
        self.transport = transport
        self.interval = interval
        self.clock = clock
        self.log = log
        self.now = now
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await beatOnce()
            do { try await cancelWhenGracefulShutdown { try await clock.sleep(for: interval) } } catch { return }
        }
    }

    /// Sends one heartbeat and records the outcome; never throws (a down central service is a
    /// state to report, not a failure of kioskd).
    public func beatOnce() async {
        let beat = Self.summary(await source.snapshot())
        do {
            try await log.action(.heartbeatSend, ["status": beat.status]) {
                try await transport.heartbeat(beat)
            }
            await board?.centralContact(reachable: true, heartbeatAt: now())
        } catch {
            await board?.centralContact(reachable: false, error: "\(error)")
        }
    }

    /// The contract's heartbeat from a status snapshot: the same figures `/v1/status` shows.
    public static func summary(_ snapshot: StatusSnapshot) -> Heartbeat {
        Heartbeat(status: snapshot.state.rawValue, softwareVersion: snapshot.version,
                  pendingCases: snapshot.outbox.pending,
                  oldestPendingSeconds: snapshot.outbox.oldestAgeSeconds.map { Int($0) },
                  refusedCases: snapshot.outbox.refused,
                  devices: Dictionary(snapshot.devices.map { ($0.name, $0.state) }, uniquingKeysWith: { a, _ in a }))
    }
}
