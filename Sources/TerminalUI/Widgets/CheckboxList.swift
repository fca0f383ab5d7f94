/// One entry of a ``CheckboxList``.
public struct CheckboxItem: Hashable, Sendable {
    public var label: String
    public var isChecked: Bool
    /// A locked item cannot be changed (a material every applicant must bring).
    public var isLocked: Bool

    public init(_ label: String, isChecked: Bool = false, isLocked: Bool = false) {
        self.label = label
        self.isChecked = isChecked
        self.isLocked = isLocked
    }
}

/// A list of checkboxes, one 3-row touch target each: `[x] 标签` checked, `[ ] 标签` not, and
/// locked items marked `（必选）` with no touch target. Ids are `"<id>.<index>"`.
public struct CheckboxList<Message> {
    public var id: String
    public var items: [CheckboxItem]
    public var toggle: (Int) -> Message
    public var theme: Theme

    public static var rowHeight: Int { 3 }

    public init(id: String, items: [CheckboxItem], theme: Theme = .standard, toggle: @escaping (Int) -> Message) {
        self.id = id
        self.items = items
        self.toggle = toggle
        self.theme = theme
    }

    public func draw(into frame: inout Frame<Message>, in rect: Rect) {
        for (index, item) in items.enumerated() {
            let y = rect.y + index * Self.rowHeight
            guard y + Self.rowHeight <= rect.maxY else { break }
            let area = Rect(x: rect.x, y: y, width: rect.width, height: Self.rowHeight)
            let itemID = "\(id).\(index)"
            let pressed = frame.isPressed(itemID)
            let style = item.isLocked ? theme.disabled.with(.bold) : (pressed ? theme.buttonPressed : theme.screen)
            frame.fill(area, style: style)
            let mark = item.isChecked ? "[x]" : "[ ]"
            let suffix = item.isLocked ? "（必选）" : ""
            let text = TextLayout.truncate("\(mark) \(item.label)\(suffix)", width: area.width - 2)
            frame.text(text, at: Point(x: area.x + 1, y: area.y + 1), style: item.isChecked ? style.with(.bold) : style)
            if !item.isLocked { frame.addHitRegion(area, id: itemID, message: toggle(index)) }
        }
    }
}
