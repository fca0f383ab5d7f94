import Foundation

/// What `/v1/status` answers, the metrics are computed from and the heartbeat summarises: one
/// terminal's state at one moment. A value, so a reader never sees half an update.
///
/// It has no field that could carry personal data: device errors and remedies pass the scrubber
/// on the way in (`StatusBoard`), and the session is described by its screen's name only.
public struct StatusSnapshot: Codable, Sendable, Equatable {
    public var version: String
    public var startedAt: Date
    public var uptimeSeconds: Double
    public var region: String
    public var terminal: String
    /// `ok`, `degraded` (a device or the central service is down, the kiosk still serves) or
    /// `out_of_service` (pre-flight failing: home shows 暂停服务).
    public var state: OverallState
    public var devices: [Device]
    public var central: Central
    public var outbox: Outbox
    public var storage: Storage
    public var preflight: Preflight
    public var session: Session
    /// The last diagnostics run (`kioskctl diag` or the technician screen); nil until one ran.
    public var diagnostics: DiagnosticsSummary?

    public enum OverallState: String, Codable, Sendable, CaseIterable {
        case ok, degraded
        case outOfService = "out_of_service"
    }

    public struct Device: Codable, Sendable, Equatable {
        /// `reader`, `printer`, `camera`, …
        public var name: String
        /// A status word: `ok`, `unknown`, `absent`, `no_paper`, `error`, …
        public var state: String
        public var model: String?
        public var lastChange: Date?
        public var lastError: String?
        /// What the technician does about it, in Chinese.
        public var remedy: String?

        public init(name: String, state: String, model: String? = nil, lastChange: Date? = nil,
                    lastError: String? = nil, remedy: String? = nil) {
            self.name = name
            self.state = state
            self.model = model
            self.lastChange = lastChange
            self.lastError = lastError
            self.remedy = remedy
        }

        public var isHealthy: Bool { state == "ok" }
    }

    public struct Central: Codable, Sendable, Equatable {
        public var url: String
        /// Unknown (nil) until the first heartbeat or submission tells.
        public var reachable: Bool?
        public var lastHeartbeatAt: Date?
        public var lastError: String?

        public init(url: String, reachable: Bool? = nil, lastHeartbeatAt: Date? = nil, lastError: String? = nil) {
            self.url = url
            self.reachable = reachable
            self.lastHeartbeatAt = lastHeartbeatAt
            self.lastError = lastError
        }
    }

    public struct Outbox: Codable, Sendable, Equatable {
        public var pending: Int
        public var oldestAgeSeconds: Double?
        public var refused: Int

        public init(pending: Int = 0, oldestAgeSeconds: Double? = nil, refused: Int = 0) {
            self.pending = pending
            self.oldestAgeSeconds = oldestAgeSeconds
            self.refused = refused
        }
    }

    public struct Storage: Codable, Sendable, Equatable {
        public var dataDirectory: String
        public var freeBytes: Int64?
        public var reserveBytes: Int64
        public var databaseBytes: Int64?

        public init(dataDirectory: String, freeBytes: Int64? = nil, reserveBytes: Int64 = 512 << 20, databaseBytes: Int64? = nil) {
            self.dataDirectory = dataDirectory
            self.freeBytes = freeBytes
            self.reserveBytes = reserveBytes
            self.databaseBytes = databaseBytes
        }
    }

    public struct Preflight: Codable, Sendable, Equatable {
        /// Nil until the first run.
        public var passed: Bool?
        public var checkedAt: Date?
        public var failures: [Failure]

        public struct Failure: Codable, Sendable, Equatable {
            public var check: String
            public var reason: String
            public var remedy: String

            public init(check: String, reason: String, remedy: String) {
                self.check = check
                self.reason = reason
                self.remedy = remedy
            }
        }

        public init(passed: Bool? = nil, checkedAt: Date? = nil, failures: [Failure] = []) {
            self.passed = passed
            self.checkedAt = checkedAt
            self.failures = failures
        }
    }

    public struct Session: Codable, Sendable, Equatable {
        public var active: Bool
        /// The screen's name (`home`, `read_card`, `form`, …), never its content.
        public var screen: String

        public init(active: Bool = false, screen: String = "home") {
            self.active = active
            self.screen = screen
        }
    }
}

extension StatusSnapshot {
    /// The overall state from the parts: pre-flight failing stops service; a device or the
    /// central service down degrades it (cases still file and wait in the outbox).
    static func overallState(devices: [Device], central: Central, preflight: Preflight) -> OverallState {
        if preflight.passed == false { return .outOfService }
        if devices.contains(where: { !$0.isHealthy }) || central.reachable == false { return .degraded }
        return .ok
    }

    /// The encoder for the status document: ISO 8601 dates, sorted keys (stable output).
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// For people and `--json` outputs: the same, indented.
    public static let prettyEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
