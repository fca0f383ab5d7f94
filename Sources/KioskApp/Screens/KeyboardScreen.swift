import KioskDomain
import TerminalUI

/// A free-text field with the on-screen pinyin keyboard: the field (its name on the frame, the
/// text so far) above a keyboard as wide as the screen, with 取消 and 完成. The keyboard needs
/// 80 × 19 for 8 × 3 keys, more than the form's panel leaves, so while someone types the
/// keyboard takes the screen. On a tall screen the usual bars stay; on a short one (80×24, a
/// large font) the field and its two buttons share the top rows and the keyboard the rest.
struct KeyboardScreen {
    let chrome: Chrome
    let target: KeyboardTarget
    /// The field's name as the form shows it.
    let label: String

    /// Rows below which the short layout is used: bars (6) + field (4) + keyboard (19) + footer (5).
    static let tallRows = 34

    func draw(into frame: inout Frame<KioskEvent>) {
        let size = frame.size
        let session = chrome.state.session
        let text = target.text(in: chrome.state)
        if size.rows >= Self.tallRows {
            let body = chrome.draw(into: &frame, title: chrome.strings("form.title") + " · " + label)
            drawField(text, into: &frame, in: Rect(x: body.x, y: body.y, width: body.width, height: 3))
            keyboard(session).draw(into: &frame, in: Rect(x: body.x, y: body.y + 4, width: body.width, height: body.maxY - body.y - 4))
            switch target {
            case .field:
                chrome.footer(into: &frame, back: .fieldCancel, backLabel: "取消", next: (chrome.strings("form.done"), .fieldDone), message: session?.message)
            case .manualName:
                chrome.footer(into: &frame, back: nil, next: (chrome.strings("form.done"), .keyboard(.closeName)), message: session?.message)
            }
            return
        }
        frame.fill(frame.bounds, style: chrome.theme.screen)
        StatusBar(left: "  " + chrome.strings("app.title") + " · " + chrome.context.profile.name, right: "", theme: chrome.theme)
            .draw(into: &frame, in: Rect(x: 0, y: 0, width: size.columns, height: 1))
        let buttonWidth = max(10, min(16, size.columns / 8))
        let fieldWidth = max(0, size.columns - 2 * (buttonWidth + 1))
        drawField(text, into: &frame, in: Rect(x: 0, y: 1, width: fieldWidth, height: 3))
        let theme = chrome.theme
        switch target {
        case .field:
            Button("取消", id: "nav.back", message: .fieldCancel, theme: theme)
                .draw(into: &frame, in: Rect(x: fieldWidth + 1, y: 1, width: buttonWidth, height: 3))
            Button(chrome.strings("form.done"), id: "nav.next", message: .fieldDone, kind: .primary, theme: theme)
                .draw(into: &frame, in: Rect(x: size.columns - buttonWidth, y: 1, width: buttonWidth, height: 3))
        case .manualName:
            Button(chrome.strings("form.done"), id: "nav.next", message: .keyboard(.closeName), kind: .primary, theme: theme)
                .draw(into: &frame, in: Rect(x: size.columns - buttonWidth, y: 1, width: buttonWidth, height: 3))
        }
        keyboard(session).draw(into: &frame, in: Rect(x: 0, y: 4, width: size.columns, height: max(0, size.rows - 5)))
        if let message = session?.message, !message.isEmpty {
            let line = Rect(x: 0, y: size.rows - 1, width: size.columns, height: 1)
            frame.fill(line, style: theme.error)
            frame.text("  ⚠ " + TextLayout.truncate(message, width: size.columns - 6), at: Point(x: 0, y: line.y), style: theme.error, clip: line)
        }
    }

    /// The field as a heavy box with its name on the frame (the form editor's look) and the text
    /// in full while it is typed (masked once it is in the form).
    private func drawField(_ text: String, into frame: inout Frame<KioskEvent>, in rect: Rect) {
        let theme = chrome.theme
        frame.panel(rect, title: label, theme: theme, border: .heavy)
        let inner = rect.inset(dx: 2, dy: 1)
        // The end of a long address stays visible: it is where the next character goes.
        let shown = TextLayout.truncate(String(text.reversed()), width: max(0, inner.width - 1))
        frame.text(String(shown.reversed()) + "▏", at: Point(x: inner.x, y: inner.y), style: theme.panel.with(.bold), clip: inner)
    }

    private func keyboard(_ session: Session?) -> PinyinKeyboard<KioskEvent> {
        let keyboard = session?.keyboard ?? OnScreenKeyboard()
        return PinyinKeyboard(id: "keyboard", state: keyboard.keys, unavailable: keyboard.unavailable, theme: chrome.theme) { .keyboard(.key($0)) }
    }
}
