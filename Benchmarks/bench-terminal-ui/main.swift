// bench-terminal-ui: render + diff cost of TerminalUI frames. Run in release:
//     swift run -c release bench-terminal-ui
// Prints a Markdown table (recorded in docs/benchmarks/terminal-ui.md). Each case is measured
// against the naive baseline in the same run: a full repaint of the new frame.
import TerminalUI
import BenchSupport

let size = Size(columns: 120, rows: 40)
let iterations = 301

/// A full screen of mixed Chinese text, digits, Latin and full-width punctuation in a few styles.
func mixedScreen(shift: Int) -> CellBuffer {
    let phrases = ["退役军人事务", "一件事一次办", "请携带居民身份证原件，", "ID 110105194912310029 ", "办理进度：第2步/共6步。",
                   "户口簿、退役证件、银行卡", "Service Hall 3F ", "（必选）【已选】"]
    let styles = [Style(foreground: .brightWhite, background: .black), Style(foreground: .black, background: .white, attributes: .bold),
                  Style(foreground: .brightYellow, background: .black), Style(foreground: .indexed(45), background: .ansi(4))]
    var buffer = CellBuffer(size: size)
    for y in 0..<size.rows {
        var x = 0, i = y + shift
        while x < size.columns {
            x = buffer.write(phrases[i % phrases.count], at: Point(x: x, y: y), style: styles[(i / 3) % styles.count])
            i += 1
        }
    }
    return buffer
}


func microseconds(_ d: Duration) -> String {
    let us = Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
    return us < 10 ? String(format2(us)) : String(Int(us.rounded()))
}

func format2(_ value: Double) -> String {
    let scaled = Int((value * 100).rounded())
    return "\(scaled / 100).\(scaled % 100 < 10 ? "0" : "")\(scaled % 100)"
}

/// Bytes and cells that must change at the very least: the UTF-8 of every changed glyph.
func lowerBound(_ old: CellBuffer, _ new: CellBuffer) -> (cells: Int, bytes: Int) {
    var cells = 0, bytes = 0
    for y in 0..<new.size.rows {
        for x in 0..<new.size.columns where old[x, y] != new[x, y] {
            cells += 1
            let cell = new[x, y]
            if !cell.isContinuation { bytes += cell.character.utf8.count }
        }
    }
    return (cells, bytes)
}

struct Case {
    let name: String
    let before: CellBuffer?
    let make: () -> CellBuffer
}

func measure(_ c: Case) -> String {
    var times: [Duration] = [], diffTimes: [Duration] = [], fullTimes: [Duration] = []
    var bytes = 0, fullBytes = 0
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        var renderer = DiffRenderer(synchronizedOutput: true)
        if let before = c.before { _ = renderer.render(before) }
        var next: CellBuffer?
        var output: [UInt8] = []
        let total = clock.measure {
            next = c.make()
            output = renderer.render(next!)
        }
        times.append(total)
        if let before = c.before {
            var again = DiffRenderer(synchronizedOutput: true)
            _ = again.render(before)
            diffTimes.append(clock.measure { _ = again.render(next!) })
        }
        var naive = DiffRenderer(synchronizedOutput: true)
        var full: [UInt8] = []
        fullTimes.append(clock.measure { full = naive.render(next!) })
        bytes = output.count
        fullBytes = full.count
    }
    let final = c.make()
    let bound = lowerBound(c.before ?? CellBuffer(size: size), final)
    let diffMedian = diffTimes.isEmpty ? "–" : microseconds(median(diffTimes))
    let ratio = bound.bytes > 0 ? format2(Double(bytes) / Double(bound.bytes)) : "–"
    // The synchronized-output wrapper (CSI ? 2026 h … l) is a fixed 16 bytes per frame.
    let payload = bytes - 16
    let payloadRatio = bound.bytes > 0 ? format2(Double(payload) / Double(bound.bytes)) : "–"
    let vsFull = format2(Double(bytes) / Double(fullBytes))
    return "| \(c.name) | \(microseconds(median(times))) | \(diffMedian) | \(microseconds(median(fullTimes))) | \(bound.cells) | \(bound.bytes) | \(bytes) | \(ratio)× | \(payloadRatio)× | \(fullBytes) | \(vsFull)× |"
}

// The demo app's frames for one-widget changes: a button pressed, then the notice line changed.
let demo = WidgetDemo()
let model = WidgetDemo.Model()
let idle = demo.view(model, in: ViewContext(size: size)).buffer
let pressed = { demo.view(model, in: ViewContext(size: size, pressedID: "confirm")).buffer }
var tapped = model
tapped.notice = "已点按：确认"
let noticeChanged = { demo.view(tapped, in: ViewContext(size: size)).buffer }
var typedModel = model
typedModel.id.text = "1"
let oneKey = { demo.view(typedModel, in: ViewContext(size: size)).buffer }

let screenA = mixedScreen(shift: 0)
print("Unicode width table: \(DisplayWidth.unicodeVersion); \(size.columns)x\(size.rows); median of \(iterations) runs; times in µs")
print("")
print("| case | view + diff (µs) | diff only (µs) | full repaint (µs) | changed cells | lower bound (bytes) | bytes written | vs lower bound | same without the 16-byte 2026 wrapper | full repaint (bytes) | vs full repaint |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for c in [
    Case(name: "full screen, mixed Chinese, first paint", before: nil, make: { mixedScreen(shift: 0) }),
    Case(name: "full screen, every line changed", before: screenA, make: { mixedScreen(shift: 1) }),
    Case(name: "demo: button pressed (one widget)", before: idle, make: pressed),
    Case(name: "demo: notice text changed (one widget)", before: idle, make: noticeChanged),
    Case(name: "demo: one digit typed in the ID field", before: idle, make: oneKey),
] {
    print(measure(c))
}
