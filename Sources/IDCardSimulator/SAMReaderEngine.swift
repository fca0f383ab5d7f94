import Foundation
import IDCardReader
import KioskDomain

/// The reader side of the SAM protocol: takes command bytes, answers as a GA/T 467 reader with
/// its SAM would, following a script of cards placed and removed over time.
///
/// It models what the reference reports of real readers: find answers `9F` only for a card that
/// has not been read yet (a read card stays halted until it leaves the field); a read needs a
/// select first; a scripted card can fail its next reads with `41`; a corrupt command gets `10`.
/// Thread-safe, so a test can place or remove cards and silence the reader while a runner thread
/// serves the wire.
public final class SAMReaderEngine: @unchecked Sendable {
    /// One answer and how long the SAM takes before it starts on the wire.
    public struct Reply: Sendable {
        public var frame: [UInt8]
        public var processing: Duration
        /// Set after a `60 xx` command: the line switches speed once the answer is out.
        public var newBaud: Int?
    }

    private struct Slot {
        var card: ScriptedCard
        var text: [UInt8]
        var photo: [UInt8]
        var placeAt: Duration
        var removeAt: Duration?
        var failNext: Int
        var halted = false
        var selected = false
    }

    public let delays: SAMDelays
    /// The SAM id of the reference's test vector: "05.01-20101129-0001228293-0296863149".
    public static let samIdentity: [UInt8] = [0x05, 0x00, 0x01, 0x00, 0x09, 0xB8, 0x32, 0x01,
                                              0x05, 0xBE, 0x12, 0x00, 0xAD, 0xC5, 0xB1, 0x11]

    private let lock = NSLock()
    private var slots: [Slot] = []
    private var answering = true
    /// Answers line noise instead of frames (a reader with a broken UART or the wrong baud).
    private var garbage = false
    private var decoder = SAMFrameDecoder.commands()
    private let now: @Sendable () -> Duration
    private var commandCounts: [String: Int] = [:]

    /// `now` is the time since the simulator started (a real clock for the pty runner).
    public init(script: SimulatorScript, now: @escaping @Sendable () -> Duration) throws(DataFileError) {
        delays = script.samDelays
        self.now = now
        var t = Duration.zero
        for (i, card) in script.cards.enumerated() {
            let place = t + .seconds(card.placeAfterSeconds)
            let remove = card.removeAfterSeconds.map { place + .seconds($0) }
            slots.append(try SAMReaderEngine.slot(card, key: "cards[\(i)]", placeAt: place, removeAt: remove))
            guard let remove else { break }
            t = remove
        }
    }

    /// A running clock from the moment of the call.
    public static func realTime() -> @Sendable () -> Duration {
        let start = ContinuousClock.now // clock-exempt: a device I/O deadline is real time
        return { ContinuousClock.now - start } // clock-exempt: a device I/O deadline is real time
    }

    // MARK: control (tests, demo)

    /// Puts `card` on the reader now, taking away whatever was there.
    public func place(_ card: ScriptedCard) throws(DataFileError) {
        let t = now()
        let slot = try SAMReaderEngine.slot(card, key: "card", placeAt: t, removeAt: card.removeAfterSeconds.map { t + .seconds($0) })
        lock.withLock {
            cutCurrent(at: t)
            slots.append(slot)
        }
    }

    /// Takes the current card away.
    public func removeCard() {
        lock.withLock { cutCurrent(at: now()) }
    }

    /// A reader that stops answering (firmware hang, cable half out) or starts again.
    public func setAnswering(_ on: Bool) {
        lock.withLock { answering = on }
    }

    /// A reader that answers every command with bytes that are not a SAM frame (wrong baud rate,
    /// a damaged cable or UART), or answers properly again.
    public func setGarbage(_ on: Bool) {
        lock.withLock { garbage = on }
    }

    /// What a garbling reader sends: no preamble, so the host's decoder never finds a frame.
    static let noise: [UInt8] = [0x3F, 0x00, 0xFE, 0x7F, 0x80, 0x13, 0xC0, 0x01, 0xE5, 0x55]

