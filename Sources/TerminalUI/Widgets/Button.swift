/// A button for a finger: a filled block at least 3 rows high and wide enough for its label, like
/// a key on a phone, not a frame of characters.
///
/// Pressed (finger down on it): the pressed colour and the label set between `▸ ◂` (a shape cue,
/// so colour is not the only one). Disabled: a quiet grey with a dashed edge, and no touch target.
/// The label is centred on the middle row.
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

    /// The narrowest rectangle that shows the whole label with room for the pressed markers.
    public var preferredWidth: Int { DisplayWidth.of(label) + 6 }

    public func draw(into frame: inout Frame<Message>, in rect: Rect) {
        let area = Rect(x: rect.x, y: rect.y, width: rect.width, height: max(rect.height, Self.minimumHeight))
        let pressed = isEnabled && frame.isPressed(id)
        let style: Style
        if !isEnabled {
            style = theme.disabled
        } else if pressed {
            style = theme.buttonPressed
        } else {
            style = switch kind {
            case .normal: theme.button
            case .primary: theme.primaryButton
            case .danger: theme.dangerButton
            }
        }
        frame.box(area, style: style, border: isEnabled ? .none : .dotted)
        let room = max(0, area.width - 2)
        let shown = pressed ? "▸ " + TextLayout.truncate(label, width: max(0, room - 4)) + " ◂" : TextLayout.truncate(label, width: room)
        frame.centered(shown, in: area.inset(dx: 1, dy: 0), y: area.y + area.height / 2, style: style)
        if isEnabled { frame.addHitRegion(area, id: id, message: message) }
    }
}
