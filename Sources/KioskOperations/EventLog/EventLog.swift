import Foundation
import Logging

/// Writes catalog events (`OperationsEvent`) through a swift-log `Logger`.
///
/// Only the fields the catalog declares for an event are written; an undeclared field is a
/// programming error caught by the tests (`EventLogTests`), and in release builds it is dropped
/// rather than written, because an unreviewed field is where personal data would slip in.
public struct EventLog: Sendable {
    /// The metadata key that carries the event code to the handler.
    public static let eventKey = "event"

    public var logger: Logger

    public init(logger: Logger) { self.logger = logger }

    /// Logs `event` with `fields` (names from the catalog, values as text).
    public func log(_ event: OperationsEvent, _ fields: KeyValuePairs<String, String> = [:]) {
        let declared = event.fields
        var metadata: Logger.Metadata = [Self.eventKey: .string(event.rawValue)]
        for (name, value) in fields {
            assert(declared.contains(name), "field \(name) is not declared for \(event.rawValue) in the catalog")
            guard declared.contains(name) else { continue }
            metadata[name] = .string(value)
        }
        logger.log(level: event.level, "\(event.message)", metadata: metadata)
    }

    /// Runs a long action between its `-init` and `-complete` events; the complete event carries
    /// `duration_ms` and `outcome` (`success` or `failure`) and, for a thrown error, `error` when
    /// the catalog declares it. `completion` adds fields computed from the result.
    public func action<T>(_ action: KioskAction, _ fields: KeyValuePairs<String, String> = [:],
                          clock: ContinuousClock = ContinuousClock(), // clock-exempt: monotonic durations of start/complete pairs
                          completion: (T) -> [(String, String)] = { _ in [] },
                          _ body: () async throws -> T) async rethrows -> T {
        log(action.initEvent, fields)
        let start = clock.now
        do {
            let result = try await body()
            complete(action, start: start, clock: clock, outcome: "success", extra: completion(result))
            return result
        } catch {
            complete(action, start: start, clock: clock, outcome: "failure", extra: [("error", "\(error)")])
            throw error
        }
    }

    private func complete(_ action: KioskAction, start: ContinuousClock.Instant, clock: ContinuousClock,
                          outcome: String, extra: [(String, String)]) {
        let event = action.completeEvent
        let elapsed = clock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            Self.eventKey: .string(event.rawValue),
            "duration_ms": .string(String(format: "%.1f", milliseconds)),
            "outcome": .string(outcome),
        ]
        for (name, value) in extra where event.fields.contains(name) { metadata[name] = .string(value) }
        logger.log(level: outcome == "success" ? event.level : max(event.level, .warning), "\(event.message)", metadata: metadata)
    }
}
