/// A button for a finger: at least 3 rows (border, label, border) and wide enough for its label.
///
/// Pressed (finger down on it): heavy `#==#` border and the pressed colours. Disabled: dotted
/// border, dim, and no touch target. The label is centred on the middle row.
public struct Button<Message> {
    public enum Kind: Sendable { case normal, primary, danger }

    public static var minimumHeight: Int { 3 }

    public var label: String
    public var id: String
    public var message: Message
    public var kind: Kind
    public var isEnabled: Bool
    public var theme: Theme

    public init(_ label: String, id: String, message: Message, kind: Kind = .normal, isEnabled: Bool = true, theme: Theme = .standard) {
        self.label = label
        self.id = id
        self.message = message
        self.kind = kind
        self.isEnabled = isEnabled
        self.theme = theme
    }

    /// The narrowest rectangle that shows the whole label with one blank each side.
    public var preferredWidth: Int { DisplayWidth.of(label) + 4 }

    public func draw(into frame: inout Frame<Message>, in rect: Rect) {
        let area = Rect(x: rect.x, y: rect.y, width: rect.width, height: max(rect.height, Self.minimumHeight))
        let pressed = isEnabled && frame.isPressed(id)
        let style: Style
        let border: BorderKind
        if !isEnabled {
            style = theme.disabled; border = .dotted
        } else if pressed {
            style = theme.buttonPressed; border = .heavy
        } else {
            style = switch kind {
            case .normal: theme.button
            case .primary: theme.primaryButton
            case .danger: theme.dangerButton
            }
            border = .plain
        }
        frame.box(area, style: style, border: border)
        let shown = TextLayout.truncate(label, width: max(0, area.width - 2))
        frame.centered(shown, in: area.inset(dx: 1, dy: 0), y: area.y + area.height / 2, style: style)
        if isEnabled { frame.addHitRegion(area, id: id, message: message) }
    }
}
