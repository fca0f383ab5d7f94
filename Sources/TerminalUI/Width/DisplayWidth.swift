/// How many terminal cells a grapheme cluster occupies: 0, 1 or 2.
///
/// Widths are decided per grapheme cluster (a Swift `Character`), never by summing scalars:
/// glibc's `wcwidth` gives 👨‍👩‍👧 six cells and 🇨🇳 two narrow halves, while terminals draw each
/// as one wide picture. The rules, in order:
/// - a cluster starting with a control character is 0 (the sanitiser removes those anyway);
/// - a pair of regional indicators (a flag) is 2, a lone regional indicator is 1;
/// - a cluster holding U+FE0F (emoji presentation selector) after a visible base is 2;
/// - otherwise the first scalar decides: East Asian Wide/Fullwidth (which includes every
///   Emoji_Presentation character) is 2, a mark or format character is 0, anything else is 1.
///   Ambiguous-width characters count as 1, as the kiosk terminal draws them.
///
/// The table comes from `scripts/generate-width-table.py`; ``unicodeVersion`` says which data.
public enum DisplayWidth {
    /// The Unicode version of the generated width table.
    public static var unicodeVersion: String { WidthTable.unicodeVersion }

    /// Cells taken by one grapheme cluster.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let value = first.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x7F { return 1 } // ASCII fast path (a lone letter, or letter + marks)
        if isRegionalIndicator(value) {
            return scalars.dropFirst().contains { isRegionalIndicator($0.value) } ? 2 : 1
        }
        let base = scalarWidth(value)
        if base == 0 { return 0 }
        if base == 1, scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return base
    }

    /// Cells taken by a whole string, cluster by cluster.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Width of a single scalar from the generated table: 0, 1 or 2.
    public static func scalarWidth(_ value: UInt32) -> Int {
        if value < 0x300 { return value == 0xAD ? 1 : (value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1) }
        if contains(WidthTable.wide, value) { return 2 }
        if contains(WidthTable.zero, value) { return 0 }
        return 1
    }

    private static func isRegionalIndicator(_ value: UInt32) -> Bool {
        (0x1F1E6...0x1F1FF).contains(value)
    }

    /// Binary search in a flat `[low, high, …]` range array.
    private static func contains(_ ranges: [UInt32], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count / 2 - 1
        while low <= high {
            let mid = (low + high) / 2
            if value < ranges[mid * 2] {
                high = mid - 1
            } else if value > ranges[mid * 2 + 1] {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
