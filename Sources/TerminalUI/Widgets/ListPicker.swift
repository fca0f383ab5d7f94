/// A paged list for choosing one of many items (hundreds of counties): a grid of finger-sized
/// entries, 上一页/下一页 buttons and 「第 2/15 页」. Paging instead of scrolling, because a swipe is
/// unreliable on a terminal touchscreen and older users understand pages.
///
/// The selected entry is shown with a heavy border and a 「已选」 cue. Entry ids are
/// `"<id>.item.<index>"`; the paging buttons are `"<id>.prev"` / `"<id>.next"`.
public struct ListPicker<Message> {
    public var id: String
    public var items: [String]
    public var page: Int
    public var selected: Int?
    public var columns: Int
    public var select: (Int) -> Message
    public var turnPage: (Int) -> Message
    public var theme: Theme

    /// Height of one entry: a 3-row button.
    public static var entryHeight: Int { 3 }

    public init(id: String, items: [String], page: Int, selected: Int? = nil, columns: Int = 2, theme: Theme = .standard,
                select: @escaping (Int) -> Message, turnPage: @escaping (Int) -> Message) {
        self.id = id
        self.items = items
        self.page = page
        self.selected = selected
        self.columns = max(1, columns)
        self.select = select
        self.turnPage = turnPage
        self.theme = theme
    }

    /// How many entries one page holds in a rectangle of `height` rows.
    public func pageSize(height: Int) -> Int {
        max(1, (height - Button<Message>.minimumHeight) / Self.entryHeight) * columns
    }

    public func pageCount(height: Int) -> Int {
        max(1, (items.count + pageSize(height: height) - 1) / pageSize(height: height))
    }

    public func draw(into frame: inout Frame<Message>, in rect: Rect) {
        let perPage = pageSize(height: rect.height)
        let pages = pageCount(height: rect.height)
        let current = min(max(0, page), pages - 1)
        let entryWidth = rect.width / columns
        let first = current * perPage
        for slot in 0..<perPage {
            let index = first + slot
            guard index < items.count else { break }
            let area = Rect(x: rect.x + (slot % columns) * entryWidth, y: rect.y + (slot / columns) * Self.entryHeight,
                            width: entryWidth - 1, height: Self.entryHeight)
            let isSelected = index == selected
            let entryID = "\(id).item.\(index)"
            let pressed = frame.isPressed(entryID)
            let style = pressed ? theme.buttonPressed : (isSelected ? theme.highlight : theme.button)
            frame.box(area, style: style, border: isSelected || pressed ? .heavy : .plain)
            let label = isSelected ? "【已选】" + items[index] : items[index]
            frame.text(TextLayout.truncate(label, width: area.width - 4), at: Point(x: area.x + 2, y: area.y + 1), style: style)
            frame.addHitRegion(area, id: entryID, message: select(index))
        }
        let bar = Rect(x: rect.x, y: rect.maxY - Button<Message>.minimumHeight, width: rect.width, height: Button<Message>.minimumHeight)
        let buttonWidth = min(16, bar.width / 3)
        Button("上一页", id: "\(id).prev", message: turnPage(current - 1), isEnabled: current > 0, theme: theme)
            .draw(into: &frame, in: Rect(x: bar.x, y: bar.y, width: buttonWidth, height: bar.height))
        Button("下一页", id: "\(id).next", message: turnPage(current + 1), isEnabled: current + 1 < pages, theme: theme)
            .draw(into: &frame, in: Rect(x: bar.maxX - buttonWidth, y: bar.y, width: buttonWidth, height: bar.height))
        let middle = Rect(x: bar.x + buttonWidth + 1, y: bar.y, width: bar.width - 2 * buttonWidth - 2, height: bar.height)
        let long = "第 \(current + 1)/\(pages) 页（共 \(items.count) 项）"
        let caption = DisplayWidth.of(long) <= middle.width ? long : "\(current + 1)/\(pages)页"
        frame.centered(caption, in: middle, y: bar.y + 1, style: theme.screen)
    }
}
