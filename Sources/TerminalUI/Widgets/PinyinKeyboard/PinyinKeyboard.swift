/// An on-screen pinyin keyboard for a touchscreen: a syllable line (what was typed, segmented by
/// the engine), the candidate bar, and five rows of keys — digits, three rows of letters with
/// 删除 and the punctuation an address needs, and 中/英 · 空格 · 确认. Every key is at least
/// 8 columns by 3 rows; bigger screens get bigger keys (up to 5 rows tall).
///
/// The widget only draws and registers targets; taps come back as ``PinyinKey`` messages that
/// the app applies with ``PinyinKeyboardState/press(_:engine:field:)``. Without an engine the
/// syllable line says so and the letters type themselves.
public struct PinyinKeyboard<Message> {
    public var id: String
    public var state: PinyinKeyboardState
    /// Why there is no engine, or nil when there is one.
    public var unavailable: PinyinEngineUnavailable?
    public var theme: Theme
    public var message: (PinyinKey) -> Message

    public init(id: String = "keyboard", state: PinyinKeyboardState, unavailable: PinyinEngineUnavailable? = nil,
                theme: Theme = .standard, message: @escaping (PinyinKey) -> Message) {
        self.id = id
        self.state = state
        self.unavailable = unavailable
        self.theme = theme
        self.message = message
    }

    /// Punctuation on the keyboard: what addresses and names need beyond the engine's phrases
    /// (号 栋 单元 室 come from the engine).
    public static var punctuation: [String] { ["－", "#", "，"] }
    /// Keys per row; every row is ten units wide.
    static var columns: Int { 10 }
    /// The smallest size that keeps every target 8 columns by 3 rows: 80 × 19.
    public static var minimumSize: Size { Size(columns: columns * CandidateBar<Message>.minimumKeyWidth, rows: 1 + 6 * 3) }

    /// Height of the candidate bar and of each key row for a keyboard `height` rows tall.
    public static func rowHeight(for height: Int) -> Int { max(3, min(5, (height - 1) / 6)) }

    /// The rows of keys as drawn: (key, label, width in units).
    func rows() -> [[(PinyinKey, String, Int)]] {
        let english = state.mode == .english
        func letters(_ row: String) -> [(PinyinKey, String, Int)] {
            row.map { c in
                let shown = english ? Character(c.uppercased()) : c
                return (PinyinKey.letter(shown), String(shown), 1)
            }
        }
        let digits = (1...10).map { n in (PinyinKey.digit(n % 10), String(n % 10), 1) }
        let marks = Self.punctuation.map { (PinyinKey.punctuation($0), $0, 1) }
        return [
            digits,
            letters("qwertyuiop"),
            letters("asdfghjkl") + [(.delete, "删除", 1)],
            letters("zxcvbnm") + marks,
            [(.toggleMode, english ? "英→中" : "中→英", 2), (.space, "空格", 5), (.confirm, "确认", 3)],
        ]
    }

    public func draw(into frame: inout Frame<Message>, in rect: Rect) {
        let rowHeight = Self.rowHeight(for: rect.height)
        let unit = max(1, rect.width / Self.columns)
        let left = rect.x + (rect.width - unit * Self.columns) / 2
        drawSyllableLine(into: &frame, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))
        let bar = Rect(x: left, y: rect.y + 1, width: unit * Self.columns, height: rowHeight).intersection(rect)
        if state.composition.isComposing {
            CandidateBar(id: "\(id).bar", candidates: state.composition.candidates, page: state.page, theme: theme, message: message)
                .draw(into: &frame, in: bar)
        }
        for (index, row) in rows().enumerated() {
            var x = left
            let y = rect.y + 1 + rowHeight * (index + 1)
            for (key, label, units) in row {
                let area = Rect(x: x, y: y, width: unit * units, height: rowHeight).intersection(rect)
                frame.key(label, id: "\(id).\(label)", message: message(key), in: area, style: style(for: key), theme: theme)
                x += unit * units
            }
        }
    }

    private func style(for key: PinyinKey) -> Style {
        switch key {
        case .confirm: theme.primaryButton
        case .delete: theme.dangerButton
        case .toggleMode, .space: theme.statusBar
        default: theme.button
        }
    }

    private func drawSyllableLine(into frame: inout Frame<Message>, in row: Rect) {
        frame.fill(row, style: theme.screen)
        let text: String
        let style: Style
        if let unavailable, state.mode == .chinese {
            text = "拼音输入法不可用：\(unavailable.message)。字母、数字照常输入。"
            style = theme.error
        } else if state.mode == .english {
            text = "英文输入　点按「英→中」切换回拼音"
            style = theme.title
        } else if state.composition.isComposing {
            text = "拼音：" + state.composition.syllables
            style = theme.highlight
        } else {
            text = "拼音：请点按字母输入拼音，再点按上方的字词"
            style = theme.title
        }
        frame.text(TextLayout.truncate(text, width: row.width), at: Point(x: row.x, y: row.y), style: style, clip: row)
    }
}
