/// One command, one answer: sends a frame on a transport and assembles the reply with a
/// `SAMFrameDecoder`, within the command's timeout.
///
/// Not thread-safe by design: it has exactly one owner at a time (see `CardReader`).
public final class SAMLink {
    public let transport: any SAMTransport
    public var timeouts: SAMTimeouts
    private var decoder = SAMFrameDecoder.responses()

    public init(transport: any SAMTransport, timeouts: SAMTimeouts = .standard) {
        self.transport = transport
        self.timeouts = timeouts
    }

    /// Sends `command` and returns the first well-formed answer. Stale bytes from an earlier,
    /// timed-out exchange are dropped first. A checksum or length error in the reader's answer
    /// never surfaces as an answer: the decoder skips it and the command times out.
    public func transact(_ command: SAMCommand, timeout: Duration? = nil) throws(ReaderFault) -> SAMResponse {
        let limit = timeout ?? timeouts.timeout(for: command)
        transport.discardPendingInput()
        decoder.reset()
        var deadline = ContinuousClock.now + limit // clock-exempt: a device I/O deadline is real time
        do {
            try transport.send(frame: command.frame, timeout: limit)
            while true {
                let asked = ContinuousClock.now // clock-exempt: a device I/O deadline is real time
                let remaining = deadline - asked
                guard remaining > .zero else { break }
                let chunk = try transport.receive(timeout: remaining)
                // A wait that came back far later than asked means this process was not running
                // (a loaded or suspended terminal; a virtual machine's vCPU held): the reader
                // cannot be blamed for that time, so the deadline moves by it.
                let overrun = ContinuousClock.now - asked - remaining // clock-exempt: a device I/O deadline is real time
                let stalled = overrun > Self.stallAllowance
                if stalled { deadline += overrun }
                if chunk.isEmpty {
                    if stalled { continue }
                    break
                }
                if let response = Self.answer(to: command, among: decoder.feed(chunk)) { return response }
            }
        } catch {
            throw ReaderFault(error)
        }
        // The deadline judges the reader, not this process: an answer that arrived while this
        // process was not scheduled (a loaded terminal) is in the buffer, so look once more.
        if let late = try? transport.receive(timeout: .zero), !late.isEmpty,
           let response = Self.answer(to: command, among: decoder.feed(late)) {
            return response
        }
        if let response = Self.answer(to: command, among: decoder.abandonPartialFrame()) { return response }
        throw .timeout(command)
    }

    /// The first of `bodies` that can answer `command`. The protocol has no sequence numbers, so
    /// a reader that answers late answers a command the host already gave up on, and that
    /// answer arrives during the next one; one whose status belongs to another command is such
    /// a late answer, and is passed over.
    static func answer(to command: SAMCommand, among bodies: [[UInt8]]) -> SAMResponse? {
        bodies.lazy.compactMap { SAMResponse(body: $0) }.first { command.mayBeAnswered(by: $0.status) }
    }

    public func close() { transport.close() }

    /// How much later than asked a wait may come back before the lateness is counted as this
    /// process's own (not the reader's) and added to the deadline.
    static let stallAllowance: Duration = .milliseconds(500)
}

/// How long each command may take before the reader counts as silent. Defaults follow the
/// reference's survey (find/select 100–200 ms, read 2 s, fingerprint 3 s, appended address
/// 1.5 s) with headroom for a SAM that is slow after power-up.
public struct SAMTimeouts: Sendable, Equatable {
    public var control: Duration
    public var find: Duration
    public var read: Duration
    public var readWithFingerprint: Duration
    public var appendedAddress: Duration

    public static let standard = SAMTimeouts(control: .milliseconds(2000), find: .milliseconds(1000),
                                             read: .seconds(3), readWithFingerprint: .seconds(4),
                                             appendedAddress: .milliseconds(1500))

    public init(control: Duration, find: Duration, read: Duration, readWithFingerprint: Duration, appendedAddress: Duration) {
        self.control = control
        self.find = find
        self.read = read
        self.readWithFingerprint = readWithFingerprint
        self.appendedAddress = appendedAddress
    }

    public func timeout(for command: SAMCommand) -> Duration {
        switch command {
        case .findCard, .selectCard: find
        case .readText: read
        case .readTextAndFingerprint: readWithFingerprint
        case .readAppendedAddress: appendedAddress
        case .samReset, .samStatus, .samID, .setBaud, .setMaxFrameSize: control
        }
    }
}

/// Why the reader itself (not the card) failed: the kiosk shows "读卡器故障" and reconnects.
public enum ReaderFault: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer within the command's timeout.
    case timeout(SAMCommand)
    /// The device went away or could not be opened.
    case transport(TransportError)
    /// The reader answered a control command with a failure status (self-test failed, …).
    case status(SAMCommand, SAMStatus)
    /// Several commands in a row went unanswered.
    case notAnswering(Int)

    init(_ error: TransportError) { self = .transport(error) }

    public var chineseMessage: String { "读卡器故障，请联系工作人员" }

    public var description: String {
        switch self {
        case let .timeout(command): "no answer to \(command)"
        case let .transport(error): error.description
        case let .status(command, status): "\(command) answered \(status)"
        case let .notAnswering(n): "reader stopped answering (\(n) commands without an answer)"
        }
    }
}
