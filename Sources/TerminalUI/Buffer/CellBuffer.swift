/// A grid of cells: what the screen should show. Widgets draw into it; the renderer diffs two of
/// them; the headless backend dumps one as text.
///
/// This is the one place that knows about wide glyphs (as in ratatui): every write goes through
/// ``put(_:width:at:style:)``, which never leaves half of a wide glyph behind — overwriting
/// either half blanks the other — and never lets a wide glyph hang over the right edge.
public struct CellBuffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, style: Style = .plain) {
        self.size = size
        self.cells = Array(repeating: .blank(style), count: size.columns * size.rows)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.columns + x]
    }

    /// Writes `text` on row `at.y` starting at column `at.x`, clipped to `clip` (default: the
    /// whole buffer). Zero-width clusters at the start are dropped; a wide glyph that does not fit
    /// before the clip's right edge is replaced by a blank. Returns the column after the text.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, at: Point, style: Style, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        var x = at.x
        guard at.y >= area.y, at.y < area.maxY else { return x + DisplayWidth.of(text) }
        for character in text {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if x >= area.maxX { break }
            if x >= area.x {
                if x + width > area.maxX {
                    put(" ", width: 1, at: Point(x: x, y: at.y), style: style)
                } else {
                    put(character, width: width, at: Point(x: x, y: at.y), style: style)
                }
            }
            x += width
        }
        return x
    }

    /// Fills a rectangle with one character (default: blanks) in `style`.
    public mutating func fill(_ rect: Rect, style: Style, with character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let width = max(1, DisplayWidth.of(character))
        for y in area.y..<area.maxY {
            var x = area.x
            while x < area.maxX {
                if x + width > area.maxX {
                    put(" ", width: 1, at: Point(x: x, y: y), style: style)
                } else {
                    put(character, width: width, at: Point(x: x, y: y), style: style)
                }
                x += width
            }
        }
    }

    /// Changes the style of every cell in `rect`, keeping the characters (for highlights).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { change(&cells[y * size.columns + x].style) }
        }
    }

    /// Puts one glyph of the given width (1 or 2) at `point`, repairing any wide glyph it cuts.
    public mutating func put(_ character: Character, width: Int, at point: Point, style: Style) {
        guard point.y >= 0, point.y < size.rows, point.x >= 0, point.x < size.columns else { return }
        let wide = width == 2 && point.x + 1 < size.columns
        let character: Character = (width == 2 && !wide) ? " " : character
        breakWideGlyph(at: point.x, row: point.y)
        if wide { breakWideGlyph(at: point.x + 1, row: point.y) }
        let index = point.y * size.columns + point.x
        cells[index] = Cell(character, width: wide ? 2 : 1, style: style)
        if wide { cells[index + 1] = .continuation(style) }
    }

    /// Before a cell is overwritten: if it is half of a wide glyph, blank the other half.
    private mutating func breakWideGlyph(at x: Int, row y: Int) {
        let index = y * size.columns + x
        let cell = cells[index]
        if cell.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
            cells[index] = .blank(cell.style)
        } else if cell.width == 2, x + 1 < size.columns {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
    }

    /// The text of row `y`, continuation cells skipped, so each line reads as on screen.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<size.columns {
            let cell = self[x, y]
            if !cell.isContinuation { text.append(cell.character) }
        }
        return text
    }

    /// All rows as text, trailing blanks trimmed: the form snapshot tests compare.
    public func textDump() -> String {
        (0..<size.rows).map { y -> String in
            var line = line(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
