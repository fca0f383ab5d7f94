import TerminalUI

/// The touch test: targets at the four corners and the centre of the glass, as far out as the
/// screen goes, so a digitiser that is off at one edge or dead in a corner shows at once. The
/// whole screen under the targets counts misses.
struct TechnicianTouchTestScreen {
    let chrome: Chrome
    let test: TouchTest

    func draw(into frame: inout Frame<KioskEvent>) {
        let s = chrome.strings, theme = chrome.theme, size = frame.size
        frame.fill(frame.bounds, style: theme.screen)
        StatusBar(left: "  " + s("tech.title") + " · " + s("tech.touch.title"), right: "", theme: theme)
            .draw(into: &frame, in: Rect(x: 0, y: 0, width: size.columns, height: 1))
        if !test.isComplete {
            frame.addHitRegion(Rect(x: 0, y: 1, width: size.columns, height: size.rows - 1), id: "tech.touch.miss",
                               message: .technician(.touchMiss))
        }
        var result = s("tech.touch.result", "\(test.hits.count)", "\(test.misses)")
        if let ms = test.elapsedMilliseconds { result += " · " + s("tech.touch.time", String(format: "%.1f", Double(ms) / 1000)) }
        frame.centered(result, in: frame.bounds, y: size.rows / 2 - 4, style: theme.title)
        for target in TouchTest.Target.allCases {
            let rect = target.rect(in: size)
            let hit = test.hits.contains(target.rawValue)
            if hit {
                frame.fill(rect, style: theme.success)
                frame.centered("✔", in: rect, y: rect.y + 1, style: theme.success)
            } else {
                Button("◎ \(target.rawValue + 1)", id: "tech.touch.\(target.rawValue)", message: .technician(.touchTarget(target.rawValue)),
                       kind: .primary, theme: theme).draw(into: &frame, in: rect)
            }
        }
        let controls = Rect(x: 14, y: size.rows - 4, width: max(0, size.columns - 28), height: 3)
        let half = max(0, (controls.width - 2) / 2)
        Button(s("tech.back"), id: "tech.touch.back", message: .technician(.open(.menu)), theme: theme)
            .draw(into: &frame, in: Rect(x: controls.x, y: controls.y, width: half, height: 3))
        Button(s("tech.touch.restart"), id: "tech.touch.restart", message: .technician(.touchRestart), theme: theme)
            .draw(into: &frame, in: Rect(x: controls.x + half + 2, y: controls.y, width: half, height: 3))
    }
}

extension TouchTest.Target {
    /// The target's size: a fingertip with room around it on the kiosk's glass.
    public static let size = Size(columns: 12, rows: 3)

    /// Where the target sits on a screen of `size` (the corners below the one-row title bar).
    public func rect(in size: Size) -> Rect {
        let w = Self.size.columns, h = Self.size.rows
        switch self {
        case .topLeft: return Rect(x: 0, y: 1, width: w, height: h)
        case .topRight: return Rect(x: size.columns - w, y: 1, width: w, height: h)
        case .centre: return Rect(x: (size.columns - w) / 2, y: (size.rows - h) / 2, width: w, height: h)
        case .bottomLeft: return Rect(x: 0, y: size.rows - h, width: w, height: h)
        case .bottomRight: return Rect(x: size.columns - w, y: size.rows - h, width: w, height: h)
        }
    }
}
