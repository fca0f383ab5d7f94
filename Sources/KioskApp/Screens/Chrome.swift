import Foundation
import KioskDomain
import KioskTime
import TerminalUI

/// The frame every screen shares: a title bar (service, region, time), the step line, the
/// screen's title, its body, and a footer of large buttons. Works from 80×24 to 160×50: the body
/// gets what is left, and every touch target stays at least 3 rows high.
struct Chrome {
    let context: KioskContext
    let state: JourneyState
    var theme: Theme { .standard }
    var strings: Strings { context.strings }

    /// The steps as the veteran sees them, and which one a screen belongs to.
    static let stepKeys = ["step.identify", "step.choose", "step.form", "step.materials", "step.review", "step.done"]

    static func step(of screen: JourneyState.Screen) -> Int? {
        switch screen {
        case .home, .progress, .technician: nil
        case .identify, .manualID: 0
        case .category, .items, .questions: 1
        case .form, .photo: 2
        case .materials: 3
        case .review: 4
        case .outcome, .takeCard: 5
        }
    }

    /// Draws the bars; returns the body rectangle between the title and the footer.
    func draw(into frame: inout Frame<KioskEvent>, title: String, footerRows: Int = 3) -> Rect {
        let size = frame.size
        frame.fill(frame.bounds, style: theme.screen)
        let clock = Self.timeText(state.now)
        StatusBar(left: "  " + strings("app.title") + " · " + context.profile.name + "  " + strings("app.subtitle"),
                  right: clock + "  ", theme: theme).draw(into: &frame, in: Rect(x: 0, y: 0, width: size.columns, height: 1))
        var y = 1
        if let current = Self.step(of: state.screen) {
            drawSteps(into: &frame, current: current, y: 2)
            y = 3
        }
        frame.text(title, at: Point(x: 3, y: y + 1), style: theme.title, clip: frame.bounds)
        let top = y + 3
        let bottom = size.rows - footerRows - 2
        return Rect(x: 3, y: top, width: max(0, size.columns - 6), height: max(0, bottom - top))
    }

    /// `● 身份核验 ━━ ● 选择事项 ━━ ○ 填写信息 …`: done and current filled, the current bold.
    func drawSteps(into frame: inout Frame<KioskEvent>, current: Int, y: Int) {
        var x = 3
        let compact = frame.size.columns < 110
        for (index, key) in Self.stepKeys.enumerated() {
            // The kiosk's CJK font draws ● and ○ a full cell wide over the following space
            // (✔ stays narrow): they get a second space so the label does not touch them.
            let marker = index < current ? "✔" : (index == current ? "● " : "○ ")
            let style = index == current ? theme.title : (index < current ? theme.screen : theme.muted)
            let label = compact && index != current ? "" : " " + strings(key)
            x = frame.text("\(marker)\(label)", at: Point(x: x, y: y), style: style, clip: frame.bounds)
            if index < Self.stepKeys.count - 1 {
                x = frame.text(compact ? " ─ " : " ━━ ", at: Point(x: x, y: y), style: theme.muted, clip: frame.bounds)
            }
        }
    }

    /// The footer: back on the left, the main action on the right, each a large button; a line
    /// under them for the screen's message. One free row above it, so a list's 下一页 never sits
    /// on top of 下一步 as one block.
    func footer(into frame: inout Frame<KioskEvent>, back: KioskEvent? = .back, backLabel: String? = nil,
                next: (String, KioskEvent)? = nil, nextEnabled: Bool = true, message: String? = nil) {
        let size = frame.size
        let y = size.rows - 4
        let width = max(12, min(28, size.columns / 4))
        if let back {
            Button(backLabel ?? strings("nav.back"), id: "nav.back", message: back, theme: theme)
                .draw(into: &frame, in: Rect(x: 3, y: y, width: width, height: 3))
        }
        if let next {
            // The forward button grows to show its whole label (review's 我已阅读并同意，提交申请 at
            // 80 columns), up to the gap beside the back button: a veteran reads what he agrees to.
            let room = size.columns - 3 - (back == nil ? 3 : 3 + width + 2)
            let nextWidth = min(max(width, DisplayWidth.of(next.0) + 4), max(width, room))
            Button(next.0, id: "nav.next", message: next.1, kind: .primary, isEnabled: nextEnabled, theme: theme)
                .draw(into: &frame, in: Rect(x: size.columns - 3 - nextWidth, y: y, width: nextWidth, height: 3))
        }
        if let message, !message.isEmpty {
            let line = Rect(x: 0, y: size.rows - 1, width: size.columns, height: 1)
            frame.fill(line, style: theme.error)
            frame.text("  ⚠ " + TextLayout.truncate(message, width: size.columns - 6), at: Point(x: 0, y: line.y), style: theme.error, clip: line)
        }
    }

    static func timeText(_ date: Date) -> String {
        let c = ChinaTime.calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let weekdays = ["日", "一", "二", "三", "四", "五", "六"]
        return String(format: "%04d年%d月%d日 星期%@ %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                      weekdays[((c.weekday ?? 1) - 1) % 7], c.hour ?? 0, c.minute ?? 0)
    }
}

extension Frame where Message == KioskEvent {
    /// Wrapped text in `rect`; returns the next free row.
    @discardableResult
    mutating func paragraph(_ text: String, in rect: Rect, y: Int, style: Style) -> Int {
        var row = y
        for line in TextLayout.wrap(text, width: rect.width) where row < rect.maxY {
            self.text(line, at: Point(x: rect.x, y: row), style: style, clip: rect)
            row += 1
        }
        return row
    }
}

/// Paging for lists taller than the screen: how many entries fit, which page shows.
struct Paging {
    let count: Int
    let perPage: Int
    let page: Int

    init(count: Int, rows: Int, rowHeight: Int, columns: Int, page: Int) {
        self.count = count
        perPage = max(1, (rows / rowHeight) * columns)
        self.page = min(max(0, page), max(0, (count - 1) / max(1, (rows / rowHeight) * columns)))
    }

    var range: Range<Int> { min(count, page * perPage)..<min(count, (page + 1) * perPage) }
    var pages: Int { max(1, (count + perPage - 1) / perPage) }

    /// "上一页 / 第 n/m 页 / 下一页" under a list, when there is more than one page.
    func drawControls(into frame: inout Frame<KioskEvent>, y: Int, x: Int, width: Int, theme: Theme) {
        guard pages > 1 else { return }
        let w = 12
        Button("上一页", id: "page.prev", message: .pickerPage(page - 1), isEnabled: page > 0, theme: theme)
            .draw(into: &frame, in: Rect(x: x, y: y, width: w, height: 3))
        frame.centered("第 \(page + 1)/\(pages) 页", in: Rect(x: x + w, y: y, width: max(0, width - 2 * w), height: 3), y: y + 1, style: theme.muted)
        Button("下一页", id: "page.next", message: .pickerPage(page + 1), isEnabled: page + 1 < pages, theme: theme)
            .draw(into: &frame, in: Rect(x: x + width - w, y: y, width: w, height: 3))
    }
}
