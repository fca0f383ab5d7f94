/// The engine's candidates as a row of large keys, cut into pages by the width available: each
/// candidate gets a key at least 8 columns wide (its text plus a margin), the engine's order is
/// kept, and 上页/下页 keys at the ends lead to the neighbouring pages. A candidate too long for
/// the bar is shortened with "…" but stays selectable.
///
/// Everything is drawn inside the rectangle given, whatever its width (a property test checks
/// this for every width from 0 to 200).
public struct CandidateBar<Message> {
    public var id: String
    public var candidates: [String]
    /// Requested page; shown clamped to the pages there are.
    public var page: Int
    public var theme: Theme
    public var message: (PinyinKey) -> Message

    /// A touch target's minimum width (适老化: at least 8 columns by 3 rows).
    public static var minimumKeyWidth: Int { 8 }
    /// Width of the 上页 and 下页 keys.
    static var pagerWidth: Int { 8 }

    public init(id: String, candidates: [String], page: Int, theme: Theme = .standard, message: @escaping (PinyinKey) -> Message) {
        self.id = id
        self.candidates = candidates
        self.page = page
        self.theme = theme
        self.message = message
    }

    /// The width of a candidate's key: its text and two columns each side, at least 8.
    public static func keyWidth(_ candidate: String) -> Int {
        max(minimumKeyWidth, DisplayWidth.of(candidate) + 4)
    }

    /// Columns left for candidates once the pager keys are placed (none below 3 keys' width).
    static func candidateRoom(_ width: Int) -> Int {
        width >= 2 * pagerWidth + minimumKeyWidth ? width - 2 * pagerWidth : width
    }

    /// The candidates on each page, as index ranges, for a bar `width` columns wide. Every page
    /// holds at least one candidate, so a long one still gets a (shortened) key.
    public static func pages(_ candidates: [String], width: Int) -> [Range<Int>] {
        let room = candidateRoom(width)
        guard room > 0, !candidates.isEmpty else { return [] }
        var pages: [Range<Int>] = []
        var start = 0, used = 0
        for (index, candidate) in candidates.enumerated() {
            let w = keyWidth(candidate)
            if index > start, used + w > room {
                pages.append(start..<index)
                start = index
                used = 0
            }
            used += w
        }
        pages.append(start..<candidates.count)
        return pages
    }

    public func draw(into frame: inout Frame<Message>, in rect: Rect) {
        let pages = Self.pages(candidates, width: rect.width)
        guard !pages.isEmpty, rect.height > 0 else { return }
        let shown = min(max(0, page), pages.count - 1)
        let hasPagers = Self.candidateRoom(rect.width) < rect.width
        var x = rect.x
        if hasPagers {
            let left = Rect(x: rect.x, y: rect.y, width: Self.pagerWidth, height: rect.height)
            frame.key("上页", id: "\(id).previous", message: shown > 0 ? message(.page(shown - 1)) : nil,
                      in: left, style: theme.button, theme: theme)
            let right = Rect(x: rect.maxX - Self.pagerWidth, y: rect.y, width: Self.pagerWidth, height: rect.height)
            frame.key("下页", id: "\(id).next", message: shown + 1 < pages.count ? message(.page(shown + 1)) : nil,
                      in: right, style: theme.button, theme: theme)
            x += Self.pagerWidth
        }
        let room = Self.candidateRoom(rect.width)
        let range = pages[shown]
        // Spread the spare columns over the keys so the page fills the bar evenly.
        let natural = range.reduce(0) { $0 + Self.keyWidth(candidates[$1]) }
        let spare = max(0, room - natural)
        var used = 0
        for (position, index) in range.enumerated() {
            let share = spare / range.count + (position < spare % range.count ? 1 : 0)
            let width = min(room - used, Self.keyWidth(candidates[index]) + share)
            used += width
            let area = Rect(x: x, y: rect.y, width: width, height: rect.height)
            // The first candidate is what 空格 chooses: highlighted, as on a phone.
            frame.key(candidates[index], id: "\(id).candidate.\(index)", message: message(.candidate(index)),
                      in: area, style: index == 0 ? theme.highlight : theme.field, theme: theme)
            x += width
        }
    }
}
