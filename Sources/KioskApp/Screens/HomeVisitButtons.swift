import TerminalUI

/// The home screen's two ways back in after filing: 查询办理进度 and 补打回执, side by side
/// under the main button (smaller: filing stays the first choice).
struct HomeVisitButtons {
    let chrome: Chrome

    /// Draws the pair at `y` when it fits above the consultation line; returns the next free row.
    func draw(into frame: inout Frame<KioskEvent>, in inner: Rect, y: Int) -> Int {
        guard y + 3 < inner.maxY else { return y }
        let s = chrome.strings, theme = chrome.theme
        let width = min(24, (inner.width - 2) / 2)
        let x = inner.x + (inner.width - 2 * width - 2) / 2
        Button(s("home.query"), id: "home.query", message: .queryProgress, theme: theme)
            .draw(into: &frame, in: Rect(x: x, y: y, width: width, height: 3))
        Button(s("home.reprint"), id: "home.reprint", message: .reprintReceipts, theme: theme)
            .draw(into: &frame, in: Rect(x: x + width + 2, y: y, width: width, height: 3))
        return y + 3
    }
}
