import KioskTime
import Foundation
import KioskStore

/// The daemon's status source: the parts of kioskd report here as things change, and readers
/// take a `StatusSnapshot`.
///
/// Device states are logged here, and only when they change (`device-state-changed`), because
/// a driver polls its device every few seconds and a line per poll would bury the one that
/// matters. Free text from devices and servers is scrubbed on the way in.
public actor StatusBoard: StatusSource {
    public nonisolated let version: String
    public nonisolated let region: String
    public nonisolated let terminal: String
    private let startedAt: Date
    private let started: ContinuousClock.Instant
    private let clock: ContinuousClock
    private let now: @Sendable () -> Date
    private let log: EventLog?
    private var devices: [String: StatusSnapshot.Device] = [:]
    private var central: StatusSnapshot.Central
    private var outbox = StatusSnapshot.Outbox()
    private var storage: StatusSnapshot.Storage
    private var preflight = StatusSnapshot.Preflight()
    private var session = StatusSnapshot.Session()
    private var diagnostics: DiagnosticsSummary?

    public init(version: String, region: String, terminal: String, centralURL: String, dataDirectory: String,
                log: EventLog?, now: @escaping @Sendable () -> Date = { SystemClock().wallTime }) {
        self.version = version
        self.region = region
        self.terminal = terminal
        self.log = log
        self.now = now
        self.clock = ContinuousClock() // clock-exempt: monotonic uptime, never shown as a date
        self.started = clock.now
        self.startedAt = now()
        self.central = .init(url: centralURL)
        self.storage = .init(dataDirectory: dataDirectory)
    }

    public func snapshot() -> StatusSnapshot {
        let elapsed = clock.now - started
        let list = devices.values.sorted { $0.name < $1.name }
        return StatusSnapshot(
            version: version, startedAt: startedAt,
            uptimeSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            region: region, terminal: terminal,
            state: StatusSnapshot.overallState(devices: list, central: central, preflight: preflight),
            devices: list, central: central, outbox: outbox, storage: storage, preflight: preflight, session: session,
            diagnostics: diagnostics)
    }

    /// A device reading. Logs and stamps `lastChange` only when the state word changes.
    public func device(_ name: String, state: String, model: String? = nil, error: String? = nil, remedy: String? = nil) {
        let previous = devices[name]
        var entry = previous ?? StatusSnapshot.Device(name: name, state: "unknown")
        entry.model = model ?? entry.model
        entry.lastError = error.map { PersonalDataScrubber.scrub($0) } ?? (state == "ok" ? nil : entry.lastError)
        entry.remedy = state == "ok" ? nil : (remedy ?? entry.remedy)
        if previous?.state != state {
            log?.log(.deviceStateChanged, ["device": name, "from": previous?.state ?? "none", "to": state,
                                           "detail": entry.lastError ?? ""])
            entry.lastChange = now()
        }
        entry.state = state
        devices[name] = entry
    }

    /// The outcome of a call to the central service (heartbeat or submission).
    public func centralContact(reachable: Bool, error: String? = nil, heartbeatAt: Date? = nil) {
        let scrubbed = error.map { PersonalDataScrubber.scrub($0) }
        if central.reachable != reachable {
            log?.log(.centralReachabilityChanged, ["reachable": "\(reachable)", "error": scrubbed ?? ""])
        }
        central.reachable = reachable
        central.lastError = reachable ? nil : scrubbed
        if let heartbeatAt { central.lastHeartbeatAt = heartbeatAt }
    }

    public func outbox(_ value: StatusSnapshot.Outbox) { outbox = value }

    public func storage(freeBytes: Int64?, databaseBytes: Int64?) {
        storage.freeBytes = freeBytes
        storage.databaseBytes = databaseBytes
    }

    public func preflight(failures: [StatusSnapshot.Preflight.Failure]) {
        preflight = .init(passed: failures.isEmpty, checkedAt: now(), failures: failures)
    }

    /// The last diagnostics run's summary (texts scrubbed again: the board trusts no caller).
    public func diagnostics(_ summary: DiagnosticsSummary) {
        var clean = summary
        clean.technician = PersonalDataScrubber.scrub(summary.technician)
        clean.problems = summary.problems.map {
            DiagnosticCheck(code: $0.code, title: $0.title, status: $0.status, measured: PersonalDataScrubber.scrub($0.measured),
                            expected: PersonalDataScrubber.scrub($0.expected), remedy: $0.remedy.map { PersonalDataScrubber.scrub($0) })
        }
        diagnostics = clean
    }

    /// The screen the UI shows; logged when it changes.
    public func session(active: Bool, screen: String) {
        let next = StatusSnapshot.Session(active: active, screen: screen)
        if next != session {
            log?.log(.sessionScreenChanged, ["screen": screen, "session_active": "\(active)"])
        }
        session = next
    }
}
