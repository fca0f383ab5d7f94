import Foundation
import KioskDomain
import KioskTime
import TerminalUI

/// 办理进度: each case with each item's state, department, due date and what to do next; a
/// 不予受理 item with its reason and basis in full (一次性告知). Where the figures come from is
/// always said: the central service, or this kiosk's records and how old they are.
struct ProgressResultScreen {
    let chrome: Chrome
    let page: Int

    /// One row of the listing and how it is drawn.
    struct Line {
        enum Kind { case source, caseHeader, item, refusedItem, detail, blank }
        var kind: Kind
        var text: String
    }

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let visit = chrome.state.session?.visit
        let body = chrome.draw(into: &frame, title: s("progress.title"))
        let lines = Self.lines(visit?.report, now: chrome.state.now, strings: s, width: body.width)
        let perPage = max(1, body.height)
        let pages = max(1, (lines.count + perPage - 1) / perPage)
        let current = min(max(0, page), pages - 1)
        var y = body.y
        for line in lines.dropFirst(current * perPage).prefix(perPage) {
            let style: Style = switch line.kind {
            case .source: theme.muted
            case .caseHeader: theme.title
            case .item: theme.screen
            case .refusedItem: theme.error.with(.bold)
            case .detail: theme.error
            case .blank: theme.screen
            }
            frame.text(line.text, at: Point(x: body.x, y: y), style: style, clip: body)
            y += 1
        }
        drawActions(into: &frame, visit: visit, page: current, pages: pages)
    }

    /// The footer: home, the middle actions (pages, 补打, 评价), 打印进度单.
    private func drawActions(into frame: inout Frame<KioskEvent>, visit: ProgressVisit?, page: Int, pages: Int) {
        let s = chrome.strings, theme = chrome.theme, size = frame.size
        let message: String? = switch visit?.slip ?? .notStarted {
        case .printing: s("print.printing")
        case .printed: s("progress.slip.done")
        case .failed(let why): s("print.failed") + "（\(why)）"
        case .notStarted: nil
        }
        chrome.footer(into: &frame, backLabel: s("nav.home"), next: (s("progress.slip"), .printProgressSlip),
                      nextEnabled: visit?.slip != .printing, message: message)
        let width = max(12, min(28, size.columns / 4))
        var x = 3 + width + 2
        let right = size.columns - 3 - width - 2
        let y = size.rows - 5
        var actions: [(String, String, KioskEvent)] = []
        if pages > 1 {
            actions.append(("上一页", "page.prev", .pickerPage(page - 1)))
            actions.append(("下一页", "page.next", .pickerPage(page + 1)))
        }
        actions.append((s("home.reprint"), "progress.reprint", .showReprints))
        if let finished = visit?.report?.cases.first(where: \.isFinished) {
            actions.append((s("progress.rate"), "progress.rate", .rateCase(finished.caseNumber)))
        }
        for (label, id, event) in actions {
            let w = DisplayWidth.of(label) + 4
            guard x + w <= right else { break }
            let enabled: Bool = switch event {
            case .pickerPage(let p): p >= 0 && p < pages
            default: true
            }
            Button(label, id: id, message: event, isEnabled: enabled, theme: theme).draw(into: &frame, in: Rect(x: x, y: y, width: w, height: 3))
            x += w + 1
        }
    }

    /// The listing as lines of at most `width` columns (wrapped reasons and bases included).
    static func lines(_ report: ProgressReport?, now: Date, strings s: Strings, width: Int) -> [Line] {
        guard let report else { return [] }
        var lines: [Line] = []
        switch report.source {
        case .central:
            lines.append(Line(kind: .source, text: s("progress.source.central")))
        case .local(let asOf):
            lines.append(Line(kind: .source, text: s("progress.source.local", ProgressWording.age(from: asOf, to: now))))
        }
        if report.cases.isEmpty { lines.append(Line(kind: .detail, text: s("progress.none"))) }
        for entry in report.cases {
            lines.append(Line(kind: .blank, text: ""))
            lines.append(Line(kind: .caseHeader, text: s("progress.case", entry.caseNumber, entry.categoryTitle, CivilDate(entry.acceptedAt).chinese)))
            // A refusal first: it is what the applicant must act on (stated once, in full).
            for item in entry.items.filter({ $0.state == .refused }) + entry.items.filter({ $0.state != .refused }) {
                let due = item.dueDate.map { s("progress.due", $0.chinese) } ?? ""
                let heading = "【\(item.state.words(s))】\(item.title) · \(item.department)\(due)"
                for (index, text) in TextLayout.wrap(heading, width: max(8, width - 4)).enumerated() {
                    lines.append(Line(kind: item.state == .refused ? .refusedItem : .item, text: (index == 0 ? "" : "    ") + text))
                }
                for text in TextLayout.wrap(s("progress.next") + ProgressWording.nextStep(item, strings: s), width: max(8, width - 4)) {
                    lines.append(Line(kind: .source, text: "    " + text))
                }
                if item.state == .refused {
                    for text in TextLayout.wrap(s("progress.reason") + (item.reason ?? ""), width: max(8, width - 4))
                        + TextLayout.wrap(s("progress.basis") + (item.basis ?? ""), width: max(8, width - 4)) {
                        lines.append(Line(kind: .detail, text: "    " + text))
                    }
                }
            }
        }
        return lines
    }
}
