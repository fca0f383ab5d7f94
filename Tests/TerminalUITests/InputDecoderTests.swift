import TerminalUITesting
import KioskTime
import TestSupport
import Testing
import TestTraits
import TerminalUI

@Suite("Input decoder", .computeBound)
struct InputDecoderTests {
    /// Sequences and what they decode to.
    static let cases: [(String, [InputEvent])] = [
        ("a", [.character("a")]),
        ("中文", [.character("中"), .character("文")]),
        ("😀", [.character("😀")]),
        ("\r", [.key(KeyEvent(.enter))]),
        ("\u{7F}", [.key(KeyEvent(.backspace))]),
        ("\u{03}", [.key(KeyEvent(.character("c"), modifiers: .control))]),
        ("\u{1B}[A", [.key(KeyEvent(.up))]),
        ("\u{1B}OB", [.key(KeyEvent(.down))]),
        ("\u{1B}[1;5C", [.key(KeyEvent(.right, modifiers: .control))]),
        ("\u{1B}[3~", [.key(KeyEvent(.delete))]),
        ("\u{1B}[6;2~", [.key(KeyEvent(.pageDown, modifiers: .shift))]),
        ("\u{1B}[15~", [.key(KeyEvent(.function(5)))]),
        ("\u{1B}OP", [.key(KeyEvent(.function(1)))]),
        ("\u{1B}[Z", [.key(KeyEvent(.backTab))]),
        ("\u{1B}x", [.key(KeyEvent(.character("x"), modifiers: .alt))]),
        ("\u{1B}[<0;10;5M", [.mouse(MouseEvent(.press, .left, at: Point(x: 9, y: 4)))]),
        ("\u{1B}[<0;10;5m", [.mouse(MouseEvent(.release, .left, at: Point(x: 9, y: 4)))]),
        ("\u{1B}[<32;21;8M", [.mouse(MouseEvent(.drag, .left, at: Point(x: 20, y: 7)))]),
        ("\u{1B}[<2;1;1M", [.mouse(MouseEvent(.press, .right, at: Point(x: 0, y: 0)))]),
        ("\u{1B}[<64;3;4M", [.mouse(MouseEvent(.wheel, .wheelUp, at: Point(x: 2, y: 3)))]),
        ("\u{1B}[<65;3;4M", [.mouse(MouseEvent(.wheel, .wheelDown, at: Point(x: 2, y: 3)))]),
        ("\u{1B}[<16;120;40M", [.mouse(MouseEvent(.press, .left, at: Point(x: 119, y: 39), modifiers: .control))]),
        ("\u{1B}[200~张三\u{1B}[A\r\n\u{1B}[201~", [.paste("张三\u{1B}[A\r\n")]),
        ("\u{1B}[?2026;2$y", [.modeReport(mode: 2026, value: 2)]),
        ("x\u{1B}[<0;0;5Mz", [.character("x"), .character("z")]), // column 0 is invalid: dropped
        ("\u{1B}[99;99;99;99q", []),
        ("\u{1B}\u{1B}[B", [.key(KeyEvent(.escape)), .key(KeyEvent(.down))]),
    ]

    static var all: [UInt8] { cases.flatMap { Array($0.0.utf8) } }
    static var allEvents: [InputEvent] { cases.flatMap(\.1) }

    @Test("Each sequence decodes to its event")
    func table() {
        for (input, expected) in Self.cases {
            var decoder = InputDecoder()
            #expect(decoder.feed(Array(input.utf8)) == expected, "\(input.debugDescription)")
            #expect(!decoder.hasPendingInput, "\(input.debugDescription)")
        }
    }

    @Test("Every sequence split at every byte boundary decodes the same")
    func splitEverywhere() {
        for (input, expected) in Self.cases {
            let bytes = Array(input.utf8)
            for cut in 0...bytes.count {
                var decoder = InputDecoder()
                let events = decoder.feed(bytes[0..<cut]) + decoder.feed(bytes[cut...])
                #expect(events == expected, "\(input.debugDescription) cut at \(cut)")
            }
            var decoder = InputDecoder() // one byte per read
            #expect(bytes.flatMap { decoder.feed([$0]) } == expected, "\(input.debugDescription) byte by byte")
        }
    }

