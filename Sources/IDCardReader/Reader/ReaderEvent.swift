/// What a `CardReader` reports, in order. Expected device trouble (card pulled, reader
/// unplugged, reader silent) arrives as events, never as thrown errors.
public enum ReaderEvent: Sendable, Equatable, CustomStringConvertible {
    /// The reader answered its status command; the SAM identity when it gave one.
    case connected(ReaderConnection)
    /// The reader went away or stopped answering; the actor is trying to reconnect.
    case disconnected(ReaderFault)
    /// A card was read and judged (expired, number validity are in the reading).
    case cardRead(CardReading)
    /// The card that was read has left the field.
    case cardRemoved
    /// A card is on the reader but could not be read; the veteran can re-place it.
    case readFailed(ReadFailure)

    /// Masked: safe to log.
    public var description: String {
        switch self {
        case let .connected(c): "connected \(c)"
        case let .disconnected(f): "disconnected: \(f)"
        case let .cardRead(r): "card read: \(r)"
        case .cardRemoved: "card removed"
        case let .readFailed(f): "read failed: \(f)"
        }
    }
}

/// A reader that answered.
public struct ReaderConnection: Sendable, Equatable, CustomStringConvertible {
    public var label: String
    public var samIdentity: String?

    public init(label: String, samIdentity: String?) {
        self.label = label
        self.samIdentity = samIdentity
    }

    public var description: String { samIdentity.map { "\(label) (SAM \($0))" } ?? label }
}

/// The reader's state as last seen, for status output (never personal data).
public enum ReaderStatus: Sendable, Equatable {
    case unknown
    case connected(ReaderConnection)
    case disconnected(ReaderFault)
}

/// Delays between reconnection attempts: doubling from `initial` up to `maximum`, so an
/// unplugged reader is retried promptly at first and then without flooding the log or the bus.
public struct Backoff: Sendable, Equatable {
    public var initial: Duration
    public var maximum: Duration

    public init(initial: Duration, maximum: Duration) {
        self.initial = initial
        self.maximum = maximum
    }

    public func delay(attempt: Int) -> Duration {
        var d = initial
        for _ in 0..<min(attempt, 30) {
            d = d * 2
            if d >= maximum { return maximum }
        }
        return min(d, maximum)
    }
}
