import KioskDomain
import TerminalUI

/// After 提交: the case number large (central, or the local reference with 已保存…), a refusal with
/// its reason and basis stated once and completely, and the printing state.
struct OutcomeScreen {
    let chrome: Chrome

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let session = chrome.state.session
        let submission = session?.submission ?? .notSent
        let title: String = switch submission {
        case .notSent, .sending: s("submit.sending")
        case .accepted: s("submit.accepted")
        case .queued: s("submit.saved")
        case .refused: s("submit.refused")
        case .failed: "未能保存申请"
        }
        let body = chrome.draw(into: &frame, title: title)
        let panel = Rect(x: body.x + body.width / 8, y: body.y, width: body.width * 3 / 4, height: min(body.height, 9))
        let style: Style = {
            if case .refused = submission { return theme.error }
            if case .failed = submission { return theme.error }
            return theme.panel
        }()
        frame.box(panel, style: style, border: .heavy, borderStyle: style == theme.panel ? theme.panelBorder : style)
        let inner = panel.inset(dx: 3, dy: 1)
        var y = inner.y
        switch submission {
        case .notSent, .sending:
            ProgressIndicator(label: s("submit.sending"), fraction: nil, phase: Int(chrome.state.now.timeIntervalSince1970 * 4) % 20, theme: theme)
                .draw(into: &frame, in: Rect(x: inner.x, y: y, width: inner.width, height: 1))
        case .accepted(let number):
            frame.centered(s("submit.caseNumber"), in: inner, y: y, style: style)
            frame.centered(Self.spaced(number), in: inner, y: y + 2, style: style.with(.bold))
            y += 4
        case .queued:
            frame.centered(s("submit.caseNumber") + "（本机）", in: inner, y: y, style: style)
            frame.centered(Self.spaced(session?.filed?.localReference ?? "—"), in: inner, y: y + 2, style: style.with(.bold))
            frame.centered(s("submit.saved"), in: inner, y: y + 4, style: style)
            y += 6
        case .refused(let reason, let basis):
            y = frame.paragraph("理由：" + reason, in: inner, y: y, style: style)
            y = frame.paragraph("依据：" + basis, in: inner, y: y + 1, style: style)
        case .failed(let why):
            frame.paragraph(why, in: inner, y: y, style: style)
        }
        let printing: String? = switch session?.printing ?? .notStarted {
        case .notStarted: nil
        case .printing: s("print.printing")
        case .printed: s("print.done")
        case .failed(let why): s("print.failed") + "（\(why)）。" + s("print.failed.hint")
        }
        // The receipt's fate inside the panel, under the number it repeats (no printer emoji: the
        // kiosk's font has none).
        if let printing {
            let failed = if case .failed = session?.printing ?? .notStarted { true } else { false }
            let mark = session?.printing == .printed ? "✔ " : (failed ? "✘ " : "")
            let line = Rect(x: inner.x, y: max(y + 1, inner.y + 4), width: inner.width, height: max(0, inner.maxY - max(y + 1, inner.y + 4)))
            for (offset, text) in TextLayout.wrap(mark + printing, width: inner.width).prefix(max(1, line.height)).enumerated() {
                frame.centered(text, in: inner, y: line.y + offset, style: failed && style == theme.panel ? style.with(.bold) : style)
            }
        }
        let done = submission != .sending && session?.printing != .printing
        chrome.footer(into: &frame, back: nil, next: (s("step.done"), .next), nextEnabled: done)
    }

    /// `CQ2026 1123 0007`: a long number in groups of four, easier to copy down.
    static func spaced(_ number: String) -> String {
        // A number that has its own separators is shown as it is.
        guard !number.contains("-") else { return number }
        var out = ""
        for (i, c) in number.enumerated() {
            if i > 0, i % 4 == 0 { out.append(" ") }
            out.append(c)
        }
        return out
    }
}

/// "请取走您的身份证": shown while the card is still on the reader.
struct TakeCardScreen {
    let chrome: Chrome

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let printed = chrome.state.session?.printing == .printed
        let body = chrome.draw(into: &frame, title: printed ? s("takeCard.receipt") : s("takeCard.title"))
        let box = Rect(x: body.x + body.width / 4, y: body.y + 1, width: body.width / 2, height: min(7, body.height))
        frame.box(box, style: theme.highlight, border: .heavy)
        frame.centered(printed ? s("takeCard.receipt") : s("takeCard.title"), in: box, y: box.y + box.height / 2, style: theme.highlight)
        chrome.footer(into: &frame, back: nil, next: (s("nav.home"), .home))
    }
}

/// "您还在吗？" over any screen, with the countdown to the wipe.
struct IdleOverlay {
    let chrome: Chrome
    let seconds: Int

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings
        frame.removeHitRegions()
        Dialog(title: s("idle.title"), message: s("idle.countdown", String(seconds)),
               buttons: [Button(s("idle.continue"), id: "idle.continue", message: .keepGoing, kind: .primary, theme: chrome.theme),
                         Button(s("nav.cancel"), id: "idle.end", message: .cancel, theme: chrome.theme)],
               theme: chrome.theme).draw(into: &frame, in: frame.bounds)
    }
}