    @Test("The whole stream split into random chunks decodes the same", arguments: [UInt64(11), 12, 13, 14])
    func randomChunks(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let bytes = Self.all
        for _ in 0..<50 {
            var decoder = InputDecoder()
            var events: [InputEvent] = []
            var index = 0
            while index < bytes.count {
                let length = Int.random(in: 1...7, using: &random)
                events += decoder.feed(bytes[index..<min(bytes.count, index + length)])
                index += length
            }
            #expect(events == Self.allEvents, "seed \(seed)")
        }
    }

    @Test("A lone ESC is the Escape key only after the timeout flush")
    func loneEscape() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.hasPendingEscape)
        #expect(decoder.flush() == [.key(KeyEvent(.escape))])
        #expect(decoder.feed(Array("\u{1B}[".utf8)).isEmpty)
        #expect(decoder.flush().isEmpty) // an unfinished sequence is dropped, not misread
        #expect(decoder.feed(Array("a".utf8)) == [.character("a")])
    }

    @Test("A slow paste or a slow UTF-8 scalar survives the ESC timeout flush")
    func slowSender() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~张".utf8)).isEmpty)
        #expect(decoder.flush().isEmpty)
        #expect(!decoder.needsFlush)
        #expect(decoder.feed(Array("三\u{1B}[201~".utf8)) == [.paste("张三")])
        let zhong = Array("中".utf8)
        #expect(decoder.feed(zhong.prefix(2)).isEmpty)
        #expect(decoder.flush().isEmpty)
        #expect(decoder.feed(zhong.suffix(1)) == [.character("中")])
    }

    @Test("Invalid UTF-8 and stray bytes are dropped, valid text around them survives")
    func invalidUTF8() {
        var decoder = InputDecoder()
        let bytes: [UInt8] = [0x61, 0xFF, 0x80, 0xE4, 0xB8, 0x62, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xE4, 0xB8, 0xAD]
        #expect(decoder.feed(bytes) == [.character("a"), .character("b"), .character("中")])
    }

    @Test("Random bytes never crash the decoder and it recovers afterwards", arguments: [UInt64(21), 22, 23, 24, 25])
    func fuzz(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var decoder = InputDecoder()
        var produced = 0
        for _ in 0..<2_000 {
            var chunk = random.bytes(Int.random(in: 1...32, using: &random))
            if Bool.random(using: &random) { chunk.insert(0x1B, at: 0) } // more escape sequences
            if Int.random(in: 0..<4, using: &random) == 0 { chunk += Array("\u{1B}[<".utf8) }
            produced += decoder.feed(chunk).count
            if Int.random(in: 0..<10, using: &random) == 0 { produced += decoder.flush().count }
        }
        _ = decoder.flush()
        // Leave any paste in progress, then check the decoder works normally again.
        _ = decoder.feed(Array("\u{1B}[201~".utf8))
        _ = decoder.flush()
        #expect(decoder.feed(Array("\u{1B}[<0;2;3M".utf8)) == [.mouse(MouseEvent(.press, .left, at: Point(x: 1, y: 2)))], "seed \(seed)")
        #expect(produced > 0)
    }

    @Test("An endless paste is bounded and still ends at the end marker")
    func longPaste() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~".utf8)).isEmpty)
        let chunk = [UInt8](repeating: 0x41, count: 10_000)
        for _ in 0..<20 { #expect(decoder.feed(chunk).isEmpty) }
        let events = decoder.feed(Array("\u{1B}[201~ok".utf8))
        #expect(events.count == 3)
        if case .paste(let text) = events.first { #expect(text.utf8.count <= 64 * 1024 + 6) } else { Issue.record("no paste") }
    }
}
