import KioskDomain
import TerminalUI

/// 维护模式's pages: the PIN keypad (dots only), the menu, a run's live list of checks, the
/// outbox and pre-flight. The touch test has its own file. Nothing here reads `session`: the
/// mode opens only with no session, and shows the host's scrubbed checks only.
struct TechnicianScreen {
    let chrome: Chrome

    func draw(into frame: inout Frame<KioskEvent>) {
        guard let mode = chrome.state.technician else { return }
        switch mode.page {
        case .pin: drawPIN(mode, into: &frame)
        case .menu: drawMenu(into: &frame)
        case .diagnostics, .reader, .printer, .report: drawRun(mode, into: &frame)
        case .touchTest: TechnicianTouchTestScreen(chrome: chrome, test: mode.touch).draw(into: &frame)
        case .outbox: drawOutbox(mode, into: &frame)
        case .preflight: drawPreflight(mode, into: &frame)
        }
    }

    private var s: Strings { chrome.strings }
    private var theme: Theme { chrome.theme }

    private func drawPIN(_ mode: TechnicianState, into frame: inout Frame<KioskEvent>) {
        let body = chrome.draw(into: &frame, title: s("tech.title") + " · " + s("tech.pin.title"))
        let keypadWidth = min(max(NumericKeypad<KioskEvent>.minimumSize.columns, body.width / 3), 30)
        let left = Rect(x: body.x, y: body.y, width: max(0, body.width - keypadWidth - 2), height: body.height)
        var y = frame.paragraph(s("tech.pin.hint"), in: left, y: left.y, style: theme.muted) + 1
        let box = Rect(x: left.x, y: y, width: min(left.width, 30), height: 3)
        frame.box(box, style: theme.field, border: .heavy, borderStyle: theme.field.with(.bold))
        // The digits are never drawn: one dot per digit typed.
        frame.text(String(repeating: "● ", count: mode.pin.count) + "▏", at: Point(x: box.x + 2, y: box.y + 1), style: theme.field,
                   clip: box.inset(dx: 1, dy: 0))
        y = box.maxY + 1
        if let message = mode.message { frame.paragraph(message, in: left, y: y, style: theme.title) }
        NumericKeypad(id: "tech.keypad", allowsX: false, theme: theme) { .technician(.pinKey($0)) }
            .draw(into: &frame, in: Rect(x: body.maxX - keypadWidth, y: body.y, width: keypadWidth, height: min(body.height, 12)))
        chrome.footer(into: &frame, back: .technician(.leave), backLabel: s("tech.leave"),
                      next: (s("tech.pin.confirm"), .technician(.pinSubmit)), nextEnabled: !mode.checking)
    }

    private func drawMenu(into frame: inout Frame<KioskEvent>) {
        let body = chrome.draw(into: &frame, title: s("tech.title") + " · " + s("tech.menu.title"))
        let entries: [(String, TechnicianState.Page)] = [
            ("tech.menu.diagnostics", .diagnostics), ("tech.menu.touchTest", .touchTest), ("tech.menu.reader", .reader),
            ("tech.menu.printer", .printer), ("tech.menu.outbox", .outbox), ("tech.menu.preflight", .preflight),
            ("tech.menu.report", .report),
        ]
        let columns = 2, gap = 2
        let width = (body.width - gap) / columns
        let rowHeight = body.height >= 17 ? 4 : 3
        for (index, entry) in entries.enumerated() {
            let rect = Rect(x: body.x + (index % columns) * (width + gap), y: body.y + (index / columns) * rowHeight,
                            width: width, height: 3)
            guard rect.maxY <= body.maxY else { break }
            Button(s(entry.0), id: "tech.\(entry.1.rawValue)", message: .technician(.open(entry.1)), theme: theme)
                .draw(into: &frame, in: rect)
        }
        chrome.footer(into: &frame, back: .technician(.leave), backLabel: s("tech.leave"), message: nil)
        frame.centered(s("tech.menu.hint"), in: frame.bounds, y: frame.size.rows - 1, style: theme.muted)
    }

