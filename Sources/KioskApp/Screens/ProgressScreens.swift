import Foundation
import KioskDomain
import KioskTime
import TerminalUI

/// The visit after filing, one screen per step: the lookup (keypad, typed or scanned case
/// number, or the card), the cases with each item, 补打's list, and 好差评.
struct ProgressScreens {
    let chrome: Chrome
    let step: ProgressStep

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings
        let visit = chrome.state.session?.visit
        switch step {
        case .lookup:
            ProgressLookupScreen(chrome: chrome).draw(into: &frame)
        case .card:
            let body = chrome.draw(into: &frame, title: s("identify.title"))
            let status = chrome.state.session?.message ?? s("identify.hint")
            frame.paragraph(status, in: body, y: body.y + 1, style: chrome.theme.title)
            chrome.footer(into: &frame)
        case .loading:
            let body = chrome.draw(into: &frame, title: s(visit?.purpose == .reprint ? "reprint.title" : "progress.title"))
            ProgressIndicator(label: s("progress.loading"), fraction: nil, phase: Int(chrome.state.now.timeIntervalSince1970 * 4) % 20,
                              theme: chrome.theme).draw(into: &frame, in: Rect(x: body.x, y: body.y + 1, width: body.width, height: 1))
        case .result(let page):
            ProgressResultScreen(chrome: chrome, page: page).draw(into: &frame)
        case .reprints:
            ReprintListScreen(chrome: chrome).draw(into: &frame)
        case .rating:
            RatingScreen(chrome: chrome).draw(into: &frame)
        case .done:
            let body = chrome.draw(into: &frame, title: s("rating.thanks"))
            chrome.footer(into: &frame, back: nil, next: (s("step.done"), .next))
            _ = body
        }
    }
}

/// "查询办理进度": the ID number or case number on the keypad (a scanner types into the same
/// field), or the card.
struct ProgressLookupScreen {
    let chrome: Chrome

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let session = chrome.state.session
        let title = session?.visit?.purpose == .reprint ? s("reprint.title") : s("progress.lookup.title")
        let body = chrome.draw(into: &frame, title: title)
        let keypadWidth = min(max(NumericKeypad<KioskEvent>.minimumSize.columns, body.width / 3), 30)
        let left = Rect(x: body.x, y: body.y, width: max(0, body.width - keypadWidth - 2), height: body.height)
        var y = frame.paragraph(s("progress.lookup.hint"), in: left, y: left.y, style: theme.muted) + 1
        frame.text(s("progress.lookup.field"), at: Point(x: left.x, y: y), style: theme.screen.with(.bold), clip: left)
        let box = Rect(x: left.x, y: y + 1, width: min(left.width, 48), height: 3)
        frame.box(box, style: theme.field, border: .heavy, borderStyle: theme.field.with(.bold))
        let draft = session?.visit?.draft ?? ""
        frame.text(TextLayout.truncate(draft, width: max(1, box.width - 5)) + "▏", at: Point(x: box.x + 2, y: box.y + 1),
                   style: theme.field, clip: box.inset(dx: 1, dy: 0))
        y = box.maxY + 1
        let cardWidth = min(left.width, DisplayWidth.of(s("progress.lookup.card")) + 8)
        Button(s("progress.lookup.card"), id: "progress.card", message: .progressUseCard, theme: theme)
            .draw(into: &frame, in: Rect(x: left.x, y: min(y, max(left.y, left.maxY - 3)), width: cardWidth, height: 3))
        NumericKeypad(id: "keypad", allowsX: true, theme: theme) { .keypad($0) }
            .draw(into: &frame, in: Rect(x: body.maxX - keypadWidth, y: body.y, width: keypadWidth, height: min(body.height, 12)))
        chrome.footer(into: &frame, backLabel: s("nav.home"), next: (s("progress.lookup.go"), .next), message: session?.message)
    }
}

/// 好差评 (一事一评): five grades, the standard reasons of the chosen side, 提交 or 跳过.
struct RatingScreen {
    let chrome: Chrome

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let rating = chrome.state.session?.visit?.rating
        let body = chrome.draw(into: &frame, title: s("rating.title"))
        var y = frame.paragraph(s("rating.hint", rating?.caseNumber ?? ""), in: body, y: body.y, style: theme.muted) + 1
        let gradeWidth = max(10, min(18, (body.width - 8) / 5))
        for (index, grade) in RatingScale.grades.enumerated() {
            let chosen = rating?.score == grade.score
            Button((chosen ? "✔ " : "") + grade.name, id: "rate.\(grade.score)", message: .rate(grade.score),
                   kind: chosen ? .primary : .normal, theme: theme)
                .draw(into: &frame, in: Rect(x: body.x + index * (gradeWidth + 2), y: y, width: gradeWidth, height: 3))
        }
        y += 4
        if let score = rating?.score, score > 0 {
            frame.text(s("rating.reasons"), at: Point(x: body.x, y: y), style: theme.screen.with(.bold), clip: body)
            y += 1
            var x = body.x
            for reason in RatingScale.reasons(for: score) {
                let chosen = rating?.reasons.contains(reason) == true
                let label = (chosen ? "✔ " : "") + reason
                let width = DisplayWidth.of(label) + 6
                if x + width > body.maxX { x = body.x; y += 3 }
                guard y + 3 <= body.maxY + 1 else { break }
                Button(label, id: "reason.\(reason)", message: .rateReason(reason), kind: chosen ? .primary : .normal, theme: theme)
                    .draw(into: &frame, in: Rect(x: x, y: y, width: width, height: 3))
                x += width + 1
            }
        }
        chrome.footer(into: &frame, back: .skipRating, backLabel: s("rating.skip"), next: (s("rating.submit"), .submitRating),
                      nextEnabled: (rating?.score ?? 0) > 0)
    }
}

/// 补打回执: the applicant's last acknowledgements in this kiosk's store, one button each.
struct ReprintListScreen {
    let chrome: Chrome

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let session = chrome.state.session
        let choices = session?.visit?.reprints ?? []
        let body = chrome.draw(into: &frame, title: s("reprint.title"))
        var y = frame.paragraph(choices.isEmpty ? s("reprint.none") : s("reprint.hint"), in: body, y: body.y, style: theme.muted) + 1
        for choice in choices where y + 3 <= body.maxY + 1 {
            let label = "\(choice.caseNumber)  \(choice.categoryTitle)  \(s("reprint.filedAt"))\(Chrome.timeText(choice.filedAt))"
            Button(label, id: "reprint.\(choice.id)", message: .reprint(choice.id), isEnabled: session?.printing != .printing, theme: theme)
                .draw(into: &frame, in: Rect(x: body.x, y: y, width: min(body.width, DisplayWidth.of(label) + 8), height: 3))
            y += 3
        }
        let message: String? = switch session?.printing ?? .notStarted {
        case .printing: s("print.printing")
        case .failed(let why): s("print.failed") + "（\(why)）"
        default: nil
        }
        chrome.footer(into: &frame, message: message)
    }
}
