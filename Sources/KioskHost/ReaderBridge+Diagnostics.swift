import IDCardReader
import KioskTime

/// The reader for diagnostics: its state as the running reader knows it, and the next card it
/// reads — taken by the diagnostics run instead of the journey (the technician's test card
/// must not start a veteran's session).
extension ReaderBridge {
    public enum DiagnosticRead: Sendable {
        case read(CardReading)
        case failed(ReadFailure)
    }

    public func readerStatus() async -> ReaderStatus { await reader.status }

    /// The next card read or read failure within `within`; nil when no card came.
    public func nextReading(within: Duration, clock: any KioskClock) async -> DiagnosticRead? {
        finishDiagnosticRead(nil)
        return await withCheckedContinuation { continuation in
            diagnosticWaiter = continuation
            Task {
                try? await clock.sleep(for: within)
                self.finishDiagnosticRead(nil)
            }
        }
    }

    func finishDiagnosticRead(_ outcome: DiagnosticRead?) {
        diagnosticWaiter?.resume(returning: outcome)
        diagnosticWaiter = nil
    }
}
