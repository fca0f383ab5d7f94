import Testing
import TestTraits
@testable import TerminalUI

@Suite("Display width of grapheme clusters", .computeBound)
struct WidthTests {
    @Test("CJK ideographs and full-width punctuation take two cells", arguments: [
        "中", "国", "退", "役", "，", "。", "：", "（", "）", "【", "】", "「", "」", "Ａ", "１", "　", "가", "あ",
    ])
    func wide(_ text: String) {
        #expect(DisplayWidth.of(Character(text)) == 2, "\(text)")
    }

    @Test("ASCII, Latin and ambiguous-width symbols take one cell", arguments: [
        "a", "Z", "0", " ", "~", "é", "ß", "Ω", "→", "○", "※", "①", "■", "“", "…", "─",
    ])
    func narrow(_ text: String) {
        #expect(DisplayWidth.of(Character(text)) == 1, "\(text)")
    }

    @Test("Combining marks belong to their base character's cell")
    func combining() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{300}\u{316}\u{331}") == 1)
        #expect(DisplayWidth.of("中\u{301}") == 2)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
        #expect(DisplayWidth.of(Character("\u{200D}")) == 0)
        #expect("e\u{301}".count == 1)
    }

    @Test("Emoji, ZWJ sequences, flags and presentation selectors are one wide glyph")
    func emoji() {
        #expect(DisplayWidth.of(Character("😀")) == 2)
        #expect(DisplayWidth.of(Character("👨‍👩‍👧")) == 2) // wcwidth per scalar would say 6
        #expect(DisplayWidth.of(Character("🇨🇳")) == 2) // wcwidth per scalar: 1 + 1
        #expect(DisplayWidth.of(Character("☎️")) == 2) // text-default emoji + FE0F
        #expect(DisplayWidth.of(Character("☎")) == 1) // without FE0F: text presentation
        #expect(DisplayWidth.of(Character("👍🏽")) == 2) // skin tone modifier
        #expect(DisplayWidth.of(Character("🇨")) == 1) // a lone regional indicator
        #expect(DisplayWidth.of("👨‍👩‍👧🇨🇳") == 4)
    }

    @Test("Hangul jamo sequences and control characters")
    func jamoAndControls() {
        #expect(DisplayWidth.of(Character("\u{1100}\u{1161}\u{11A8}")) == 2)
        #expect(DisplayWidth.of(Character("\u{1B}")) == 0)
        #expect(DisplayWidth.of(Character("\u{85}")) == 0)
        #expect(DisplayWidth.of(Character("\u{AD}")) == 1)
    }

    @Test("A mixed string sums its clusters")
    func mixed() {
        #expect(DisplayWidth.of("请插入身份证 ID") == 15)
        #expect(DisplayWidth.of("第2步/共6步") == 11)
    }

    @Test("The generated table records its Unicode version and is sorted")
    func table() {
        #expect(DisplayWidth.unicodeVersion.split(separator: ".").count == 3)
        for ranges in [WidthTable.wide, WidthTable.zero] {
            #expect(ranges.count % 2 == 0)
            for i in stride(from: 0, to: ranges.count, by: 2) {
                #expect(ranges[i] <= ranges[i + 1])
                if i > 0 { #expect(ranges[i - 1] < ranges[i]) }
            }
        }
    }

    @Test("Every CJK Unified Ideograph in the basic block is wide")
    func wholeBlock() {
        for value in UInt32(0x4E00)...0x9FFF {
            #expect(DisplayWidth.scalarWidth(value) == 2)
        }
    }
}
