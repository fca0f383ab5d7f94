import KioskDomain
import TerminalUI

/// 一套材料: each paper once, original or copy, how many, for which items; papers the platform
/// gets by data sharing marked as not needed.
struct MaterialsScreen {
    let chrome: Chrome
    let plan: Plan?

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let body = chrome.draw(into: &frame, title: s("materials.title"))
        let lines = plan?.materials ?? []
        let names = Dictionary((plan?.items ?? []).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let paging = Paging(count: lines.count, rows: body.height - 3, rowHeight: 2, columns: 1, page: chrome.state.session?.pickerPage ?? 0)
        var y = body.y
        for index in paging.range {
            let line = lines[index]
            let count = "\(line.count)\(line.unit)"
            frame.text("▪ " + line.name, at: Point(x: body.x, y: y), style: theme.screen.with(.bold), clip: body)
            let form = line.form.isPaper ? line.form.chinese : s("materials.shared")
            let used = line.forEveryItem ? "全部事项" : line.neededBy.map { names[$0] ?? $0 }.joined(separator: "、")
            frame.text("  \(form) · \(count) · 用于：\(used)", at: Point(x: body.x + 2, y: y + 1), style: line.form.isPaper ? theme.screen : theme.muted, clip: body)
            y += 2
        }
        paging.drawControls(into: &frame, y: body.maxY - 3, x: body.x, width: body.width, theme: theme)
        chrome.footer(into: &frame, next: (s("nav.next"), .next))
    }
}

/// 核对: the items with their departments and due dates, the form as entered (personal values
/// masked), and the commitment (本人承诺) to accept.
struct ReviewScreen {
    let chrome: Chrome
    let plan: Plan?
    let value: (String) -> String?

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let body = chrome.draw(into: &frame, title: s("review.title"))
        guard let plan else { chrome.footer(into: &frame); return }
        let names = plan.itemNamesForScreen
        let leftWidth = body.width >= 100 ? body.width / 2 - 1 : body.width
        let left = Rect(x: body.x, y: body.y, width: leftWidth, height: body.height - 4)
        frame.panel(left, title: "办理事项（\(plan.items.count) 项）· 办结时限 \(plan.overallLimit.chinese)", theme: theme)
        // One row an item: its name, and its due date set flush right (a date is never cut);
        // the department is on the receipt. What does not fit is counted, not dropped silently.
        // A date the kiosk cannot compute (its calendar lacks the year) reads 以部门通知为准 in
        // the column, and the reason is said once, on the panel's last row.
        let inner = left.inset(dx: 2, dy: 1)
        let missingYears = Set(plan.items.compactMap(\.due.missingCalendarYear)).sorted()
        let rows = max(0, inner.height - (missingYears.isEmpty ? 0 : 1))
        let shown = plan.items.count <= rows ? plan.items.count : max(0, rows - 1)
        for (offset, item) in plan.items.prefix(shown).enumerated() {
            let y = inner.y + offset
            let due = item.due.missingCalendarYear == nil ? item.due.chinese(names: names) : "以部门通知为准"
            let dueWidth = min(DisplayWidth.of(due), inner.width / 2)
            frame.text(TextLayout.truncate(due, width: dueWidth, marker: "…"), at: Point(x: inner.maxX - dueWidth, y: y), style: theme.panel, clip: inner)
            frame.text("✔ " + TextLayout.truncate(item.name, width: inner.width - dueWidth - 4, marker: "…"), at: Point(x: inner.x, y: y),
                       style: theme.panel.with(.bold), clip: inner)
        }
        if shown < plan.items.count {
            frame.text("（另有 \(plan.items.count - shown) 项，均列在回执上）", at: Point(x: inner.x, y: inner.y + shown), style: theme.panel, clip: inner)
        }
        if !missingYears.isEmpty, inner.height > 0 {
            let years = missingYears.map(String.init).joined(separator: "、")
            frame.text(TextLayout.truncate("※ 本机未载入\(years)年节假日安排，办结日期以部门通知为准", width: inner.width, marker: "…"),
                       at: Point(x: inner.x, y: inner.maxY - 1), style: theme.panel, clip: inner)
        }
        if body.width >= 100 {
            let right = Rect(x: body.x + leftWidth + 2, y: body.y, width: body.width - leftWidth - 2, height: body.height - 4)
            frame.panel(right, title: "填写信息", theme: theme)
            let fieldsArea = right.inset(dx: 2, dy: 1)
            let fits = plan.fields.count <= fieldsArea.height ? plan.fields.count : max(0, fieldsArea.height - 1)
            for (offset, field) in plan.fields.prefix(fits).enumerated() {
                let shown = value(field.code).map { ScreenMasking.show($0, field: field, kind: chrome.context.fields.entry(for: field.code).kind) } ?? "—"
                frame.text(TextLayout.truncate("\(field.label)：\(shown)", width: fieldsArea.width, marker: "…"),
                           at: Point(x: fieldsArea.x, y: fieldsArea.y + offset), style: theme.panel, clip: fieldsArea)
            }
            if fits < plan.fields.count {
                frame.text("（另有 \(plan.fields.count - fits) 项，可返回逐页核对）", at: Point(x: fieldsArea.x, y: fieldsArea.y + fits), style: theme.panel, clip: fieldsArea)
            }
        }
        frame.paragraph(s("review.commit"), in: Rect(x: body.x, y: body.maxY - 3, width: body.width, height: 3), y: body.maxY - 3, style: theme.screen.with(.bold))
        chrome.footer(into: &frame, next: (s("review.accept"), .accept), message: chrome.state.session?.message)
    }
}

extension Plan {
    /// Item names by code, for due dates worded after another item.
    var itemNamesForScreen: [String: String] {
        Dictionary((items.map { ($0.code, $0.name) } + displayOnly.map { ($0.code, $0.name) }), uniquingKeysWith: { a, _ in a })
    }
}
