import KioskDomain
import TerminalUI

/// 退役类型, where the region has several (Sichuan): one large button each.
struct CategoryScreen {
    let chrome: Chrome

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings
        let body = chrome.draw(into: &frame, title: s("category.title"))
        let categories = chrome.context.profile.categories
        let columns = body.width >= 90 ? 2 : 1
        let width = (body.width - (columns - 1) * 2) / columns
        for (index, category) in categories.enumerated() {
            let rect = Rect(x: body.x + (index % columns) * (width + 2), y: body.y + (index / columns) * 4, width: width, height: 3)
            guard rect.maxY <= body.maxY else { break }
            let chosen = chrome.state.session?.category == category.code
            Button((chosen ? "✔ " : "") + category.name, id: "category.\(category.code)", message: .chooseCategory(category.code), theme: chrome.theme)
                .draw(into: &frame, in: rect)
        }
        chrome.footer(into: &frame)
    }
}

/// The items (事项): each a large toggle with its department and time limit; mandatory ones
/// locked with 必办, display-only ones shown quiet with why nothing needs doing.
struct ItemsScreen {
    let chrome: Chrome

    struct Row {
        var code: String
        var title: String
        var detail: String
        var selected: Bool
        var locked: Bool
        var displayOnly: Bool
    }

    var rows: [Row] {
        let profile = chrome.context.profile
        let session = chrome.state.session
        let allowed = profile.categories.first { $0.code == session?.category }?.items
        let departments = Dictionary(profile.departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        return profile.items.filter { allowed?.contains($0.code) ?? true }.map { item in
            Row(code: item.code, title: item.name,
                detail: item.isDisplayOnly ? (item.note ?? chrome.strings("items.displayOnly"))
                    : chrome.strings("items.department", departments[item.department] ?? item.department, item.limit.chinese),
                selected: session?.items.contains(item.code) ?? false, locked: item.mandatory, displayOnly: item.isDisplayOnly)
        }
    }

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let body = chrome.draw(into: &frame, title: s("items.title"))
        let rows = rows
        let columns = body.width >= 100 ? 2 : 1
        let paging = Paging(count: rows.count, rows: body.height - 3, rowHeight: 4, columns: columns, page: chrome.state.session?.pickerPage ?? 0)
        let width = (body.width - (columns - 1) * 2) / columns
        for (slot, index) in paging.range.enumerated() {
            let row = rows[index]
            let rect = Rect(x: body.x + (slot % columns) * (width + 2), y: body.y + (slot / columns) * 4, width: width, height: 3)
            drawRow(row, into: &frame, in: rect)
        }
        paging.drawControls(into: &frame, y: body.maxY - 3, x: body.x, width: body.width, theme: theme)
        chrome.footer(into: &frame, next: (s("nav.next"), .next), message: chrome.state.session?.message)
    }

    private func drawRow(_ row: Row, into frame: inout Frame<KioskEvent>, in rect: Rect) {
        let theme = chrome.theme
        let style: Style = row.displayOnly ? theme.disabled : (row.selected ? theme.button : theme.panel)
        let pressed = frame.isPressed("item.\(row.code)")
        frame.box(rect, style: pressed ? theme.buttonPressed : style, border: .none)
        let mark = row.displayOnly ? "ⓘ" : (row.selected ? "☑" : "☐")
        let tag = row.locked ? "【" + chrome.strings("items.mandatory") + "】" : ""
        let face = pressed ? theme.buttonPressed : style
        let inner = rect.inset(dx: 1, dy: 0)
        // ☑ ☐ ⓘ are drawn a cell wide over the next one by the kiosk's CJK font: two spaces after.
        frame.text(" \(mark)  \(row.title)\(tag)", at: Point(x: rect.x + 1, y: rect.y), style: face.with(.bold), clip: inner)
        frame.text("    " + row.detail, at: Point(x: rect.x + 1, y: rect.y + 1), style: face, clip: inner)
        if !row.displayOnly && !row.locked { frame.addHitRegion(rect, id: "item.\(row.code)", message: .toggleItem(row.code)) }
    }
}

/// The region's questions as big buttons (settlement type, household mode, ID card action, …),
/// and blocking prerequisites with what to do first.
struct QuestionsScreen {
    let chrome: Chrome
    let plan: Plan?

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let body = chrome.draw(into: &frame, title: s("questions.title"))
        let answers = chrome.state.session?.answers ?? [:]
        // Questions already answered stay on screen (they can be changed), then the open ones.
        var questions: [(code: String, label: String, options: [Question.Option], blocked: String?)] = []
        for answer in plan?.answers ?? [] {
            let options = chrome.context.profile.questions.first { $0.code == answer.question }?.options ?? []
            let blocked = plan?.blocking.first { $0.question == answer.question && $0.kind == .prerequisiteNotMet }?.message
            questions.append((answer.question, answer.questionLabel, options, blocked))
        }
        for block in plan?.blocking ?? [] where !questions.contains(where: { $0.code == block.question }) {
            questions.append((block.question, block.label, block.options, block.kind == .prerequisiteNotMet ? block.message : nil))
        }
        // In the profile's order, so a question does not move when another is answered.
        let order = Dictionary(chrome.context.profile.questions.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        questions.sort { (order[$0.code] ?? .max) < (order[$1.code] ?? .max) }
        let paging = Paging(count: questions.count, rows: body.height - 3, rowHeight: 5, columns: 1, page: chrome.state.session?.pickerPage ?? 0)
        var y = body.y
        for index in paging.range {
            let q = questions[index]
            frame.text(q.label, at: Point(x: body.x, y: y), style: theme.screen.with(.bold), clip: body)
            let count = max(1, q.options.count)
            // Wide enough for the longest answer (a truncated answer cannot be chosen knowingly).
            let longest = q.options.map { DisplayWidth.of($0.label) + 6 }.max() ?? 0
            let width = min(max(30, longest), (body.width - (count - 1) * 2) / count)
            for (i, option) in q.options.enumerated() {
                let chosen = answers[q.code] == option.value
                Button((chosen ? "✔ " : "") + option.label, id: "answer.\(q.code).\(option.value)", message: .answer(question: q.code, value: option.value),
                       kind: chosen ? .primary : .normal, theme: theme)
                    .draw(into: &frame, in: Rect(x: body.x + i * (width + 2), y: y + 1, width: width, height: 3))
            }
            if let blocked = q.blocked {
                frame.text("⚠ " + s("questions.blocked") + "：" + blocked, at: Point(x: body.x, y: y + 4), style: theme.error, clip: body)
            }
            y += 5
        }
        paging.drawControls(into: &frame, y: body.maxY - 3, x: body.x, width: body.width, theme: theme)
        chrome.footer(into: &frame, next: (s("nav.next"), .next), message: chrome.state.session?.message)
    }
}
