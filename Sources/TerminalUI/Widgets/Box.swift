/// Borders drawn with ASCII only: box-drawing characters (─│┌) have ambiguous East Asian width
/// and some terminals in a Chinese locale draw them two cells wide, which would shift the grid.
public enum BorderKind: Sendable {
    /// `+--+` / `|  |`: the normal look.
    case plain
    /// `#==#` / `#  #`: the pressed or focused look (a shape cue besides the colour).
    case heavy
    /// `....`: disabled.
    case dotted
}

extension Frame {
    /// Fills `rect` with `style` and draws a one-cell border around it.
    public mutating func box(_ rect: Rect, style: Style, border: BorderKind = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { fill(rect, style: style); return }
        fill(rect, style: style)
        let (corner, horizontal, vertical): (Character, Character, Character) = switch border {
        case .plain: ("+", "-", "|")
        case .heavy: ("#", "=", "#")
        case .dotted: (".", ".", ":")
        }
        let inner = String(repeating: horizontal, count: rect.width - 2)
        let edge = String(corner) + inner + String(corner)
        text(edge, at: Point(x: rect.x, y: rect.y), style: style, clip: rect)
        text(edge, at: Point(x: rect.x, y: rect.maxY - 1), style: style, clip: rect)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            text(String(vertical), at: Point(x: rect.x, y: y), style: style)
            text(String(vertical), at: Point(x: rect.maxX - 1, y: y), style: style)
        }
    }
}
