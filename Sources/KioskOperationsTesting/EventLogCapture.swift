import Foundation
import KioskOperations
import Logging
import NIOConcurrencyHelpers

/// Collects the JSON lines an `EventLog` writes, for tests that read the log as journald would.
public final class EventLogCapture: Sendable {
    private let box = NIOLockedValueBox<[String]>([])

    public init() {}

    /// A logger writing JSON lines into this capture (no global bootstrap: tests run side by side).
    public func logger(label: String = "kioskd", level: Logger.Level = .trace) -> Logger {
        let box = self.box
        return Logger(label: label) { label in
            JSONLinesLogHandler(label: label, level: level, sink: { line in box.withLockedValue { $0.append(line) } })
        }
    }

    public func eventLog(level: Logger.Level = .trace) -> EventLog { EventLog(logger: logger(level: level)) }

    public var lines: [String] { box.withLockedValue { $0 } }

    /// Every line decoded as a JSON object (a line that is not one fails the caller's decode).
    public func records() throws -> [[String: String]] {
        try lines.map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CocoaError(.coderReadCorrupt)
            }
            return object.mapValues { "\($0)" }
        }
    }

    public func events(_ code: OperationsEvent) throws -> [[String: String]] {
        try records().filter { $0["event"] == code.rawValue }
    }
}
