/// How many printer columns a character occupies.
///
/// A thermal printer's Font A cell is 12 dots wide and a CJK glyph 24, so an 80 mm line holds
/// 48 ASCII characters or 24 Chinese ones. In the GB family every non-ASCII character prints as a
/// full-width glyph (even “ ” or ①, which Unicode calls "ambiguous"), so it counts 2; in UTF-8
/// mode the East Asian Width property decides.
public struct ColumnWidth: Sendable {
    public let encoding: ReceiptTextEncoding

    public init(encoding: ReceiptTextEncoding) { self.encoding = encoding }

    public func columns(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let value = first.value
        if value < 0x20 { return 0 }
        if value < 0x7F { return 1 }
        if Self.isWide(value) { return 2 }
        if (0x0300...0x036F).contains(value) || value == 0x200B { return 0 }
        return encoding.isDoubleByteFamily ? 2 : 1
    }

    public func columns(of text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges that matter for Chinese receipts.
    public static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
