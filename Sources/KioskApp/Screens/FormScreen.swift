import KioskDomain
import TerminalUI

/// One page of the one form: the group's fields as large rows (label, value masked where
/// personal, ✎), card fields locked with 已从身份证读取; the field being edited opens a panel
/// that fits it — keypad, buttons, place picker or a text line.
struct FormScreen {
    let chrome: Chrome
    let pages: [JourneyReducer.FormPage]
    let page: Int
    let value: (String) -> String?

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings
        let session = chrome.state.session
        let current = page < pages.count ? pages[page] : nil
        let title = current.map { s("form.group", $0.group.chinese, String(page + 1), String(pages.count)) } ?? s("form.title")
        let body = chrome.draw(into: &frame, title: s("form.title") + " · " + title)
        guard let current else { chrome.footer(into: &frame, next: (s("nav.next"), .next)); return }
        let editing = session?.editing
        let sideBySide = body.width >= 100
        let listRect = editing != nil && sideBySide ? Rect(x: body.x, y: body.y, width: body.width / 2 - 1, height: body.height) : body
        if editing == nil || sideBySide {
            drawFields(current.fields, into: &frame, in: listRect, editing: editing)
        }
        if let code = editing, let field = current.fields.first(where: { $0.code == code }) {
            let panel = sideBySide ? Rect(x: body.x + body.width / 2 + 1, y: body.y, width: body.width / 2 - 1, height: body.height) : body
            FieldEditor(chrome: chrome, field: field, entry: chrome.context.fields.entry(for: code)).draw(into: &frame, in: panel)
            chrome.footer(into: &frame, back: .fieldCancel, backLabel: "取消", next: (s("form.done"), .fieldDone), message: session?.message)
        } else {
            chrome.footer(into: &frame, next: (s("nav.next"), .next), message: session?.message)
        }
    }

    private func drawFields(_ fields: [PlanField], into frame: inout Frame<KioskEvent>, in rect: Rect, editing: String?) {
        let theme = chrome.theme
        let columns = rect.width >= 100 ? 2 : 1
        var paging = Paging(count: fields.count, rows: rect.height - 3, rowHeight: 3, columns: columns, page: chrome.state.session?.pickerPage ?? 0)
        // Beside an open editor the list is narrower (fewer fields a page): it shows the page
        // that holds the field being edited, so that field stays in sight.
        let editedIndex = editing.flatMap { code in fields.firstIndex { $0.code == code } }
        if let editedIndex {
            paging = Paging(count: fields.count, rows: rect.height - 3, rowHeight: 3, columns: columns, page: editedIndex / paging.perPage)
        }
        let width = (rect.width - (columns - 1) * 2) / columns
        for (slot, index) in paging.range.enumerated() {
            let field = fields[index]
            let entry = chrome.context.fields.entry(for: field.code)
            let locked = entry.kind == .card && value(field.code) != nil
            let area = Rect(x: rect.x + (slot % columns) * (width + 2), y: rect.y + (slot / columns) * 3, width: width, height: 3)
            let pressed = frame.isPressed("field.\(field.code)")
            let isEditing = editing == field.code
            // A locked card field is the same white row in quieter ink (its value came from the card).
            let lockedStyle = Style(foreground: theme.muted.foreground, background: theme.panel.background)
            let style = isEditing ? theme.highlight : (pressed ? theme.buttonPressed : (locked ? lockedStyle : theme.panel))
            frame.box(area, style: style, border: isEditing ? .heavy : .plain,
                      borderStyle: isEditing ? style : Style(foreground: theme.panelBorder.foreground, background: style.background))
            let labelWidth = min(area.width / 2, max(10, DisplayWidth.of(field.label) + 2))
            // A label longer than half the row ends in … and keeps two cells before the value.
            frame.text(TextLayout.truncate(field.label, width: labelWidth - 2, marker: "…"), at: Point(x: area.x + 2, y: area.y + 1),
                       style: style.with(.bold), clip: Rect(x: area.x + 2, y: area.y, width: labelWidth, height: 3))
            let shown = value(field.code).map { ScreenMasking.show($0, field: field, kind: entry.kind) } ?? "请填写 ✎"
            // Words, not a lock emoji: the kiosk's CJK font has no emoji and would draw a box.
            let suffix = locked ? "  · 已从身份证读取" : ""
            frame.text(shown + suffix, at: Point(x: area.x + 2 + labelWidth, y: area.y + 1), style: value(field.code) == nil ? style.with(.dim) : style,
                       clip: area.inset(dx: 1, dy: 0))
            if !locked { frame.addHitRegion(area, id: "field.\(field.code)", message: .editField(field.code)) }
        }
        if editedIndex == nil {
            paging.drawControls(into: &frame, y: rect.maxY - 3, x: rect.x, width: rect.width, theme: theme)
        } else if paging.pages > 1 {
            // While editing, the page follows the field: its number is shown, not offered to turn.
            frame.centered("第 \(paging.page + 1)/\(paging.pages) 页", in: Rect(x: rect.x, y: rect.maxY - 3, width: rect.width, height: 3),
                           y: rect.maxY - 2, style: theme.muted)
        }
    }
}

