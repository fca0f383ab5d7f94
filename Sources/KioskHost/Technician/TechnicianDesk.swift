import CentralService
import Foundation
import KioskApp
import KioskDomain
import KioskOperations
import KioskStore
import KioskTime

/// Technician mode's hands in the host: the PIN through the audited gate, the diagnostics
/// engine (full run, reader live test, test page, readiness report) with each check sent to the
/// screen as it completes, the outbox's counts and the retry of refused cases, pre-flight, and
/// the touch test's timing on the kiosk's clock.
///
/// Present only when the configuration has `[technician] pin_hash`: without a desk the host
/// ignores the hidden gesture, so a terminal with no PIN has no technician mode at all.
public actor TechnicianDesk {
    private let gate: TechnicianGate
    private let diagnostics: any DiagnosticsRunner
    private let store: CaseStore
    private let drainer: OutboxDrainer?
    private let preflight: Preflight?
    private let clock: AnyKioskClock
    private var touchStarted: AnyKioskClock.Instant?

    public init(gate: TechnicianGate, diagnostics: any DiagnosticsRunner, store: CaseStore, drainer: OutboxDrainer?,
                preflight: Preflight?, clock: any KioskClock) {
        self.gate = gate
        self.diagnostics = diagnostics
        self.store = store
        self.drainer = drainer
        self.preflight = preflight
        self.clock = AnyKioskClock(clock)
    }

    /// Who ran a diagnostics run from the touchscreen, as stored with it.
    static let technicianID = "touchscreen"

    public func perform(_ effect: TechnicianEffect, send: @escaping @Sendable (KioskEvent) -> Void) async {
        switch effect {
        case .requestEntry:
            send(.technician(.entryOpened))
        case .checkPIN(let pin):
            let verdict: TechnicianPINVerdict = switch await gate.attempt(pin, technician: Self.technicianID) {
            case .accepted: .accepted
            case .refused(let remaining): .refused(remaining: remaining)
            case .locked(let until): .locked(seconds: max(1, Int(until.timeIntervalSince(clock.wallTime).rounded(.up))))
            }
            send(.technician(.pinVerdict(verdict)))
        case .runDiagnostics:
            await run(DiagnosticRequest(technician: Self.technicianID), send: send)
        case .readerTest:
            await run(DiagnosticRequest(only: [.reader], technician: Self.technicianID), send: send)
        case .printTestPage:
            await run(DiagnosticRequest(only: [.printer], technician: Self.technicianID, testPrint: true), send: send)
        case .printReport:
            await run(DiagnosticRequest(technician: Self.technicianID, printReport: true), send: send)
        case .loadOutbox:
            send(.technician(.outbox(await outbox(note: nil))))
        case .retryRefused(let kind):
            let note: String
            do {
                let retried = try await store.retryRefused(kind: kind)
                note = "已安排重新报送 \(retried.count) 件（\(kind)）"
            } catch {
                note = "重新报送未能安排：" + ((error as? any PersonReadableError)?.chineseMessage ?? "案件库不可用")
            }
            send(.technician(.outbox(await outbox(note: note))))
        case .loadPreflight:
            let failures = await preflight?.run() ?? []
            send(.technician(.preflight(failures.map {
                TechnicianCheck(code: "preflight.\($0.check)", title: Preflight.title(of: $0.check), status: .fail,
                                measured: PersonalDataScrubber.scrub($0.reason), expected: "通过", remedy: $0.remedy)
            })))
        case .touchTestStarted:
            touchStarted = clock.now
        case .touchTestFinished:
            guard let started = touchStarted else { return }
            let elapsed = started.duration(to: clock.now)
            send(.technician(.touchTimed(milliseconds: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))))
        case .left(let reason):
            await gate.left(technician: Self.technicianID, reason: reason)
        }
    }

    private func run(_ request: DiagnosticRequest, send: @escaping @Sendable (KioskEvent) -> Void) async {
        _ = await diagnostics.run(request) { check in send(.technician(.check(TechnicianCheck(check)))) }
        send(.technician(.runFinished))
    }

    /// Counts, the oldest pending case's age, and refused cases grouped by the central service's
    /// problem code (the stored error's `HTTP 403 wrong_terminal:` head; the rest of its text
    /// never reaches the screen).
    private func outbox(note: String?) async -> TechnicianOutbox {
        let status = try? await drainer?.status()
        let dead = (try? await store.outboxEntries(states: [.dead], limit: 1000)) ?? []
        var counts: [String: Int] = [:]
        for entry in dead {
            if let kind = Self.refusalKind(entry.lastError) { counts[kind, default: 0] += 1 }
        }
        let pending = (try? await store.outboxEntries(states: [.pending], limit: 1000))?.count ?? 0
        return TechnicianOutbox(pending: status?.pending ?? pending, oldestMinutes: status?.oldestPendingSeconds.map { $0 / 60 },
                                refused: counts.sorted { $0.key < $1.key }.map { .init(kind: $0.key, count: $0.value) }, note: note)
    }

    /// `HTTP 403 wrong_terminal: …` → `wrong_terminal`; `HTTP 500 …` → `500`; anything else nil.
    static func refusalKind(_ error: String?) -> String? {
        guard let parts = error?.split(separator: " ", maxSplits: 3), parts.count >= 2, parts[0] == "HTTP",
              parts[1].count == 3, parts[1].allSatisfy(\.isNumber) else { return nil }
        if parts.count >= 3, parts[2].hasSuffix(":") {
            let code = parts[2].dropLast()
            if !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) { return String(code) }
        }
        return String(parts[1])
    }
}

extension TechnicianCheck {
    init(_ check: DiagnosticCheck) {
        let status: Status = switch check.status {
        case .pass: .pass
        case .warn: .warn
        case .fail: .fail
        }
        self.init(code: check.code, title: check.title, status: status, measured: check.measured, expected: check.expected,
                  remedy: check.remedy)
    }
}

extension Preflight {
    /// A pre-flight check's name in Chinese, for the technician's page.
    static func title(of check: String) -> String {
        switch Check(rawValue: check) {
        case .storage: "数据目录"
        case .integrity: "案件库完整性"
        case .keyFile: "密钥文件"
        case .disk: "磁盘空间"
        case .clock: "系统时间"
        case .calendar: "工作日历"
        case nil: check
        }
    }
}
