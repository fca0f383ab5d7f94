import Foundation
import ReceiptPrinterTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import ReceiptPrinter
import Testing
import TestTraits

@Suite(.computeBound) struct ESCPOSWriterTests {
    let model = PrinterModel.standard80mm

    /// Reference vector produced by python-escpos 3.1:
    /// `Dummy().qr("https://ywtb.example.gov.cn/progress?no=CQ01-20261123-0001", native=True, size=6, ec=QR_ECLEVEL_L)`.
    @Test func qrBytesEqualPythonEscposReferenceVector() {
        let payload = Array("https://ywtb.example.gov.cn/progress?no=CQ01-20261123-0001".utf8)
        let expected = hex("1d286b0400314132001d286b03003143061d286b03003145301d286b3d0031503068747470733a2f2f797774622e6578616d706c652e676f762e636e2f70726f67726573733f6e6f3d435130312d32303236313132332d303030311d286b0300315130")
        #expect(ESCPOSWriter.qrBytes(payload, moduleSize: 6, errorCorrection: .low) == expected)
    }

    @Test func qrStoreLengthUsesBothLengthBytes() {
        let payload = [UInt8](repeating: 0x41, count: 300)
        let bytes = ESCPOSWriter.qrBytes(payload, moduleSize: 3, errorCorrection: .medium)
        // Store function: 1D 28 6B pL pH 31 50 30, pL/pH = 303 = 0x012F.
        let store = bytes.indices.first { bytes[$0] == 0x1D && bytes[$0 + 5] == 0x31 && bytes[$0 + 6] == 0x50 }!
        #expect(Array(bytes[store..<store + 8]) == [0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30])
    }

    /// python-escpos 3.1 `cut()` sends `1B 64 06 1D 56 00`; ours is the same with the model's
    /// feed and cutter.
    @Test func cutMatchesPythonEscposForTheSameFeedAndMode() {
        var full = model
        full.cutter = .full
        full.feedBeforeCut = 6
        var writer = ESCPOSWriter(model: full)
        writer.cut()
        #expect(writer.bytes == [0x1B, 0x64, 0x06, 0x1D, 0x56, 0x00])
        var partial = ESCPOSWriter(model: model)
        partial.cut()
        #expect(partial.bytes == [0x1B, 0x64, 0x04, 0x1D, 0x56, 0x01])
        var none = model
        none.cutter = .none
        var feedOnly = ESCPOSWriter(model: none)
        feedOnly.cut()
        #expect(feedOnly.bytes == [0x1B, 0x64, 0x04])
    }

    @Test func chineseTextIsFramedInChineseModeAndASCIIIsNot() {
        var writer = ESCPOSWriter(model: model)
        writer.text("回执")
        writer.text("CQ01")
        #expect(writer.bytes == [0x1C, 0x26, 0xBB, 0xD8, 0xD6, 0xB4, 0x1C, 0x2E] + Array("CQ01".utf8))
        var utf8Model = model
        utf8Model.encoding = .utf8
        utf8Model.chineseMode = false
        var plain = ESCPOSWriter(model: utf8Model)
        plain.text("回执")
        #expect(plain.bytes == Array("回执".utf8))
    }

    @Test func styleCommands() {
        var writer = ESCPOSWriter(model: model)
        writer.initialize()
        writer.align(.center)
        writer.bold(true)
        writer.size(width: 2, height: 2)
        writer.feed(lines: 3)
        #expect(writer.bytes == [0x1B, 0x40, 0x1B, 0x61, 0x01, 0x1B, 0x45, 0x01, 0x1D, 0x21, 0x11, 0x1B, 0x64, 0x03])
    }

    @Test func yuanSignUsesTheFullWidthForm() {
        #expect(ReceiptTextEncoding.gb18030.encode("￥") == [0xA3, 0xA4])
        // U+00A5 needs four bytes in GB18030, which many printers cannot show.
        #expect(ReceiptTextEncoding.gb18030.encode("¥").count == 4)
    }

    @Test func unencodableCharacterBecomesOneQuestionMark() {
        #expect(ReceiptTextEncoding.gbk.encode("a😀b") == Array("a?b".utf8))
    }
}

func hex(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex {
        let next = text.index(index, offsetBy: 2)
        out.append(UInt8(text[index..<next], radix: 16)!)
        index = next
    }
    return out
}

@Suite(.computeBound) struct TextEncodingTests {
    /// iconv (the encoder) and Foundation (the decoder, and the fallback encoder) agree.
    @Test func iconvAndFoundationAgree() throws {
        var rng = SeededRandom(seed: 7)
        let alphabet = Array("军人退役一件事一次办受理回执，。、（）“”：；ABCxyz0123456789-/ ￥①Ⅰ䶮〇") + ["😀", "¥", "é"]
        for _ in 0..<500 {
            let text = String((0..<Int(rng.next() % 40)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let viaIconv = ReceiptTextEncoding.gb18030.encode(text)
            let viaFoundation = [UInt8](try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632))))
            #expect(viaIconv == viaFoundation, "\(text)")
            #expect(ReceiptTextEncoding.gb18030.decode(viaIconv) == text)
        }
    }

    @Test func gbkReplacesWhatItLacksCharacterByCharacter() {
        // GBK has no ¥ (U+00A5) and no emoji; the rest of the line survives.
        #expect(ReceiptTextEncoding.gbk.encode("回¥执😀") == [0xBB, 0xD8, 0x3F, 0xD6, 0xB4, 0x3F])
    }
}
