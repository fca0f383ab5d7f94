import Dispatch
import KioskDomain
import KioskTime

/// The one owner of a reader: connects, polls for a card, reads it, watches for its removal,
/// and reconnects with backoff after an unplug or when the reader falls silent.
///
/// Polling is the only way to see a card (the reader sends nothing unsolicited); the default
/// 300 ms keeps the veteran's wait short without saturating a 115200-baud line. Device I/O is
/// blocking with timeouts, so it runs on the actor's own serial queue, never on the cooperative
/// pool. All waiting between commands goes through the injected clock, so tests drive poll and
/// backoff timing deterministically.
public actor CardReader {
    public struct Configuration: Sendable {
        /// Between two find (or presence) commands.
        public var pollInterval: Duration = .milliseconds(300)
        public var timeouts: SAMTimeouts = .standard
        /// Send `30 10` instead of `30 01` (the templates are skipped either way).
        public var readFingerprint = false
        /// Consecutive unanswered commands after which the reader counts as gone.
        public var silentCommandsBeforeDisconnect = 2
        public var reconnect = Backoff(initial: .milliseconds(500), maximum: .seconds(8))

        public init() {}
    }

    /// Opens the device (called again for every reconnection attempt).
    public typealias Connector = @Sendable () throws(TransportError) -> any SAMTransport

    public nonisolated let events: AsyncStream<ReaderEvent>
    private let continuation: AsyncStream<ReaderEvent>.Continuation
    private let connector: Connector
    private let clock: any KioskClock
    private let verifier: CardVerifier
    private let configuration: Configuration
    private let io = DispatchQueue(label: "onestop.card-reader.io")
    private let device = DeviceBox()
    public private(set) var status: ReaderStatus = .unknown

    public init(connector: @escaping Connector, verifier: CardVerifier, configuration: Configuration = Configuration(),
                clock: any KioskClock = SystemClock()) {
        self.connector = connector
        self.verifier = verifier
        self.configuration = configuration
        self.clock = clock
        (events, continuation) = AsyncStream.makeStream(of: ReaderEvent.self, bufferingPolicy: .bufferingNewest(256))
    }

    /// Runs until the task is cancelled, then closes the device and finishes `events`.
    public func run() async {
        await serve()
        let box = device
        await perform { box.close() }
        continuation.finish()
    }

    private func serve() async {
        var attempt = 0
        while !Task.isCancelled {
            switch await connect() {
            case let .failure(fault):
                // Only the change is an event; later failed attempts just refresh the status.
                if case .disconnected = status { status = .disconnected(fault) } else { noteDisconnected(fault) }
                guard await pause(configuration.reconnect.delay(attempt: attempt)) else { return }
                attempt += 1
            case let .success(connection):
                attempt = 0
                status = .connected(connection)
                continuation.yield(.connected(connection))
                guard let fault = await poll() else { return }
                let box = device
                await perform { box.close() }
                noteDisconnected(fault)
                guard await pause(configuration.reconnect.delay(attempt: 0)) else { return }
                attempt = 1
            }
        }
    }

    private func noteDisconnected(_ fault: ReaderFault) {
        status = .disconnected(fault)
        continuation.yield(.disconnected(fault))
    }

    private func connect() async -> Result<ReaderConnection, ReaderFault> {
        let connector = self.connector, box = device, timeouts = configuration.timeouts
        return await onIO { () throws(ReaderFault) -> ReaderConnection in
            let transport: any SAMTransport
            do throws(TransportError) { transport = try connector() } catch { throw .transport(error) }
            let link = SAMLink(transport: transport, timeouts: timeouts)
            do throws(ReaderFault) {
                let identity = try ReadSequence.handshake(link)
                box.link = link
                return ReaderConnection(label: transport.label, samIdentity: identity?.description)
            } catch {
                link.close()
                throw error
            }
        }
    }

    /// Polls until the reader fails (returns why) or the task is cancelled (returns nil).
    private func poll() async -> ReaderFault? {
        var present = false
        var silent = 0
        let box = device, fingerprint = configuration.readFingerprint
        while !Task.isCancelled {
            let checkPresence = present
            let step: Result<PollStep, ReaderFault> = await onIO { () throws(ReaderFault) -> PollStep in
                guard let link = box.link else { throw .transport(.closed) }
                if checkPresence { return .presence(try ReadSequence.cardStillPresent(link)) }
                return .attempt(try ReadSequence.attempt(link, withFingerprint: fingerprint))
            }
            switch step {
            case let .success(.presence(still)):
                silent = 0
                if !still {
                    present = false
                    continuation.yield(.cardRemoved)
                }
            case let .success(.attempt(outcome)):
                silent = 0
                switch outcome {
                case .noCard: break
                case let .read(payload):
                    present = true
                    do {
                        continuation.yield(.cardRead(verifier.verify(try payload.card(), today: clock.today)))
                    } catch {
                        continuation.yield(.readFailed(.cardData(error)))
                    }
                case let .failed(failure):
                    // A malformed answer still halted the card; a failed read did not.
                    if case .cardData = failure { present = true }
                    continuation.yield(.readFailed(failure))
                }
            case .failure(.timeout):
                silent += 1
                if silent >= configuration.silentCommandsBeforeDisconnect {
                    if present { continuation.yield(.cardRemoved) }
                    return .notAnswering(silent)
                }
            case let .failure(fault):
                if present { continuation.yield(.cardRemoved) }
                return fault
            }
            guard await pause(configuration.pollInterval) else { return nil }
        }
        return nil
    }

    private enum PollStep: Sendable {
        case presence(Bool)
        case attempt(ReadSequence.Outcome)
    }

    /// Sleeps on the injected clock; false when cancelled.
    private func pause(_ duration: Duration) async -> Bool {
        do {
            try await clock.sleep(for: duration)
            return true
        } catch {
            return false
        }
    }

    private func onIO<T: Sendable>(_ body: @escaping @Sendable () throws(ReaderFault) -> T) async -> Result<T, ReaderFault> {
        let queue = io
        return await withCheckedContinuation { continuation in
            queue.async {
                do throws(ReaderFault) {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
    }

    private func perform(_ body: @escaping @Sendable () -> Void) async {
        let queue = io
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                body()
                continuation.resume()
            }
        }
    }
}

/// The open link, touched only on the reader's I/O queue (hence unchecked).
final class DeviceBox: @unchecked Sendable {
    var link: SAMLink?

    func close() {
        link?.close()
        link = nil
    }
}
