/// A modal dialog: a bordered panel centred on the screen with a title, wrapped message lines
/// and a row of buttons. Drawing it removes every touch target beneath it, so only its buttons
/// respond while it is open.
public struct Dialog<Message> {
    public var title: String
    public var message: String
    public var buttons: [Button<Message>]
    public var theme: Theme

    public init(title: String, message: String, buttons: [Button<Message>], theme: Theme = .standard) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.theme = theme
    }

    public func draw(into frame: inout Frame<Message>, in screen: Rect) {
        let width = min(screen.width, max(40, min(70, DisplayWidth.of(message) + 6)))
        let lines = TextLayout.wrap(message, width: width - 6)
        let height = min(screen.height, 4 + lines.count + 1 + Button<Message>.minimumHeight + 1)
        let panel = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width: width, height: height)
        frame.removeHitRegions()
        frame.box(panel, style: theme.dialog, border: .heavy)
        frame.centered("【\(title)】", in: panel, y: panel.y + 1, style: theme.dialog.with(.bold))
        for (index, line) in lines.enumerated() {
            frame.text(line, at: Point(x: panel.x + 3, y: panel.y + 3 + index), style: theme.dialog, clip: panel.inset(dx: 1, dy: 1))
        }
        guard !buttons.isEmpty else { return }
        let row = Rect(x: panel.x + 2, y: panel.maxY - 1 - Button<Message>.minimumHeight, width: panel.width - 4, height: Button<Message>.minimumHeight)
        let slot = row.width / buttons.count
        for (index, button) in buttons.enumerated() {
            let width = min(slot - 2, max(button.preferredWidth, 12))
            button.draw(into: &frame, in: Rect(x: row.x + index * slot + (slot - width) / 2, y: row.y, width: width, height: row.height))
        }
    }
}
