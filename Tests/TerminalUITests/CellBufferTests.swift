import Testing
import TestTraits
import TerminalUI

@Suite("Cell buffer", .computeBound)
struct CellBufferTests {
    @Test("A wide glyph takes a lead cell and a continuation")
    func wideGlyph() {
        var buffer = CellBuffer(size: Size(columns: 6, rows: 1))
        let end = buffer.write("中a", at: Point(x: 1, y: 0), style: .plain)
        #expect(end == 4)
        #expect(buffer[1, 0].width == 2)
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].character == "a")
        #expect(buffer.line(0) == " 中a  ")
    }

    @Test("Writing over the right half of a wide glyph blanks its left half")
    func overwriteRightHalf() {
        var buffer = CellBuffer(size: Size(columns: 6, rows: 1))
        buffer.write("请输入", at: Point(x: 0, y: 0), style: .plain)
        buffer.write("x", at: Point(x: 1, y: 0), style: .plain)
        #expect(buffer.line(0) == " x输入")
        #expect(!buffer[0, 0].isContinuation && buffer[0, 0].width == 1)
    }

    @Test("A wide glyph over the halves of two others blanks both orphans")
    func overwriteStraddling() {
        var buffer = CellBuffer(size: Size(columns: 8, rows: 1))
        buffer.write("请输入身", at: Point(x: 0, y: 0), style: .plain)
        buffer.write("中", at: Point(x: 1, y: 0), style: .plain)
        #expect(buffer.line(0) == " 中 入身")
        for x in 0..<8 where buffer[x, 0].isContinuation {
            #expect(buffer[x - 1, 0].width == 2, "continuation at \(x) without its lead")
        }
    }

    @Test("A wide glyph that does not fit at the edge becomes a blank")
    func edge() {
        var buffer = CellBuffer(size: Size(columns: 3, rows: 1))
        buffer.write("ab中", at: Point(x: 0, y: 0), style: .plain)
        #expect(buffer.line(0) == "ab ")
        var clipped = CellBuffer(size: Size(columns: 6, rows: 1))
        clipped.write("中中中", at: Point(x: 0, y: 0), style: .plain, clip: Rect(x: 0, y: 0, width: 3, height: 1))
        #expect(clipped.line(0) == "中    ")
    }

    @Test("Text starting left of the clip is cut at the clip, wide glyphs included")
    func leftClip() {
        var buffer = CellBuffer(size: Size(columns: 6, rows: 1))
        buffer.write("中文字", at: Point(x: -1, y: 0), style: .plain)
        #expect(buffer.line(0) == " 文字 ") // 中 would straddle the edge: its visible half is blank
    }

    @Test("Fill and text dump")
    func fillAndDump() {
        var buffer = CellBuffer(size: Size(columns: 5, rows: 2))
        buffer.fill(Rect(x: 0, y: 0, width: 5, height: 1), style: .plain, with: "中")
        #expect(buffer.textDump() == "中中\n")
        #expect(buffer[4, 0].width == 1)
    }
}