    /// How many times each command was answered, keyed by its description.
    public var answeredCommands: [String: Int] { lock.withLock { commandCounts } }

    public var isCardPresent: Bool { lock.withLock { currentIndex(at: now()) != nil } }

    // MARK: the wire

    /// Feeds bytes received from the host; returns the answers they call for, in order.
    public func receive(_ bytes: some Collection<UInt8>) -> [Reply] {
        lock.withLock {
            let before = decoder.rejectedFrames
            let bodies = decoder.feed(bytes)
            guard answering else { return [] }
            if garbage, !bodies.isEmpty { return bodies.map { _ in Reply(frame: Self.noise, processing: delays.control) } }
            var replies: [Reply] = []
            if decoder.rejectedFrames > before {
                replies.append(Reply(frame: SAMResponse(status: .checksumError).frame, processing: delays.control))
            }
            for body in bodies { replies.append(answer(body)) }
            return replies
        }
    }

    private func answer(_ body: [UInt8]) -> Reply {
        guard let command = SAMCommand(body: body) else {
            commandCounts["unknown", default: 0] += 1
            return Reply(frame: SAMResponse(status: .badCommand).frame, processing: delays.control)
        }
        commandCounts[command.description, default: 0] += 1
        let t = now()
        let index = currentIndex(at: t)
        func reply(_ status: SAMStatus, _ data: [UInt8] = [], _ delay: Duration, baud: Int? = nil) -> Reply {
            Reply(frame: SAMResponse(status: status, data: data).frame, processing: delay, newBaud: baud)
        }
        switch command {
        case .samReset, .samStatus, .setMaxFrameSize:
            return reply(.success, [], delays.control)
        case .samID:
            return reply(.success, SAMReaderEngine.samIdentity, delays.control)
        case let .setBaud(rate):
            return reply(.success, [], delays.control, baud: rate.bitsPerSecond)
        case .findCard:
            guard let i = index, !slots[i].halted else { return reply(.findFailed, [], delays.find) }
            slots[i].selected = false
            return reply(.findSuccess, [0, 0, 0, 0], delays.find)
        case .selectCard:
            guard let i = index, !slots[i].halted else { return reply(.selectFailed, [], delays.select) }
            slots[i].selected = true
            return reply(.success, [UInt8](repeating: 0, count: 8), delays.select)
        case .readText, .readTextAndFingerprint:
            let withFP = command == .readTextAndFingerprint
            let delay = withFP ? delays.readWithFingerprint : delays.read
            guard let i = index, !slots[i].halted, slots[i].selected else { return reply(.readFailed, [], delay) }
            slots[i].selected = false
            if slots[i].failNext > 0 {
                slots[i].failNext -= 1
                return reply(.readFailed, [], delay)
            }
            slots[i].halted = true
            let fp: [UInt8]? = withFP ? (slots[i].card.fingerprint ? CardTextEncoder.syntheticFingerprints() : []) : nil
            return reply(.success, ReadPayload.encode(text: slots[i].text, photo: slots[i].photo, fingerprint: fp), delay)
        case .readAppendedAddress:
            guard let i = index else { return reply(.readFailed, [], delays.appendedAddress) }
            guard let extra = slots[i].card.appendedAddress else { return reply(.noContent, [], delays.appendedAddress) }
            return reply(.success, UCS2Text.encode(extra, byteCount: 70), delays.appendedAddress)
        }
    }

    private func currentIndex(at t: Duration) -> Int? {
        slots.lastIndex { $0.placeAt <= t && ($0.removeAt.map { t < $0 } ?? true) }
    }

    private func cutCurrent(at t: Duration) {
        if let i = currentIndex(at: t) { slots[i].removeAt = t }
        slots.removeAll { $0.placeAt > t }
    }

    private static func slot(_ card: ScriptedCard, key: String, placeAt: Duration, removeAt: Duration?) throws(DataFileError) -> Slot {
        let identity = try card.identityCard(key: key)
        return Slot(card: card, text: CardTextEncoder.encode(identity), photo: identity.photo.bytes,
                    placeAt: placeAt, removeAt: removeAt, failNext: card.failNextReads)
    }
}
