/// How a panel's edge is drawn, with Unicode box drawing (the kiosk's terminal, foot, draws these
/// glyphs itself, pixel-exact and one cell wide whatever the font; the toolkit's width table
/// counts them as one cell).
public enum BorderKind: Sendable {
    /// `╭─╮ │ ╰─╯`: a calm rounded panel.
    case plain
    /// `┏━┓ ┃ ┗━┛`: focused or pressed (a shape cue besides the colour).
    case heavy
    /// `┌┄┐ ┆ └┄┘`: disabled.
    case dotted
    /// No line: the fill alone marks the area (buttons).
    case none

    var glyphs: (topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
                 horizontal: Character, vertical: Character)? {
        switch self {
        case .plain: ("╭", "╮", "╰", "╯", "─", "│")
        case .heavy: ("┏", "┓", "┗", "┛", "━", "┃")
        case .dotted: ("┌", "┐", "└", "┘", "┄", "┆")
        case .none: nil
        }
    }
}

extension Frame {
    /// Fills `rect` with `style` and draws a one-cell border around it (in `borderStyle` when
    /// given, so a panel's line can be quieter than its text).
    public mutating func box(_ rect: Rect, style: Style, border: BorderKind = .plain, borderStyle: Style? = nil) {
        fill(rect, style: style)
        guard rect.width >= 2, rect.height >= 2, let g = border.glyphs else { return }
        let line = borderStyle ?? style
        let inner = String(repeating: g.horizontal, count: rect.width - 2)
        text(String(g.topLeft) + inner + String(g.topRight), at: Point(x: rect.x, y: rect.y), style: line, clip: rect)
        text(String(g.bottomLeft) + inner + String(g.bottomRight), at: Point(x: rect.x, y: rect.maxY - 1), style: line, clip: rect)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            text(String(g.vertical), at: Point(x: rect.x, y: y), style: line)
            text(String(g.vertical), at: Point(x: rect.maxX - 1, y: y), style: line)
        }
    }

    /// A panel with its title set into the top border: `╭─ 标题 ───╮`.
    public mutating func panel(_ rect: Rect, title: String? = nil, theme: Theme = .standard, border: BorderKind = .plain) {
        // The line's cells take the screen's background, so the panel's white ends at its line
        // instead of showing square corners around a rounded one.
        box(rect, style: theme.panel, border: border,
            borderStyle: Style(foreground: theme.panelBorder.foreground, background: theme.screen.background))
        if let title, rect.width > 6 {
            let shown = TextLayout.truncate(" \(title) ", width: rect.width - 4)
            text(shown, at: Point(x: rect.x + 2, y: rect.y), style: theme.panel.with(.bold), clip: rect)
        }
    }
}
