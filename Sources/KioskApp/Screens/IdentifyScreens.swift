import KioskDomain
import TerminalUI

/// "请将身份证放在感应区": a drawn card on the reader, the reading state, and the way out for a
/// veteran without a valid card.
struct IdentifyScreen {
    let chrome: Chrome

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let session = chrome.state.session
        let body = chrome.draw(into: &frame, title: s("identify.title"))
        // A card lying on the reader's pad, drawn with box drawing.
        let cardWidth = min(34, body.width)
        let cardHeight = min(9, max(5, body.height - 6))
        let card = Rect(x: body.x + (body.width - cardWidth) / 2, y: body.y, width: cardWidth, height: cardHeight)
        frame.box(card, style: theme.panel, border: session?.reading == true ? .heavy : .plain, borderStyle: theme.panelBorder)
        frame.text("中华人民共和国", at: Point(x: card.x + 3, y: card.y + 1), style: theme.panel.with(.bold), clip: card)
        frame.text("居民身份证", at: Point(x: card.x + 3, y: card.y + 2), style: theme.panel, clip: card)
        if cardHeight >= 7 {
            frame.fill(Rect(x: card.maxX - 9, y: card.y + 2, width: 6, height: cardHeight - 4), style: Style(foreground: Palette.slate, background: Palette.mist))
        }
        frame.centered("━━ 感应区 ━━", in: body, y: card.maxY, style: theme.muted)
        var y = card.maxY + 1
        let status = session?.message ?? s("identify.hint")
        let style = session?.reading == true ? theme.title : theme.screen
        for line in TextLayout.wrap(status, width: body.width) where y < body.maxY - 3 {
            frame.centered(line, in: body, y: y, style: style)
            y += 1
        }
        let manualWidth = min(body.width, DisplayWidth.of(s("identify.manual")) + 8)
        Button(s("identify.manual"), id: "identify.manual", message: .manualEntry, theme: theme)
            .draw(into: &frame, in: Rect(x: body.x + (body.width - manualWidth) / 2, y: max(y, body.maxY - 3), width: manualWidth, height: 3))
        chrome.footer(into: &frame, backLabel: s("nav.home"))
    }
}

/// The keypad screen: the ID number from the keypad (with X), the name from a keyboard or input
/// method; validated by the domain's ID-number rules.
struct ManualIDScreen {
    let chrome: Chrome

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let session = chrome.state.session
        let body = chrome.draw(into: &frame, title: s("manual.title"))
        let keypadSize = NumericKeypad<KioskEvent>.minimumSize
        // 27 columns: three keys of 8 columns (适老化) and their gaps, even at 80×24.
        let keypadWidth = min(max(keypadSize.columns, 27, body.width / 3), 30)
        let keypadHeight = min(body.height, 12)
        let left = Rect(x: body.x, y: body.y, width: max(0, body.width - keypadWidth - 2), height: body.height)
        var y = frame.paragraph(s("manual.hint"), in: left, y: left.y, style: theme.muted) + 1
        y = field(into: &frame, label: "身份证号码", value: session?.draft ?? "", focused: true, in: left, y: y)
        y = field(into: &frame, label: s("manual.name") + "（点按输入）", value: session?.manualName ?? "", focused: false, in: left, y: y + 1)
        frame.addHitRegion(Rect(x: left.x, y: y - 3, width: min(left.width, 40), height: 3), id: "manual.name", message: .keyboard(.editName))
        NumericKeypad(id: "keypad", allowsX: true, theme: theme) { .keypad($0) }
            .draw(into: &frame, in: Rect(x: body.maxX - keypadWidth, y: body.y, width: keypadWidth, height: keypadHeight))
        chrome.footer(into: &frame, next: (s("manual.confirm"), .fieldDone), message: session?.message)
    }

    private func field(into frame: inout Frame<KioskEvent>, label: String, value: String, focused: Bool, in rect: Rect, y: Int) -> Int {
        let theme = chrome.theme
        frame.text(label, at: Point(x: rect.x, y: y), style: theme.screen.with(.bold), clip: rect)
        let box = Rect(x: rect.x, y: y + 1, width: min(rect.width, 40), height: 3)
        frame.box(box, style: theme.field, border: focused ? .heavy : .plain, borderStyle: focused ? theme.field.with(.bold) : theme.panelBorder)
        frame.text(value + (focused ? "▏" : ""), at: Point(x: box.x + 2, y: box.y + 1), style: theme.field, clip: box.inset(dx: 1, dy: 0))
        return box.maxY
    }
}
