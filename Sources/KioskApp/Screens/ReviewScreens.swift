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
        var y = left.y + 1
        for item in plan.items where y < left.maxY - 1 {
            let due = item.due.chinese(names: names)
            let nameWidth = min(26, left.width / 2)
            frame.text("✔ " + TextLayout.truncate(item.name, width: nameWidth - 3, marker: "…"), at: Point(x: left.x + 2, y: y),
                       style: theme.panel.with(.bold), clip: left.inset(dx: 1, dy: 0))
            frame.text("\(item.departmentName) · \(due)", at: Point(x: left.x + 3 + nameWidth, y: y), style: theme.panel, clip: left.inset(dx: 1, dy: 0))
            y += 1
        }
        if body.width >= 100 {
            let right = Rect(x: body.x + leftWidth + 2, y: body.y, width: body.width - leftWidth - 2, height: body.height - 4)
            frame.panel(right, title: "填写信息", theme: theme)
            var ry = right.y + 1
            for field in plan.fields where ry < right.maxY - 1 {
                let shown = value(field.code).map { ScreenMasking.show($0, field: field, kind: chrome.context.fields.entry(for: field.code).kind) } ?? "—"
                frame.text("\(field.label)：\(shown)", at: Point(x: right.x + 2, y: ry), style: theme.panel, clip: right.inset(dx: 1, dy: 0))
                ry += 1
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