/// The panel that edits one field, shaped by how the field is entered.
struct FieldEditor {
    let chrome: Chrome
    let field: PlanField
    let entry: FieldInputs.Entry

    func draw(into frame: inout Frame<KioskEvent>, in rect: Rect) {
        let theme = chrome.theme
        let session = chrome.state.session
        frame.panel(rect, title: field.label, theme: theme, border: .heavy)
        let inner = rect.inset(dx: 2, dy: 1)
        switch entry.kind {
        case .idNumber, .phone, .bankCard, .digits, .date, .month:
            let hint = switch entry.kind {
            case .date: "按 年年年年月月日日 输入，如 20210910"
            case .month: "按 年年年年月月 输入，如 202109"
            default: "请用数字键输入"
            }
            // The keypad takes the panel's right side at full height (four rows of 3-row keys);
            // the hint and the number being typed stay on the left, beside it.
            let keypadWidth = 27
            let beside = inner.width >= keypadWidth + 24
            let left = beside ? Rect(x: inner.x, y: inner.y, width: inner.width - keypadWidth - 2, height: inner.height) : inner
            let y = frame.paragraph(hint, in: left, y: left.y, style: theme.panel)
            let box = Rect(x: left.x, y: y, width: min(left.width, 30), height: 3)
            frame.box(box, style: theme.field, border: .heavy, borderStyle: theme.field.with(.bold))
            frame.text((session?.draft ?? "") + "▏", at: Point(x: box.x + 2, y: box.y + 1), style: theme.field, clip: box.inset(dx: 1, dy: 0))
            let keypad = beside
                ? Rect(x: inner.maxX - keypadWidth, y: inner.y, width: keypadWidth, height: min(12, inner.height))
                : Rect(x: inner.x, y: box.maxY, width: min(inner.width, 30), height: min(12, inner.maxY - box.maxY))
            NumericKeypad(id: "keypad", allowsX: entry.kind == .idNumber || entry.kind == .digits, theme: theme) { .keypad($0) }
                .draw(into: &frame, in: keypad)
        case .choice:
            let options = field.choices.isEmpty ? (entry.options ?? []) : field.choices
            let columns = inner.width >= 50 ? 2 : 1
            let width = (inner.width - (columns - 1) * 2) / columns
            for (index, option) in options.enumerated() {
                let r = Rect(x: inner.x + (index % columns) * (width + 2), y: inner.y + (index / columns) * 4, width: width, height: 3)
                guard r.maxY <= inner.maxY else { break }
                let chosen = session?.values[field.code] == option
                Button((chosen ? "✔ " : "") + option, id: "choose.\(index)", message: .choose(option), kind: chosen ? .primary : .normal, theme: theme)
                    .draw(into: &frame, in: r)
            }
        case .place:
            let path = session?.placePath ?? []
            let trail = path.compactMap { chrome.context.divisions.name(of: $0) }.joined(separator: " › ")
            frame.text(trail.isEmpty ? "请选择省份" : trail + " ›", at: Point(x: inner.x, y: inner.y), style: theme.panel.with(.bold), clip: inner)
            let choices = PlacePicker.choices(after: path, divisions: chrome.context.divisions)
            let area = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
            ListPicker(id: "place", items: choices.map(\.name), page: session?.placePage ?? 0, columns: area.width >= 60 ? 3 : 2, theme: theme,
                       select: { .pickPlace(choices[$0].code) }, turnPage: { .placePage($0) })
                .draw(into: &frame, in: area)
        case .text, .card:
            var y = frame.paragraph("请用键盘或输入法输入（屏幕拼音键盘接入同一输入框）", in: inner, y: inner.y, style: theme.panel)
            let box = Rect(x: inner.x, y: y, width: inner.width, height: 3)
            frame.box(box, style: theme.field, border: .heavy, borderStyle: theme.field.with(.bold))
            frame.text((session?.draft ?? "") + "▏", at: Point(x: box.x + 2, y: box.y + 1), style: theme.field, clip: box.inset(dx: 1, dy: 0))
            y = box.maxY + 1
            Button("删除一字", id: "erase", message: .erase, theme: theme).draw(into: &frame, in: Rect(x: inner.x, y: y, width: 14, height: 3))
        }
    }
}

/// Personal values on screen: masked like on paper once entered (GB/T 35273 展示限制), so a
/// bystander reading the glass learns nothing; the draft being typed is shown in full.
enum ScreenMasking {
    static func show(_ value: String, field: PlanField, kind: FieldInputs.Kind) -> String {
        guard field.personal else { return value }
        switch kind {
        case .idNumber: return Masking.idNumber(value)
        case .phone: return Masking.phone(value)
        case .bankCard: return Masking.bankCard(value)
        case .card:
            switch field.code {
            case "id_number": return Masking.idNumber(value)
            case "name": return Masking.name(value)
            default: return value
            }
        default:
            return field.code.contains("address") ? Masking.address(value) : value
        }
    }
}
