import TerminalUITesting
import KioskTime
import TestSupport
import Testing
import TestTraits
import TerminalUI

@Suite("Diff renderer replayed into a terminal model", .computeBound)
struct DiffRendererTests {
    static let size = Size(columns: 30, rows: 6)

    /// Renders `frames` in turn and checks after each that the terminal model shows exactly it.
    func replay(_ frames: [CellBuffer], synchronized: Bool = false) -> [[UInt8]] {
        var renderer = DiffRenderer(synchronizedOutput: synchronized)
        var terminal = VTScreen(size: frames[0].size)
        var outputs: [[UInt8]] = []
        for (index, frame) in frames.enumerated() {
            let bytes = renderer.render(frame)
            outputs.append(bytes)
            terminal.feed(bytes)
            #expect(terminal.buffer == frame, "frame \(index):\n\(terminal.screenText)\n---\n\(frame.textDump())")
        }
        return outputs
    }

    func frame(_ lines: [String], style: Style = .plain) -> CellBuffer {
        var buffer = CellBuffer(size: Self.size)
        for (y, line) in lines.enumerated() { buffer.write(line, at: Point(x: 0, y: y), style: style) }
        return buffer
    }

    @Test("First frame, a change, and no change")
    func basic() {
        let a = frame(["请插入身份证", "Insert ID card", "第2步/共6步"])
        var b = a
        b.write("核对", at: Point(x: 0, y: 0), style: Style(foreground: .brightYellow, attributes: .bold))
        let outputs = replay([a, b, b])
        #expect(outputs[2].isEmpty)
        #expect(outputs[1].count < 40)
    }

    @Test("A one-cell change emits at most a few dozen bytes")
    func oneCell() {
        let a = frame(Array(repeating: "中文混排 text 文字 123 测试内容", count: 6))
        var b = a
        b.write("X", at: Point(x: 20, y: 3), style: .plain)
        let bytes = replay([a, b])[1]
        #expect(bytes.count <= 24, "\(bytes.count) bytes: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        var c = b
        c.write("新", at: Point(x: 8, y: 5), style: Style(foreground: .red))
        let wide = replay([b, c])[1]
        #expect(wide.count <= 36, "\(wide.count) bytes")
    }

    @Test("Overwriting half of a wide glyph leaves no half glyph on the terminal")
    func halfGlyph() {
        let a = frame(["请输入身份证号码"])
        var b = a
        b.write("中", at: Point(x: 1, y: 0), style: .plain) // straddles 请 and 输
        var c = b
        c.write("ab", at: Point(x: 5, y: 0), style: .plain) // right half of 入 + left half of 身
        var d = c
        d.write("号码身份", at: Point(x: 3, y: 0), style: .plain) // wide glyphs realigned by one cell
        _ = replay([a, b, c, d])
        _ = replay([d, a, c, b])
    }

    @Test("Wide glyph replaced by two narrow ones and back, at the right edge too")
    func wideNarrowSwap() {
        var a = CellBuffer(size: Self.size)
        a.write("中文", at: Point(x: 26, y: 0), style: .plain)
        var b = CellBuffer(size: Self.size)
        b.write("abcd", at: Point(x: 26, y: 0), style: .plain)
        var c = CellBuffer(size: Self.size)
        c.write("a中b", at: Point(x: 26, y: 0), style: .plain)
        _ = replay([a, b, c, a, c, b])
    }

    @Test("Random frames of mixed text and styles always replay exactly", arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func randomFrames(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let pieces = ["中", "文", "a", "b", " ", "，", "😀", "e\u{301}", "测试", "ID", "👨‍👩‍👧", "🇨🇳", "第2步"]
        let styles = [Style.plain, Style(foreground: .red), Style(background: .blue, attributes: .bold),
                      Style(foreground: .indexed(200), attributes: [.underline, .reverse]), Style(foreground: .rgb(1, 2, 3))]
        var frames: [CellBuffer] = []
        var current = CellBuffer(size: Self.size)
        for _ in 0..<30 {
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                var text = ""
                for _ in 0..<Int.random(in: 1...6, using: &random) { text += pieces.randomElement(using: &random)! }
                current.write(text, at: Point(x: Int.random(in: -2..<Self.size.columns, using: &random), y: Int.random(in: 0..<Self.size.rows, using: &random)),
                              style: styles.randomElement(using: &random)!)
            }
            frames.append(current)
        }
        _ = replay(frames, synchronized: seed % 2 == 0)
    }

    @Test("Frames are wrapped in synchronized output when enabled; a resize repaints fully")
    func synchronizedAndResize() {
        var renderer = DiffRenderer(synchronizedOutput: true)
        let a = frame(["你好"])
        let first = String(decoding: renderer.render(a), as: UTF8.self)
        #expect(first.hasPrefix("\u{1B}[?2026h"))
        #expect(first.hasSuffix("\u{1B}[?2026l"))
        #expect(first.contains("\u{1B}[2J"))
        var bigger = CellBuffer(size: Size(columns: 40, rows: 8))
        bigger.write("你好", at: Point(x: 0, y: 0), style: .plain)
        let second = String(decoding: renderer.render(bigger), as: UTF8.self)
        #expect(second.contains("\u{1B}[2J") && second.contains("你好"))
        renderer.invalidate()
        #expect(String(decoding: renderer.render(bigger), as: UTF8.self).contains("\u{1B}[2J"))
    }
}

@Suite("Outside text cannot reach the terminal as control sequences", .computeBound)
struct RendererSafetyTests {
    @Test("Controls, escapes and bidi overrides written into the buffer never appear in the output")
    func controlsNeverRendered() {
        var buffer = CellBuffer(size: Size(columns: 40, rows: 2))
        buffer.write("张三\u{1B}[2J\u{1B}]0;title\u{07}\u{202E}abc\u{9B}31m\r\n", at: Point(x: 0, y: 0), style: .plain)
        var renderer = DiffRenderer()
        let bytes = renderer.render(buffer)
        let ours = Array((EscapeSequences.resetStyle + EscapeSequences.clearScreen).utf8)
        let text = Array(bytes.dropFirst(ours.count))
        #expect(Array(bytes.prefix(ours.count)) == ours)
        let escapes = text.indices.filter { text[$0] == 0x1B }
        for index in escapes { // only our own cursor moves and SGR: ESC [ digits/; then H, C or m
            let tail = text[(index + 1)...].prefix { !(0x40...0x7E).contains($0) || $0 == 0x5B }
            let final = text[min(text.count - 1, index + 1 + tail.count)]
            #expect([0x48, 0x43, 0x6D].contains(final), "unexpected sequence at \(index)")
        }
        #expect(!text.contains(0x07) && !text.contains(0x0D) && !text.contains(0x0A))
        #expect(!String(decoding: text, as: UTF8.self).unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x9B })
    }
}
