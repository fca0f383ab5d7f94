import KioskDomain
import TerminalUI

/// The 制卡相片 when the plan asks for one: the photo folder newest first, the chosen photo's
/// checks with what to do, the fixer when the failures are mechanical.
struct PhotoScreen {
    let chrome: Chrome

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme
        let photo = chrome.state.session?.photo ?? PhotoState()
        let body = chrome.draw(into: &frame, title: s("photo.title"))
        let listWidth = body.width >= 90 ? body.width / 3 : body.width / 2
        let list = Rect(x: body.x, y: body.y, width: listWidth, height: body.height)
        if photo.files.isEmpty {
            frame.paragraph(s("photo.none"), in: list, y: list.y, style: theme.screen)
        }
        for (index, file) in photo.files.prefix(max(0, list.height / 4)).enumerated() {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            Button((photo.chosen == file ? "✔ " : "") + name, id: "photo.\(index)", message: .choosePhoto(file),
                   kind: photo.chosen == file ? .primary : .normal, theme: theme)
                .draw(into: &frame, in: Rect(x: list.x, y: list.y + index * 4, width: list.width, height: 3))
        }
        // The chosen photo under the file list, in colour half-blocks.
        let listed = min(photo.files.count, max(0, list.height / 4))
        let previewArea = Rect(x: list.x, y: list.y + listed * 4, width: list.width, height: list.maxY - list.y - listed * 4)
        if let preview = photo.report?.preview, previewArea.height >= 4 {
            HalfBlockImage(width: preview.width, height: preview.height, pixels: preview.pixels).draw(into: &frame, in: previewArea)
        }
        let panel = Rect(x: list.maxX + 2, y: body.y, width: body.maxX - list.maxX - 2, height: body.height)
        frame.panel(panel, title: "照片检查", theme: theme)
        var y = panel.y + 1
        if let report = photo.report {
            for line in report.lines where y < panel.maxY - 4 {
                let style = line.passed ? theme.panel : theme.panel.with(.bold)
                y = frame.paragraph((line.passed ? "✔ " : "✘ ") + line.text, in: panel.inset(dx: 2, dy: 0), y: y, style: style)
            }
            if report.fixable, !report.accepted {
                Button(s("photo.fix"), id: "photo.fix", message: .fixPhoto, theme: theme)
                    .draw(into: &frame, in: Rect(x: panel.x + 2, y: panel.maxY - 4, width: min(24, panel.width - 4), height: 3))
            }
        }
        chrome.footer(into: &frame, next: (s("photo.use"), .usePhoto), nextEnabled: photo.report?.accepted == true,
                      message: chrome.state.session?.message)
    }
}
