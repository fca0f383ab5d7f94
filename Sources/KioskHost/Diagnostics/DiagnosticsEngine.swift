import Foundation
import KioskOperations
import KioskStore
import KioskTime

/// Runs the terminal's checks part by part, reports each as it completes, stores the run in
/// the case store (with time and technician) and hands it to `onRun` (the status board).
///
/// Parts run one after the other, in a fixed order, so a technician watching the live list
/// reads them in the order the printed report lists them; the slow ones (reader live read,
/// central round trip) are bounded by their own timeouts.
public struct DiagnosticsEngine: DiagnosticsRunner {
    public let target: DiagnosticsTarget
    private let onRun: @Sendable (DiagnosticRun) async -> Void

    public init(target: DiagnosticsTarget, onRun: @escaping @Sendable (DiagnosticRun) async -> Void = { _ in }) {
        self.target = target
        self.onRun = onRun
    }

    public func run(_ request: DiagnosticRequest, progress: @escaping @Sendable (DiagnosticCheck) -> Void) async -> DiagnosticRun {
        let started = target.clock.wallTime
        var checks: [DiagnosticCheck] = []
        for group in DiagnosticGroup.allCases where request.includes(group) {
            for check in await groupChecks(group, request: request) {
                let clean = check.scrubbed
                checks.append(clean)
                progress(clean)
            }
        }
        let technician = PersonalDataScrubber.scrub(request.technician)
        if request.printReport {
            let report = await ReadinessPrinting.print(checks, technician: technician, runAt: started, target: target)
            checks.append(report)
            progress(report)
        }
        let run = DiagnosticRun(startedAt: started, durationSeconds: max(0, target.clock.wallTime.timeIntervalSince(started)),
                                technician: technician, checks: checks)
        if let store = target.store {
            try? await store.recordDiagnosticRun(id: run.id, technician: run.technician, at: run.startedAt,
                                                 durationSeconds: run.durationSeconds, results: run.checks.map(\.stored))
        }
        await onRun(run)
        return run
    }

    public func history(limit: Int) async throws -> [DiagnosticRun] {
        guard let store = target.store else { return [] }
        return try await store.diagnosticRuns(limit: limit).map(DiagnosticRun.init(stored:))
    }

    private func groupChecks(_ group: DiagnosticGroup, request: DiagnosticRequest) async -> [DiagnosticCheck] {
        switch group {
        case .reader: await ReaderDiagnostics.checks(target)
        case .printer: await PrinterDiagnostics.checks(target, testPrint: request.testPrint)
        case .terminal: TerminalDiagnostics.checks(target)
        case .photos: PhotoDiagnostics.checks(target)
        case .storage: await StorageDiagnostics.checks(target)
        case .outbox: await OutboxDiagnostics.checks(target)
        case .central: await CentralDiagnostics.checks(target)
        case .configuration: ConfigurationDiagnostics.checks(target)
        case .speech: ConfigurationDiagnostics.speech(target)
        }
    }
}

extension DiagnosticCheck {
    /// Every text through the scrubber: a measurement never carries a personal value.
    var scrubbed: DiagnosticCheck {
        DiagnosticCheck(code: code, title: title, status: status, measured: PersonalDataScrubber.scrub(measured),
                        expected: PersonalDataScrubber.scrub(expected), remedy: remedy.map { PersonalDataScrubber.scrub($0) })
    }

    var stored: StoredDiagnosticResult {
        StoredDiagnosticResult(check: code, title: title, status: status.rawValue, measured: measured, expected: expected, remedy: remedy)
    }
}

extension DiagnosticRun {
    init(stored: StoredDiagnosticRun) {
        self.init(id: stored.id, startedAt: stored.at, durationSeconds: stored.durationSeconds, technician: stored.technician,
                  checks: stored.results.map {
                      DiagnosticCheck(code: $0.check, title: $0.title, status: DiagnosticCheck.Status(rawValue: $0.status) ?? .fail,
                                      measured: $0.measured, expected: $0.expected, remedy: $0.remedy)
                  })
    }
}
