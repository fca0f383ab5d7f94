/// Progress: a smooth bar of block elements (█ and the eighths ▏▎▍▌▋▊▉) on a track, with the
/// percentage as text; when the amount is unknown, a moving block and "请稍候". Never colour
/// alone: the bar is characters and the percentage is written.
public struct ProgressIndicator: Sendable {
    public var label: String
    /// 0…1, or nil when unknown.
    public var fraction: Double?
    /// Animation step for the unknown case (advance it on a timer).
    public var phase: Int
    public var theme: Theme

    public init(label: String, fraction: Double?, phase: Int = 0, theme: Theme = .standard) {
        self.label = label
        self.fraction = fraction
        self.phase = phase
        self.theme = theme
    }

    /// Left-aligned partial blocks, one to seven eighths.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar's cells for `fraction` of `width` cells, in eighths of a cell.
    static func bar(fraction: Double, width: Int) -> String {
        let total = Int((min(1, max(0, fraction)) * Double(width * 8)).rounded(.down))
        var cells = String(repeating: "█", count: total / 8)
        if total % 8 > 0 { cells.append(eighths[total % 8 - 1]) }
        return cells + String(repeating: " ", count: max(0, width - (total + 7) / 8))
    }

    public func draw<Message>(into frame: inout Frame<Message>, in rect: Rect) {
        let percentText: String
        let barWidth = max(4, rect.width - 2 - DisplayWidth.of(label) - 8)
        let bar: String
        if let fraction {
            bar = Self.bar(fraction: fraction, width: barWidth)
            percentText = " \(Int((min(1, max(0, fraction)) * 100).rounded(.down)))%"
        } else {
            let block = max(1, barWidth / 5)
            let start = phase % barWidth
            var cells = [Character](repeating: " ", count: barWidth)
            for i in 0..<block { cells[(start + i) % barWidth] = "█" }
            bar = String(cells)
            percentText = " 请稍候"
        }
        let x = frame.text(label + " ", at: Point(x: rect.x, y: rect.y), style: theme.screen, clip: rect)
        let after = frame.text(bar, at: Point(x: x, y: rect.y), style: theme.gauge, clip: rect)
        frame.text(percentText, at: Point(x: after, y: rect.y), style: theme.screen, clip: rect)
    }
}

/// One status line across the screen: text at the left and at the right (e.g. the time or a
/// device state), in reverse colours.
public struct StatusBar: Sendable {
    public var left: String
    public var right: String
    public var theme: Theme

    public init(left: String, right: String = "", theme: Theme = .standard) {
        self.left = left
        self.right = right
        self.theme = theme
    }

    public func draw<Message>(into frame: inout Frame<Message>, in rect: Rect) {
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        frame.fill(row, style: theme.statusBar)
        let rightWidth = DisplayWidth.of(right)
        frame.text(TextLayout.truncate(left, width: max(0, row.width - rightWidth - 3)), at: Point(x: row.x + 1, y: row.y), style: theme.statusBar, clip: row)
        frame.text(right, at: Point(x: row.maxX - rightWidth - 1, y: row.y), style: theme.statusBar, clip: row)
    }
}

/// Where the user is in a multi-step flow: 「第2步/共6步：核对信息」 and the step names with the
/// current one in 【】 and highlighted, finished ones marked 「已完成」 by a leading `v`.
public struct StepIndicator: Sendable {
    public var steps: [String]
    /// 0-based index of the current step.
    public var current: Int
    public var theme: Theme

    public init(steps: [String], current: Int, theme: Theme = .standard) {
        self.steps = steps
        self.current = current
        self.theme = theme
    }

    public var caption: String {
        let name = steps.indices.contains(current) ? "：" + steps[current] : ""
        return "第\(current + 1)步/共\(steps.count)步\(name)"
    }

    /// Two rows: the caption, then the step names.
    public func draw<Message>(into frame: inout Frame<Message>, in rect: Rect) {
        frame.text(caption, at: Point(x: rect.x, y: rect.y), style: theme.title, clip: rect)
        guard rect.height > 1 else { return }
        var x = rect.x
        for (index, step) in steps.enumerated() {
            let text: String
            let style: Style
            if index == current {
                text = "【\(step)】"; style = theme.highlight
            } else if index < current {
                text = " v\(step) "; style = theme.screen
            } else {
                text = " \(step) "; style = theme.disabled
            }
            x = frame.text(text, at: Point(x: x, y: rect.y + 1), style: style, clip: rect)
            if index + 1 < steps.count { x = frame.text(" > ", at: Point(x: x, y: rect.y + 1), style: theme.screen, clip: rect) }
        }
    }
}
