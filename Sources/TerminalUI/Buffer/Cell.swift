/// One terminal cell: a grapheme cluster and its style.
///
/// A wide glyph occupies two cells: the left one holds the character with `width == 2`, the right
/// one is a *continuation* (`width == 0`) that holds nothing of its own. ``CellBuffer`` keeps the
/// pair intact: writing over either half blanks the other.
public struct Cell: Hashable, Sendable {
    public var character: Character
    /// 1 or 2 for a cell that starts a glyph, 0 for the right half of a wide glyph.
    public var width: UInt8
    public var style: Style

    public init(_ character: Character, width: UInt8 = 1, style: Style = .plain) {
        self.character = character
        self.width = width
        self.style = style
    }

    public static func blank(_ style: Style = .plain) -> Cell { Cell(" ", width: 1, style: style) }
    static func continuation(_ style: Style) -> Cell { Cell(" ", width: 0, style: style) }

    public var isContinuation: Bool { width == 0 }
}
