/// Decodes the bytes a terminal sends into ``InputEvent``s.
///
/// A byte-level state machine: reads may split a sequence anywhere (even inside a UTF-8 scalar or
/// a mouse report) and decoding resumes with the next read, so `feed` of any split gives the same
/// events as one whole read. Bytes that form no known sequence are dropped, never trapped on:
/// sequences are bounded in length and every state has a way back to ground.
///
/// A lone ESC is ambiguous (the Escape key, or the start of a sequence whose rest has not arrived
/// yet); the decoder holds it until ``flush()``, which the reader calls when no byte followed
/// within a short timeout (``escapeTimeout``).
public struct InputDecoder: Sendable {
    /// How long a lone ESC waits for the rest of a sequence before it counts as the Escape key.
    /// Long enough that a mouse report split by a busy sender (tmux writes key by key) is not
    /// torn apart, short enough that the Escape key still feels immediate (tmux waits 500 ms,
    /// vim 100 ms).
    public static let escapeTimeout: Duration = .milliseconds(100)
    /// Longest CSI sequence accepted; longer ones are garbage and are dropped.
    static let maxSequenceLength = 64
    /// Largest bracketed paste kept; the rest of a longer paste is dropped.
    static let maxPasteBytes = 64 * 1024

    private enum State: Sendable {
        case ground
        case escape
        case csi
        case ss3
        case paste
    }

    private var state: State = .ground
    private var sequence: [UInt8] = []
    private var utf8: [UInt8] = []
    private var utf8Needed = 0
    private var pasteBytes: [UInt8] = []

    public init() {}

    /// True while a lone ESC is held, waiting for ``flush()`` or more bytes.
    public var hasPendingEscape: Bool { state == .escape }

    /// True while any partial input is held (an escape sequence, a paste, a UTF-8 scalar).
    public var hasPendingInput: Bool { state != .ground || utf8Needed > 0 }

    /// True while an escape sequence is unfinished: the reader should call ``flush()`` if no
    /// byte follows within ``escapeTimeout``.
    public var needsFlush: Bool { state == .escape || state == .csi || state == .ss3 }

