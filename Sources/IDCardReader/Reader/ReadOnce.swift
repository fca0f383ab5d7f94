import Glibc
import KioskDomain

/// One read for a technician's command: handshake, then find → select → read every `poll`
/// until a card answers or `wait` runs out. Blocking; for `kioskctl reader read` and benchmarks
/// (the kiosk itself uses the `CardReader` actor).
public enum ReadOnce {
    public enum Result: Sendable {
        case read(ReaderConnection, CardReading)
        case failed(ReaderConnection, ReadFailure)
        case noCard(ReaderConnection)
    }

    public static func run(_ link: SAMLink, verifier: CardVerifier, today: CivilDateProvider,
                           wait: Duration, poll: Duration = .milliseconds(300), withFingerprint: Bool = false) throws(ReaderFault) -> Result {
        let identity = try ReadSequence.handshake(link)
        let connection = ReaderConnection(label: link.transport.label, samIdentity: identity?.description)
        let deadline = ContinuousClock.now + wait // clock-exempt: a device I/O deadline is real time
        var lastFailure: ReadFailure?
        repeat {
            switch try ReadSequence.attempt(link, withFingerprint: withFingerprint) {
            case let .read(payload):
                do {
                    return .read(connection, verifier.verify(try payload.card(), today: today()))
                } catch {
                    return .failed(connection, .cardData(error))
                }
            case let .failed(failure):
                lastFailure = failure
            case .noCard:
                break
            }
            guard ContinuousClock.now + poll < deadline else { break } // clock-exempt: a device I/O deadline is real time
            poll.sleepBlocking()
        } while true
        if let lastFailure { return .failed(connection, lastFailure) }
        return .noCard(connection)
    }
}

/// Today's date as the kiosk sees it (China Standard Time); injected so tests pin it.
public typealias CivilDateProvider = @Sendable () -> CivilDate
