import Foundation
import ReceiptPrinterTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import ReceiptPrinter
import Testing
import TestTraits

@Suite(.computeBound) struct LineWrapperTests {
    let measure = ColumnWidth(encoding: .gb18030)
    var wrapper: LineWrapper { LineWrapper(measure: measure) }

    @Test func cjkAndFullWidthCountTwo() {
        #expect(measure.columns(of: "退役") == 4)
        #expect(measure.columns(of: "ＡＢ") == 4)
        #expect(measure.columns(of: "AB12") == 4)
        #expect(measure.columns(of: "“”") == 4) // full-width glyphs in GB18030 Chinese mode
        #expect(ColumnWidth(encoding: .utf8).columns(of: "“”") == 2)
    }

    @Test func twentyFourCJKFillAnEightyMillimetreLine() {
        let text = String(repeating: "军", count: 25)
        let lines = wrapper.wrap(text, width: 48)
        #expect(lines == [String(repeating: "军", count: 24), "军"])
    }

    @Test func asciiWordsMoveWhole() {
        let lines = wrapper.wrap("受理编号：CQ01-20261123-0007", width: 20)
        #expect(lines == ["受理编号：", "CQ01-20261123-0007"])
    }

    @Test func closingPunctuationNeverStartsALine() {
        // 23 CJK then "，": the comma would start line 2; it takes the last glyph with it.
        let text = String(repeating: "办", count: 24) + "，好"
        let lines = wrapper.wrap(text, width: 48)
        #expect(lines.allSatisfy { measure.columns(of: $0) <= 48 })
        #expect(lines.dropFirst().allSatisfy { $0.first != "，" })
        #expect(lines.joined() == text)
    }

    /// Property: for random mixes of CJK, ASCII, punctuation and spaces, every line fits, no
    /// character is lost or split, and no line starts with closing punctuation when avoidable.
    @Test func randomTextAlwaysFitsAndLosesNothing() {
        var rng = SeededRandom(seed: 0x5EED)
        let alphabet = Array("军人退役一件事一次办受理回执，。、（）“”：；ABCxyz0123456789-/ ￥①") + ["e\u{301}"]
        for _ in 0..<2_000 {
            let length = Int(rng.next() % 120)
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let width = [16, 24, 32, 48][Int(rng.next() % 4)]
            let indent = Int(rng.next() % 12)
            let lines = wrapper.wrap(text, width: width, firstIndent: indent, continuation: "  ")
            #expect(indent + measure.columns(of: lines[0]) <= max(width, indent), "first line overflows: \(lines)")
            for line in lines.dropFirst() {
                #expect(measure.columns(of: line) <= width, "line overflows \(width): \(line)")
            }
            let rejoined = lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst(2)) }.joined()
            #expect(rejoined == text, "lost characters: \(text) -> \(lines)")
        }
    }
}
