import CentralService
import Foundation
import KioskTime
import KioskDomain

/// Everything central-sim can be told: where to listen, its database, which terminals may
/// sign requests, the simulated clock and the faults to inject.
public struct CentralSimConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (tests); the bound port is reported when the server runs.
    public var port: Int
    public var databasePath: String
    /// Terminal ID → its signing secret.
    public var terminals: [String: TerminalSecret]
    /// Department name (as items name it, e.g. `区公安分局`) → the secret it signs requests with.
    /// Department views are served only to their own department, never to a terminal.
    public var departments: [String: TerminalSecret]
    /// Operator name → secret: operators read the fleet (every terminal's heartbeat), no case.
    public var operators: [String: TerminalSecret] = [:]
    /// Allowed clock difference between terminal and server, either way.
    public var signatureWindow: TimeInterval
    /// Simulated seconds per real second for department progress.
    public var speed: Double
    public var seed: UInt64
    /// Probability that a department refuses an item (不予受理).
    public var refusalRate: Double
    public var faults: FaultInjection
    /// The folder holding `api/central.yaml`, `calendar/` and the division codes.
    public var assets: AssetDirectory
    /// The server's wall time (signature window, receipts, progress). The system clock unless a
    /// test or the demo moves it.
    public var clock: any KioskClock

    public init(host: String = "127.0.0.1", port: Int = 8480, databasePath: String, assets: AssetDirectory,
                terminals: [String: TerminalSecret], departments: [String: TerminalSecret] = [:], signatureWindow: TimeInterval = 300, speed: Double = 1440,
                seed: UInt64 = 1, refusalRate: Double = 0.03, faults: FaultInjection = FaultInjection(),
                clock: any KioskClock = SystemClock()) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.terminals = terminals
        self.departments = departments
        self.signatureWindow = signatureWindow
        self.speed = speed
        self.seed = seed
        self.refusalRate = refusalRate
        self.faults = faults
        self.assets = assets
        self.clock = clock
    }
}

/// Faults central-sim injects into `/v1/` requests, each drawn per request from a seeded
/// random source. Errors, timeouts and drops happen before the request is handled or after
/// (the case is stored but the answer is lost), which is what makes idempotent replay matter.
public struct FaultInjection: Sendable, Equatable {
    /// Share of requests answered 500/502/504.
    public var errorRate: Double
    /// Share of requests held `hang` seconds before any answer (the client should time out).
    public var timeoutRate: Double
    public var hang: TimeInterval
    /// Share of requests whose connection is closed without a complete answer.
    public var dropRate: Double
    /// Share of requests answered 503 with `Retry-After: retryAfter`.
    public var unavailableRate: Double
    public var retryAfter: Int
    /// Added to every request, plus up to `latencyJitter` at random.
    public var latency: TimeInterval
    public var latencyJitter: TimeInterval
    /// Share of answers whose body is sent a few bytes at a time, `slowBodyDelay` apart.
    public var slowBodyRate: Double
    public var slowBodyDelay: TimeInterval
    public var seed: UInt64

    public init(errorRate: Double = 0, timeoutRate: Double = 0, hang: TimeInterval = 30, dropRate: Double = 0,
                unavailableRate: Double = 0, retryAfter: Int = 2, latency: TimeInterval = 0, latencyJitter: TimeInterval = 0,
                slowBodyRate: Double = 0, slowBodyDelay: TimeInterval = 0.05, seed: UInt64 = 1) {
        self.errorRate = errorRate
        self.timeoutRate = timeoutRate
        self.hang = hang
        self.dropRate = dropRate
        self.unavailableRate = unavailableRate
        self.retryAfter = retryAfter
        self.latency = latency
        self.latencyJitter = latencyJitter
        self.slowBodyRate = slowBodyRate
        self.slowBodyDelay = slowBodyDelay
        self.seed = seed
    }

    public var isActive: Bool {
        errorRate > 0 || timeoutRate > 0 || dropRate > 0 || unavailableRate > 0 || latency > 0 || latencyJitter > 0
            || slowBodyRate > 0
    }
}
