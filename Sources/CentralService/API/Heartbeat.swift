import Foundation

/// `PUT /v1/terminals/{terminalId}/heartbeat`: the terminal's status summary. No personal data.
public struct Heartbeat: Codable, Sendable, Equatable {
    /// `ok`, `degraded` or `out_of_service`.
    public var status: String
    public var softwareVersion: String
    /// Cases confirmed but not yet acknowledged by the central service.
    public var pendingCases: Int
    /// Age in seconds of the oldest of them.
    public var oldestPendingSeconds: Int?
    /// Cases the central service refused for good, waiting for a technician.
    public var refusedCases: Int
    /// Device name → status word (`ok`, `no_paper`, `unknown`, …).
    public var devices: [String: String]

    public init(status: String, softwareVersion: String, pendingCases: Int, oldestPendingSeconds: Int?,
                refusedCases: Int, devices: [String: String]) {
        self.status = status
        self.softwareVersion = softwareVersion
        self.pendingCases = pendingCases
        self.oldestPendingSeconds = oldestPendingSeconds
        self.refusedCases = refusedCases
        self.devices = devices
    }
}

/// `GET /v1/terminals`: every terminal the central service knows and its last heartbeat.
public struct TerminalList: Codable, Sendable, Equatable {
    public var terminals: [Terminal]

    public struct Terminal: Codable, Sendable, Equatable {
        public var terminalId: String
        public var lastHeartbeatAt: Date?
        public var lastHeartbeat: Heartbeat?
        public var casesReceived: Int

        public init(terminalId: String, lastHeartbeatAt: Date?, lastHeartbeat: Heartbeat?, casesReceived: Int) {
            self.terminalId = terminalId
            self.lastHeartbeatAt = lastHeartbeatAt
            self.lastHeartbeat = lastHeartbeat
            self.casesReceived = casesReceived
        }
    }

    public init(terminals: [Terminal]) { self.terminals = terminals }
}

extension Heartbeat {
    /// The status words the contract allows (`Heartbeat.status`'s enum in central.yaml).
    public static let statuses: Set<String> = ["ok", "degraded", "out_of_service"]

    /// What the contract's schema asks beyond the JSON shape: a known status and no negative
    /// count. Nil when the beat is valid, else the field at fault — a fleet view must never show
    /// a terminal with −1 refused cases because one sent it.
    public var contractProblem: String? {
        if !Self.statuses.contains(status) { return "status" }
        if pendingCases < 0 { return "pendingCases" }
        if let oldest = oldestPendingSeconds, oldest < 0 { return "oldestPendingSeconds" }
        if refusedCases < 0 { return "refusedCases" }
        return nil
    }
}