    private func drawRun(_ mode: TechnicianState, into frame: inout Frame<KioskEvent>) {
        let titleKey = ["diagnostics": "tech.menu.diagnostics", "reader": "tech.menu.reader", "printer": "tech.menu.printer",
                        "report": "tech.menu.report"][mode.page.rawValue] ?? "tech.title"
        let body = chrome.draw(into: &frame, title: s("tech.title") + " · " + s(titleKey))
        let count = { (status: TechnicianCheck.Status) in "\(mode.checks.filter { $0.status == status }.count)" }
        let heading = mode.running ? s("tech.run.running", "\(mode.checks.count)") : s("tech.run.done", count(.pass), count(.warn), count(.fail))
        frame.text(heading, at: Point(x: body.x, y: body.y), style: theme.title, clip: body)
        // While running the newest checks show as they complete; when done, the faults first,
        // each with its remedy, then the rest.
        let ordered = mode.running ? mode.checks
            : mode.checks.filter { $0.status == .fail } + mode.checks.filter { $0.status == .warn } + mode.checks.filter { $0.status == .pass }
        var lines: [(String, Style)] = []
        for check in ordered {
            let mark = check.status == .pass ? "✔ 通过" : check.status == .warn ? "▲ 注意" : "✘ 故障"
            let style = check.status == .pass ? theme.screen : check.status == .warn ? theme.highlight : theme.error
            lines.append(("\(mark)  \(check.title)：\(check.measured)", style))
            if let remedy = check.remedy, check.status != .pass {
                for line in TextLayout.wrap("处理：" + remedy, width: max(10, body.width - 4)) { lines.append(("    " + line, theme.muted)) }
            }
        }
        let room = max(0, body.height - 2)
        let shown = mode.running ? Array(lines.suffix(room)) : Array(lines.prefix(room))
        for (offset, line) in shown.enumerated() {
            frame.text(TextLayout.truncate(line.0, width: body.width), at: Point(x: body.x, y: body.y + 2 + offset), style: line.1, clip: body)
        }
        chrome.footer(into: &frame, back: .technician(.open(.menu)), backLabel: s("tech.back"))
    }

    private func drawOutbox(_ mode: TechnicianState, into frame: inout Frame<KioskEvent>) {
        let body = chrome.draw(into: &frame, title: s("tech.title") + " · " + s("tech.menu.outbox"))
        guard let outbox = mode.outbox else {
            frame.text(s("tech.outbox.loading"), at: Point(x: body.x, y: body.y), style: theme.muted, clip: body)
            chrome.footer(into: &frame, back: .technician(.open(.menu)), backLabel: s("tech.back"))
            return
        }
        var y = body.y
        frame.text(s("tech.outbox.pending", "\(outbox.pending)"), at: Point(x: body.x, y: y), style: theme.title, clip: body)
        y += 1
        if let minutes = outbox.oldestMinutes {
            frame.text(s("tech.outbox.oldest", "\(minutes)"), at: Point(x: body.x, y: y), style: theme.screen, clip: body)
        }
        y += 2
        if outbox.refused.isEmpty {
            frame.text(s("tech.outbox.none"), at: Point(x: body.x, y: y), style: theme.screen, clip: body)
        }
        let buttonWidth = min(24, body.width / 3)
        for refused in outbox.refused where y + 3 <= body.maxY {
            frame.text(s("tech.outbox.refused", refused.kind, "\(refused.count)"), at: Point(x: body.x, y: y + 1), style: theme.screen, clip: body)
            Button(s("tech.outbox.retry"), id: "tech.retry.\(refused.kind)", message: .technician(.retryRefused(refused.kind)), theme: theme)
                .draw(into: &frame, in: Rect(x: body.maxX - buttonWidth, y: y, width: buttonWidth, height: 3))
            y += 4
        }
        chrome.footer(into: &frame, back: .technician(.open(.menu)), backLabel: s("tech.back"), message: outbox.note)
    }

    private func drawPreflight(_ mode: TechnicianState, into frame: inout Frame<KioskEvent>) {
        let body = chrome.draw(into: &frame, title: s("tech.title") + " · " + s("tech.menu.preflight"))
        var y = body.y
        if let failures = mode.preflight {
            if failures.isEmpty { frame.text("✔ " + s("tech.preflight.ok"), at: Point(x: body.x, y: y), style: theme.title, clip: body) }
            for failure in failures where y < body.maxY {
                y = frame.paragraph("✘ \(failure.title)：\(failure.measured)", in: body, y: y, style: theme.error)
                if let remedy = failure.remedy { y = frame.paragraph("    处理：" + remedy, in: body, y: y, style: theme.muted) }
                y += 1
            }
        } else {
            frame.text(s("tech.preflight.loading"), at: Point(x: body.x, y: y), style: theme.muted, clip: body)
        }
        chrome.footer(into: &frame, back: .technician(.open(.menu)), backLabel: s("tech.back"))
    }
}
