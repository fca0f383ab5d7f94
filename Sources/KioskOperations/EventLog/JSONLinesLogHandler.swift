import KioskTime
import Foundation
import KioskStore
import Logging
import NIOConcurrencyHelpers

/// A swift-log handler that writes one JSON object per line, for journald and log shippers.
///
/// Every line has `ts`, `level`, `event`, `message` and `label`, then the event's fields. A line
/// logged through `EventLog` carries its catalog code in the `event` metadata key; anything else
/// (a library's own message) is written as the catalog's `library-message` with its text scrubbed,
/// so no line escapes the personal-data scrubber whoever logged it.
public struct JSONLinesLogHandler: LogHandler {
    /// Where finished lines go (stdout in the daemon, a buffer in tests). Called with one complete
    /// line including its newline, so concurrent writers never interleave within a line.
    public typealias Sink = @Sendable (String) -> Void

    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let sink: Sink
    private let now: @Sendable () -> Date

    public init(label: String, level: Logger.Level = .info, sink: @escaping Sink = JSONLinesLogHandler.standardOutput,
                now: @escaping @Sendable () -> Date = { SystemClock().wallTime }) {
        self.label = label
        self.logLevel = level
        self.sink = sink
        self.now = now
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        sink(Self.line(time: now(), level: event.level, label: label, message: "\(event.message)", metadata: merged))
    }

    /// The JSON line for one record. Keys are sorted after the fixed ones so lines diff well.
    static func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var fields = metadata
        let eventCode: String
        let text: String
        if case .string(let code)? = fields.removeValue(forKey: EventLog.eventKey), OperationsEvent(rawValue: code) != nil {
            eventCode = code
            text = message
        } else {
            eventCode = OperationsEvent.libraryMessage.rawValue
            text = OperationsEvent.libraryMessage.message
            fields = ["label": .string(label), "text": .string(message)]
        }
        var out = "{\"ts\":" + JSONText.quote(timestamp(time))
        out += ",\"level\":" + JSONText.quote(level.rawValue)
        out += ",\"event\":" + JSONText.quote(eventCode)
        out += ",\"message\":" + JSONText.quote(text)
        out += ",\"label\":" + JSONText.quote(label)
        for key in fields.keys.sorted() where key != "label" || eventCode != OperationsEvent.libraryMessage.rawValue {
            out += "," + JSONText.quote(key) + ":" + JSONText.quote(PersonalDataScrubber.scrub(flatten(fields[key]!)))
        }
        return out + "}\n"
    }

    static func flatten(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): text
        case .stringConvertible(let value): value.description
        case .array(let values): values.map(flatten).joined(separator: ",")
        case .dictionary(let values): values.keys.sorted().map { "\($0)=\(flatten(values[$0]!))" }.joined(separator: ",")
        }
    }

    /// RFC 3339 in UTC with milliseconds: what journald exporters and Loki parse without help.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    private static let stdoutLock = NIOLock()

    /// Writes each line to stdout with one `write(2)`, under a lock.
    public static let standardOutput: Sink = { line in
        stdoutLock.withLock {
            var bytes = Array(line.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }
}