    /// Decodes `bytes`, returning the events completed by them.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [InputEvent] {
        var events: [InputEvent] = []
        for byte in bytes { step(byte, into: &events) }
        return events
    }

    /// Called after ``escapeTimeout`` without input: a held lone ESC becomes the Escape key and
    /// an unfinished CSI/SS3 sequence is dropped. A paste in progress and a partial UTF-8 scalar
    /// are kept: a slow sender may still complete them.
    public mutating func flush() -> [InputEvent] {
        switch state {
        case .escape:
            state = .ground
            return [.key(KeyEvent(.escape))]
        case .csi, .ss3:
            state = .ground
            sequence.removeAll(keepingCapacity: true)
            return []
        case .ground, .paste:
            return []
        }
    }

    private mutating func reset() {
        state = .ground
        sequence.removeAll(keepingCapacity: true)
        utf8.removeAll(keepingCapacity: true)
        utf8Needed = 0
    }

    private mutating func step(_ byte: UInt8, into events: inout [InputEvent]) {
        switch state {
        case .ground: ground(byte, into: &events)
        case .escape: escape(byte, into: &events)
        case .csi: csi(byte, into: &events)
        case .ss3: ss3(byte, into: &events)
        case .paste: paste(byte, into: &events)
        }
    }

    private mutating func ground(_ byte: UInt8, into events: inout [InputEvent]) {
        if utf8Needed > 0 {
            if byte & 0xC0 == 0x80 {
                utf8.append(byte)
                utf8Needed -= 1
                if utf8Needed == 0 { emitUTF8(into: &events) }
                return
            }
            utf8.removeAll(keepingCapacity: true) // truncated scalar: drop it, decode this byte
            utf8Needed = 0
        }
        switch byte {
        case 0x1B:
            state = .escape
        case 0x0D, 0x0A:
            events.append(.key(KeyEvent(.enter)))
        case 0x09:
            events.append(.key(KeyEvent(.tab)))
        case 0x7F, 0x08:
            events.append(.key(KeyEvent(.backspace)))
        case 0x00:
            events.append(.key(KeyEvent(.character(" "), modifiers: .control)))
        case 0x01...0x1A:
            let letter = Character(Unicode.Scalar(byte + 0x60))
            events.append(.key(KeyEvent(.character(letter), modifiers: .control)))
        case 0x1C...0x1F:
            break
        case 0x20...0x7E:
            events.append(.character(Character(Unicode.Scalar(byte))))
        case 0xC2...0xDF:
            utf8 = [byte]; utf8Needed = 1
        case 0xE0...0xEF:
            utf8 = [byte]; utf8Needed = 2
        case 0xF0...0xF4:
            utf8 = [byte]; utf8Needed = 3
        default:
            break // stray continuation byte or invalid lead: dropped
        }
    }

    private mutating func emitUTF8(into events: inout [InputEvent]) {
        defer { utf8.removeAll(keepingCapacity: true) }
        var value: UInt32
        switch utf8.count {
        case 2: value = UInt32(utf8[0] & 0x1F) << 6 | UInt32(utf8[1] & 0x3F)
        case 3: value = UInt32(utf8[0] & 0x0F) << 12 | UInt32(utf8[1] & 0x3F) << 6 | UInt32(utf8[2] & 0x3F)
        default: value = UInt32(utf8[0] & 0x07) << 18 | UInt32(utf8[1] & 0x3F) << 12 | UInt32(utf8[2] & 0x3F) << 6 | UInt32(utf8[3] & 0x3F)
        }
        let minimum: UInt32 = utf8.count == 2 ? 0x80 : (utf8.count == 3 ? 0x800 : 0x10000)
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return } // overlong or surrogate
        if value >= 0x80, value < 0xA0 { return } // C1 controls are not text
        events.append(.character(Character(scalar)))
    }

    private mutating func escape(_ byte: UInt8, into events: inout [InputEvent]) {
        switch byte {
        case 0x5B: // [
            state = .csi
            sequence.removeAll(keepingCapacity: true)
        case 0x4F: // O
            state = .ss3
        case 0x1B:
            events.append(.key(KeyEvent(.escape)))
        case 0x20...0x7E:
            state = .ground
            events.append(.key(KeyEvent(.character(Character(Unicode.Scalar(byte))), modifiers: .alt)))
        default:
            state = .ground
            events.append(.key(KeyEvent(.escape)))
            ground(byte, into: &events)
        }
    }

    private mutating func ss3(_ byte: UInt8, into events: inout [InputEvent]) {
        state = .ground
        if let key = Self.finalKey(byte) {
            events.append(.key(KeyEvent(key)))
        } else if (0x50...0x53).contains(byte) {
            events.append(.key(KeyEvent(.function(Int(byte) - 0x50 + 1))))
        }
    }

    private mutating func csi(_ byte: UInt8, into events: inout [InputEvent]) {
        switch byte {
        case 0x20...0x3F:
            sequence.append(byte)
            if sequence.count > Self.maxSequenceLength { reset() }
        case 0x40...0x7E:
            state = .ground
            if let event = CSIParser.parse(parameters: sequence, final: byte) {
                if case .paste = event {
                    state = .paste
                    pasteBytes.removeAll(keepingCapacity: true)
                } else {
                    events.append(event)
                }
            }
            sequence.removeAll(keepingCapacity: true)
        case 0x1B:
            sequence.removeAll(keepingCapacity: true)
            state = .escape // an aborted sequence followed by a new one
        default:
            reset() // control byte inside a sequence: garbage
        }
    }

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    private mutating func paste(_ byte: UInt8, into events: inout [InputEvent]) {
        if pasteBytes.count < Self.maxPasteBytes + Self.pasteEnd.count {
            pasteBytes.append(byte)
        } else {
            // Over the limit: keep only a window long enough to recognise the end marker.
            pasteBytes.removeSubrange(Self.maxPasteBytes..<(Self.maxPasteBytes + 1))
            pasteBytes.append(byte)
        }
        guard byte == 0x7E, pasteBytes.count >= Self.pasteEnd.count,
              pasteBytes.suffix(Self.pasteEnd.count).elementsEqual(Self.pasteEnd) else { return }
        pasteBytes.removeLast(Self.pasteEnd.count)
        events.append(.paste(String(decoding: pasteBytes, as: UTF8.self)))
        pasteBytes.removeAll(keepingCapacity: true)
        state = .ground
    }

    static func finalKey(_ byte: UInt8) -> Key? {
        switch byte {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x4D: return .enter // SS3 M: keypad Enter
        default: return nil
        }
    }
}
