import TerminalUITesting
import KioskTime
import TestSupport
import Testing
import TestTraits
import TerminalUI

@Suite("Text sanitiser", .computeBound)
struct SanitizerTests {
    @Test("Escape sequences are removed whole", arguments: [
        ("张\u{1B}[31m三\u{1B}[0m", "张三"),
        ("a\u{1B}]0;pwned title\u{07}b", "ab"),
        ("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b", "alinkb"),
        ("a\u{1B}P1$r\u{1B}\\b", "ab"),
        ("a\u{1B}[?1049lb", "ab"),
        ("a\u{1B}(Bb", "ab"),
        ("a\u{1B}7b", "ab"),
        ("a\u{9B}2Jb", "ab"),
        ("a\u{9D}title\u{9C}b", "ab"),
        ("tail\u{1B}", "tail"),
        ("tail\u{1B}[12", "tail"),
    ])
    func escapes(input: String, expected: String) {
        #expect(TextSanitizer.clean(input) == expected)
    }

    @Test("Controls go, line breaks and tabs become single spaces")
    func controls() {
        #expect(TextSanitizer.clean("a\u{0}b\u{7}c\u{8}d\u{7F}e\u{85}f") == "abcdef")
        #expect(TextSanitizer.clean("北京市\r\n朝阳区\t\t1号") == "北京市 朝阳区 1号")
    }

    @Test("Bidi and invisible formatting controls are removed")
    func bidi() {
        #expect(TextSanitizer.clean("abc\u{202E}fed\u{202C}") == "abcfed")
        #expect(TextSanitizer.clean("\u{2066}x\u{2069}\u{200F}\u{200B}\u{FEFF}y") == "xy")
    }

    @Test("Text that is fine stays as it is: CJK, marks on a base, emoji sequences")
    func keeps() {
        for text in ["王小明", "José", "e\u{301}", "👨‍👩‍👧", "🇨🇳", "☎️", "葛\u{E0100}", "退役军人（2024）"] {
            #expect(TextSanitizer.clean(text) == text, "\(text.debugDescription)")
        }
    }

    @Test("Combining marks without a base are dropped; length limit counts characters")
    func orphansAndLimit() {
        #expect(TextSanitizer.clean("\u{301}\u{302}abc") == "abc")
        #expect(TextSanitizer.clean("a \u{301}b") == "a b")
        #expect(TextSanitizer.clean("一二三四五", maxLength: 3) == "一二三")
    }

    @Test("Random input never yields a control character or ESC", arguments: [UInt64(31), 32, 33])
    func fuzz(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let alphabet: [Unicode.Scalar] = ["\u{1B}", "[", "]", "\u{7}", "\u{9C}", "\u{9B}", "中", "a", "\u{202E}", "\u{301}", ";", "1", "m", "\\", "\u{0}", "\u{2028}", "P"]
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &random) { text.append(alphabet.randomElement(using: &random)!) }
            let cleaned = TextSanitizer.clean(String(text))
            let bad = cleaned.unicodeScalars.filter { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x202E || $0.value == 0x2028 }
            #expect(bad.isEmpty, "seed \(seed): \(String(text).debugDescription) -> \(cleaned.debugDescription)")
        }
    }
}
