/// Breaks text into lines that fit a column budget, never inside a character.
///
/// Chinese may break between any two characters; a run of ASCII letters and digits (a case
/// number, a phone number, a URL) moves to the next line whole when it fits there, and is split
/// only when longer than a line. Closing punctuation (，。、）…) is never put at the start of a
/// line: it stays with the character before it, even if that line then runs one glyph short.
public struct LineWrapper: Sendable {
    public let measure: ColumnWidth

    public init(measure: ColumnWidth) { self.measure = measure }

    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "”", "’", ",", ".", ";", ":", ")", "…"]

    /// Wraps `text` into lines of at most `width` columns. The first line starts after
    /// `firstIndent` columns already used; later lines are prefixed with `continuation`.
    /// Every returned line fits: `firstIndent + columns(lines[0]) <= width`, and
    /// `columns(lines[i]) <= width` for the others.
    public func wrap(_ text: String, width: Int, firstIndent: Int = 0, continuation: String = "") -> [String] {
        let width = max(width, 2)
        // Most receipt lines fit as they are.
        if firstIndent + measure.columns(of: text) <= width, !text.utf8.contains(UInt8(ascii: "\n")) { return [text] }
        var continuation = continuation
        if measure.columns(of: continuation) > width / 2 { continuation = "" }
        let contWidth = measure.columns(of: continuation)
        var lines: [String] = []
        var current = ""
        var used = min(firstIndent, width)
        var start = used          // columns used before any content on this line
        func newLine() {
            lines.append(current)
            current = continuation
            used = contWidth
            start = contWidth
        }
        for token in Self.tokens(text) {
            if token == "\n" { newLine(); continue }
            let tokenWidth = measure.columns(of: token)
            if used + tokenWidth <= width {
                current += token
                used += tokenWidth
                continue
            }
            if token.count == 1, let ch = token.first, Self.noLineStart.contains(ch), used > start,
               let last = current.last, measure.columns(of: last) + tokenWidth <= width - contWidth,
               !Self.noLineStart.contains(last) {
                // Carry the last glyph down with the punctuation, so no line starts with "，".
                current.removeLast()
                newLine()
                current += String(last) + token
                used += measure.columns(of: last) + tokenWidth
                continue
            }
            if token.count > 1, used > start, tokenWidth <= width - contWidth {
                newLine()
                current += token
                used += tokenWidth
                continue
            }
            for ch in token {
                let w = measure.columns(of: ch)
                if used + w > width {
                    if used > start || start > 0 { newLine() }
                    if used + w > width { continue } // a glyph wider than a whole line: drop it
                }
                current.append(ch)
                used += w
            }
        }
        lines.append(current)
        return lines
    }

    /// Splits into ASCII word runs, single spaces, newlines and single other characters.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        for ch in text {
            if let ascii = ch.asciiValue, Self.isWordByte(ascii) {
                word.append(ch)
            } else {
                if !word.isEmpty { tokens.append(word); word = "" }
                tokens.append(ch == "\r\n" ? "\n" : String(ch))
            }
        }
        if !word.isEmpty { tokens.append(word) }
        return tokens
    }

    /// Letters, digits and the punctuation inside case numbers, phone numbers and URLs.
    static func isWordByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_/.:@?=&%#+".utf8.contains(b)
        }
    }

    /// Pads `text` on the left so that it ends at `width` columns (right alignment in plain text).
    public func pad(_ text: String, toCenterIn width: Int) -> String {
        let w = measure.columns(of: text)
        guard w < width else { return text }
        return String(repeating: " ", count: (width - w) / 2) + text
    }
}
