import KioskDomain
import TerminalUI

/// The attract screen: what this terminal does, one large button, the hall's phone and the time;
/// a plain banner for a degraded device; 暂停服务 with the reason when no case may start.
struct HomeScreen {
    let chrome: Chrome

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme, state = chrome.state
        let size = frame.size
        frame.fill(frame.bounds, style: theme.screen)
        StatusBar(left: "  " + chrome.context.profile.serviceName, right: Chrome.timeText(state.now) + "  ", theme: theme)
            .draw(into: &frame, in: Rect(x: 0, y: 0, width: size.columns, height: 1))
        // The technician's hidden corner: nothing drawn, five taps within 3 s ask for the PIN.
        frame.addHitRegion(Rect(x: 0, y: 0, width: 8, height: 3), id: "technician.corner", message: .technician(.cornerTap))

        let panelWidth = min(size.columns - 4, 72)
        let panelHeight = min(size.rows - 4, 16)
        let panel = Rect(x: (size.columns - panelWidth) / 2, y: max(2, (size.rows - panelHeight) / 2 - 1), width: panelWidth, height: panelHeight)
        frame.panel(panel, title: chrome.context.profile.name, theme: theme)
        let inner = panel.inset(dx: 3, dy: 1)
        var y = inner.y + (panelHeight >= 15 ? 1 : 0)
        frame.centered(s("app.title"), in: inner, y: y, style: theme.panel.with(.bold))
        y += 1
        frame.centered(chrome.context.terminal.hall + " · " + s("app.subtitle"), in: inner, y: y, style: theme.panel)
        y += panelHeight >= 15 ? 2 : 1

        if let pause = state.health.pause {
            let box = Rect(x: inner.x, y: y, width: inner.width, height: 5)
            frame.box(box, style: theme.error, border: .heavy)
            frame.centered(s("home.paused") + "：" + s(pause.rawValue), in: box, y: box.y + 1, style: theme.error)
            frame.centered(s("home.paused.hint"), in: box, y: box.y + 3, style: theme.error)
            y += 6
        } else {
            let button = Rect(x: inner.x + inner.width / 6, y: y, width: inner.width * 2 / 3, height: 3)
            Button(s("home.start"), id: "home.start", message: .start, kind: .primary, theme: theme).draw(into: &frame, in: button)
            y += 4
            frame.centered(s("home.start.hint"), in: inner, y: y, style: theme.panel)
            y += 2
            y = HomeVisitButtons(chrome: chrome).draw(into: &frame, in: inner, y: y)
        }
        if let phone = chrome.context.consultationPhone, y < inner.maxY {
            frame.centered("☎ " + s("home.consult", phone), in: inner, y: min(y, inner.maxY - 1), style: theme.panel)
        }

        var banners: [String] = []
        if !state.health.printerReady { banners.append(s("banner.noPrinter")) }
        if !state.health.readerReady { banners.append(s("banner.noReader")) }
        if !state.health.centralReachable { banners.append(s("banner.offline")) }
        for (index, text) in banners.suffix(2).enumerated() {
            let row = Rect(x: 0, y: size.rows - 1 - index, width: size.columns, height: 1)
            frame.fill(row, style: theme.highlight)
            frame.text("  ⚠ " + TextLayout.truncate(text, width: size.columns - 6), at: Point(x: 0, y: row.y), style: theme.highlight, clip: row)
        }
    }
}
