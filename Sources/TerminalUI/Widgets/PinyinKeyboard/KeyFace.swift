/// One key of the on-screen keyboard: a filled block with a rounded box-drawing rim, the label
/// centred on its middle row. The keyboard draws its own keys (rather than ``Button``) so that a
/// key is exactly the rectangle it is given — ten 8-column keys fill an 80-column screen — and
/// so the keyboard's look stays one self-contained piece.
///
/// States differ in shape as well as colour (colour is never the only cue): normal keys have a
/// rounded rim `╭─╮`, a pressed key a heavy rim `┏━┓`, a disabled key a dashed rim `┌╌┐` and no
/// touch target.
struct KeyFace {
    enum Rim { case rounded, heavy, dashed }

    var label: String
    var style: Style
    var rim: Rim

    func draw<Message>(into frame: inout Frame<Message>, in rect: Rect) {
        let area = rect.intersection(frame.bounds)
        guard !area.isEmpty else { return }
        frame.fill(area, style: style)
        if rect.width >= 3, rect.height >= 3 {
            let (tl, tr, bl, br, h, v): (String, String, String, String, String, String) = switch rim {
            case .rounded: ("╭", "╮", "╰", "╯", "─", "│")
            case .heavy: ("┏", "┓", "┗", "┛", "━", "┃")
            case .dashed: ("┌", "┐", "└", "┘", "╌", "╎")
            }
            let inner = String(repeating: h, count: rect.width - 2)
            frame.text(tl + inner + tr, at: Point(x: rect.x, y: rect.y), style: style, clip: area)
            frame.text(bl + inner + br, at: Point(x: rect.x, y: rect.maxY - 1), style: style, clip: area)
            for y in (rect.y + 1)..<(rect.maxY - 1) {
                frame.text(v, at: Point(x: rect.x, y: y), style: style, clip: area)
                frame.text(v, at: Point(x: rect.maxX - 1, y: y), style: style, clip: area)
            }
        }
        let room = rect.width >= 3 ? rect.width - 2 : rect.width
        let shown = TextLayout.truncate(label, width: max(0, room))
        let inside = rect.width >= 3 ? rect.inset(dx: 1, dy: 0) : rect
        frame.centered(shown, in: inside.intersection(area), y: rect.y + rect.height / 2, style: style)
    }
}

extension Frame {
    /// Draws a keyboard key and registers its touch target (none when `message` is nil).
    mutating func key(_ label: String, id: String, message: Message?, in rect: Rect, style: Style, theme: Theme) {
        let pressed = message != nil && isPressed(id)
        let face: KeyFace = if message == nil {
            KeyFace(label: label, style: theme.disabled, rim: .dashed)
        } else if pressed {
            KeyFace(label: label, style: theme.buttonPressed, rim: .heavy)
        } else {
            KeyFace(label: label, style: style, rim: .rounded)
        }
        face.draw(into: &self, in: rect)
        if let message { addHitRegion(rect, id: id, message: message) }
    }
}
