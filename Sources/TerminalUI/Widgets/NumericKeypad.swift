/// A key of the numeric keypad.
public enum KeypadKey: Hashable, Sendable {
    case digit(Int)
    /// The check character X of a Chinese ID number (GB 11643).
    case x
    case delete
    case clear
}

/// A 3×4 keypad for digits, sized for fingers: 1–9, then X (or 清空 when X is not allowed), 0
/// and 删除. Each key is a ``Button``; the id is `"<id>.<key>"`.
public struct NumericKeypad<Message> {
    public var id: String
    public var allowsX: Bool
    public var message: (KeypadKey) -> Message
    public var theme: Theme

    public init(id: String, allowsX: Bool = true, theme: Theme = .standard, message: @escaping (KeypadKey) -> Message) {
        self.id = id
        self.allowsX = allowsX
        self.message = message
        self.theme = theme
    }

    /// Keys row by row, as drawn.
    public var layout: [[KeypadKey]] {
        [[.digit(1), .digit(2), .digit(3)],
         [.digit(4), .digit(5), .digit(6)],
         [.digit(7), .digit(8), .digit(9)],
         [allowsX ? .x : .clear, .digit(0), .delete]]
    }

    public static func label(_ key: KeypadKey) -> String {
        switch key {
        case .digit(let d): return String(d)
        case .x: return "X"
        case .delete: return "删除"
        case .clear: return "清空"
        }
    }

    /// Needs at least 3 × 4 keys of 5×3 cells and a one-column gap between keys.
    public static var minimumSize: Size { Size(columns: 18, rows: 12) }

    public func draw(into frame: inout Frame<Message>, in rect: Rect) {
        let keyWidth = max(6, rect.width / 3)
        let keyHeight = max(Button<Message>.minimumHeight, rect.height / 4)
        for (row, keys) in layout.enumerated() {
            for (column, key) in keys.enumerated() {
                let area = Rect(x: rect.x + column * keyWidth, y: rect.y + row * keyHeight, width: keyWidth - 1, height: keyHeight)
                let button = Button(Self.label(key), id: "\(id).\(Self.label(key))", message: message(key),
                                    kind: key == .delete ? .danger : .normal, theme: theme)
                button.draw(into: &frame, in: area)
                // Rows of keys touch (a gap row costs a key row on a 26-row screen): a one-eighth
                // line of the screen's colour along each key's foot keeps them apart.
                if row < layout.count - 1, !frame.isPressed("\(id).\(Self.label(key))") {
                    let face = key == .delete ? theme.dangerButton : theme.button
                    frame.text(String(repeating: "▁", count: area.width), at: Point(x: area.x, y: area.maxY - 1),
                               style: Style(foreground: theme.screen.background, background: face.background), clip: area)
                }
            }
        }
    }
}
