import Foundation
import TestSupport
import IDCardReader
import IDCardSimulator
import KioskDomain
import KioskDomainTesting

/// A simulated reader on a real pseudo-terminal, with the host side opened through the real
/// serial transport: what end-to-end tests, later the kiosk's own tests, and demos start.
public final class SimulatedReaderRig: @unchecked Sendable {
    public let simulator: PTYReaderSimulator
    public var engine: SAMReaderEngine { simulator.engine }
    public var devicePath: String { simulator.devicePath }

    /// `now` is the cards' time (when scripted cards come and go); real time unless a test
    /// steps it, so a scripted removal happens when the test says, not when a loaded machine
    /// happens to get there.
    public init(script: SimulatorScript, wireTime: Bool = true, baud: Int = 115_200,
                now: @escaping @Sendable () -> Duration = SAMReaderEngine.realTime()) throws {
        let engine = try SAMReaderEngine(script: script, now: now)
        simulator = try PTYReaderSimulator(engine: engine, baud: baud, wireTime: wireTime)
        simulator.start()
    }

    public convenience init(cards: [ScriptedCard], delays: SAMDelays = .none, wireTime: Bool = false) throws {
        try self.init(script: SimulatorScript(cards: cards, samDelays: delays), wireTime: wireTime)
    }

    /// A new host-side link over the serial transport.
    public func openLink(timeouts: SAMTimeouts = .standard) throws -> SAMLink {
        SAMLink(transport: try SerialPort(path: devicePath), timeouts: timeouts)
    }

    /// A connector for `CardReader` that opens the pty like a tty.
    public var connector: CardReader.Connector {
        let path = devicePath
        return { () throws(TransportError) -> any SAMTransport in try SerialPort(path: path) }
    }

    /// Unplugs the simulated reader.
    public func stop() { simulator.stop() }

    /// The division codes the programs ship, for `CardVerifier`.
    /// Loaded once per test process: parsing the division table takes a noticeable fraction of
    /// a second in debug builds, which would skew the timing of scripted cards.
    public static func verifier() throws -> CardVerifier {
        try sharedVerifier.get()
    }

    private static let sharedVerifier: Result<CardVerifier, DataFileError> = Result { () throws(DataFileError) in
        CardVerifier(divisions: try DivisionCodes.load(from: RepositoryPaths.assets))
    }
}

/// Collects a reader's events for assertions, waiting in real time with a limit so a broken
/// test fails with what it did see instead of hanging.
public actor ReaderEventLog {
    public private(set) var events: [ReaderEvent] = []
    private var task: Task<Void, Never>?

    public init() {}

    public func follow(_ stream: AsyncStream<ReaderEvent>) {
        task = Task { [weak self] in
            for await event in stream { await self?.append(event) }
        }
    }

    private func append(_ event: ReaderEvent) { events.append(event) }

    /// Waits until `predicate` holds for the events so far; returns them either way.
    @discardableResult
    public func wait(timeout: Double = 60, until predicate: @Sendable ([ReaderEvent]) -> Bool) async -> [ReaderEvent] {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end, !predicate(events) {
            try? await Task.sleep(nanoseconds: 5_000_000)
        }
        return events
    }
}

extension ReaderEvent {
    /// A short stable name, for comparing event sequences in tests without personal data.
    public var kind: String {
        switch self {
        case .connected: "connected"
        case .disconnected: "disconnected"
        case .cardRead: "cardRead"
        case .cardRemoved: "cardRemoved"
        case .readFailed: "readFailed"
        }
    }

    /// The kind with the reason of a disconnect or failed read, for a failing test's message.
    public var detail: String {
        switch self {
        case let .disconnected(fault): "disconnected(\(fault))"
        case let .readFailed(failure): "readFailed(\(failure))"
        default: kind
        }
    }
}
