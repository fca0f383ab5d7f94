import Foundation

/// Whoever can run the terminal's diagnostics: kioskd's host (it owns the devices), or
/// `kioskctl diag` directly when no kioskd runs. The status API serves `POST /v1/diagnostics`
/// and `GET /v1/diagnostics/history` from one, when kioskd gives it one.
public protocol DiagnosticsRunner: Sendable {
    /// Runs the requested checks; `progress` hears each one as it completes (the technician
    /// screen's live list). Never throws: a check that cannot be made is a failed check.
    func run(_ request: DiagnosticRequest, progress: @escaping @Sendable (DiagnosticCheck) -> Void) async -> DiagnosticRun
    /// The stored runs, newest first.
    func history(limit: Int) async throws -> [DiagnosticRun]
}
