/// The escape sequences the toolkit writes, in one place (xterm / ECMA-48; see
/// docs/terminal-ui.md for the reference). Everything is plain bytes so a frame can be assembled
/// into one buffer and sent with a single `write()`.
public enum EscapeSequences {
    public static let enterAlternateScreen = "\u{1B}[?1049h"
    public static let leaveAlternateScreen = "\u{1B}[?1049l"
    public static let hideCursor = "\u{1B}[?25l"
    public static let showCursor = "\u{1B}[?25h"
    public static let disableAutowrap = "\u{1B}[?7l"
    public static let enableAutowrap = "\u{1B}[?7h"
    /// Press/release (1000), drag (1002) and SGR coordinates (1006): touches arrive this way.
    public static let enableMouse = "\u{1B}[?1000h\u{1B}[?1002h\u{1B}[?1006h"
    public static let disableMouse = "\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l"
    public static let enableBracketedPaste = "\u{1B}[?2004h"
    public static let disableBracketedPaste = "\u{1B}[?2004l"
    public static let beginSynchronizedUpdate = "\u{1B}[?2026h"
    public static let endSynchronizedUpdate = "\u{1B}[?2026l"
    /// DECRQM for mode 2026; a terminal that knows it answers `CSI ? 2026 ; 1|2 $ y`.
    public static let querySynchronizedOutput = "\u{1B}[?2026$p"
    public static let resetStyle = "\u{1B}[0m"
    public static let clearScreen = "\u{1B}[2J"

    /// Setup, in order: screen, cursor, wrap, mouse, paste, clear.
    public static let setup = enterAlternateScreen + hideCursor + disableAutowrap + enableMouse
        + enableBracketedPaste + resetStyle + clearScreen
    /// Teardown, the reverse of ``setup``, ending on the main screen with the cursor visible.
    public static let teardown = disableBracketedPaste + disableMouse + enableAutowrap + resetStyle
        + showCursor + leaveAlternateScreen
}

/// Appends escape sequences and text to a byte buffer.
struct EscapeWriter {
    var bytes: [UInt8] = []

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func append(_ character: Character) {
        for scalar in character.unicodeScalars { appendScalar(scalar) }
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { bytes.append($0) }
    }

    mutating func appendNumber(_ value: Int) {
        if value >= 10 { appendNumber(value / 10) }
        bytes.append(UInt8(48 + value % 10))
    }

    /// CUP: move to 0-based column `x`, row `y`.
    mutating func moveTo(x: Int, y: Int) {
        bytes.append(contentsOf: [0x1B, 0x5B])
        appendNumber(y + 1)
        if x > 0 {
            bytes.append(0x3B)
            appendNumber(x + 1)
        }
        bytes.append(0x48)
    }

    /// CUF: move right `count` columns on the same row.
    mutating func moveRight(_ count: Int) {
        bytes.append(contentsOf: [0x1B, 0x5B])
        if count != 1 { appendNumber(count) }
        bytes.append(0x43)
    }

    /// SGR that changes the pen from `previous` to `style`: only what differs when attributes
    /// are only added, otherwise a reset followed by the complete style (so no attribute leaks).
    mutating func setStyle(_ style: Style, from previous: Style?) {
        guard let previous, previous.attributes.isSubset(of: style.attributes),
              style.foreground != .default || previous.foreground == .default,
              style.background != .default || previous.background == .default else {
            setStyle(style)
            return
        }
        bytes.append(contentsOf: [0x1B, 0x5B])
        let start = bytes.count
        let added = style.attributes.subtracting(previous.attributes)
        if added.contains(.bold) { append(";1") }
        if added.contains(.dim) { append(";2") }
        if added.contains(.underline) { append(";4") }
        if added.contains(.reverse) { append(";7") }
        if style.foreground != previous.foreground { appendColor(style.foreground, base: 30, bright: 90, extended: 38) }
        if style.background != previous.background { appendColor(style.background, base: 40, bright: 100, extended: 48) }
        if bytes.count > start { bytes.remove(at: start) } // the first ";"
        bytes.append(0x6D)
    }

    /// SGR for a complete style, starting from a reset so no earlier attribute leaks through.
    mutating func setStyle(_ style: Style) {
        bytes.append(contentsOf: [0x1B, 0x5B, 0x30])
        if style.attributes.contains(.bold) { append(";1") }
        if style.attributes.contains(.dim) { append(";2") }
        if style.attributes.contains(.underline) { append(";4") }
        if style.attributes.contains(.reverse) { append(";7") }
        appendColor(style.foreground, base: 30, bright: 90, extended: 38)
        appendColor(style.background, base: 40, bright: 100, extended: 48)
        bytes.append(0x6D)
    }

    private mutating func appendColor(_ color: Color, base: Int, bright: Int, extended: Int) {
        switch color {
        case .default:
            return
        case .ansi(let n):
            bytes.append(0x3B)
            appendNumber(n < 8 ? base + Int(n) : bright + Int(n & 7))
        case .indexed(let n):
            bytes.append(0x3B)
            appendNumber(extended)
            append(";5;")
            appendNumber(Int(n))
        case .rgb(let r, let g, let b):
            bytes.append(0x3B)
            appendNumber(extended)
            append(";2;")
            appendNumber(Int(r)); bytes.append(0x3B)
            appendNumber(Int(g)); bytes.append(0x3B)
            appendNumber(Int(b))
        }
    }
}
