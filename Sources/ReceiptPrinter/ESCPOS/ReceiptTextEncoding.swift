import Foundation

/// The byte encoding a printer model expects for text (per model in `Devices/printers/`).
///
/// Chinese-market ESC/POS printers read GB18030 (or its GBK subset) double-byte text in their
/// Chinese mode; a few newer ones read UTF-8. The choice is data, not code, because the same
/// receipt must print on whichever model a hall bought.
public enum ReceiptTextEncoding: String, Codable, Sendable, CaseIterable {
    case gb18030 = "GB18030"
    case gbk = "GBK"
    case utf8 = "UTF-8"

    /// Foundation's value for `kCFStringEncodingGB_18030_2000` (works on Linux and round-trips).
    static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)
    /// Foundation's value for `kCFStringEncodingDOSChineseSimplif` (CP936, i.e. GBK).
    static let foundationGBK = String.Encoding(rawValue: 0x8000_0421)

    var foundationEncoding: String.Encoding {
        switch self {
        case .gb18030: Self.foundationGB18030
        case .gbk: Self.foundationGBK
        case .utf8: .utf8
        }
    }

    /// True for the GB family, whose non-ASCII characters print as full-width glyphs in
    /// Chinese mode (so they always take two columns, whatever Unicode says about them).
    public var isDoubleByteFamily: Bool { self != .utf8 }

    /// The byte for a character the printer cannot show.
    public static let replacement: UInt8 = UInt8(ascii: "?")

    /// Encodes `text`; a character the encoding cannot represent becomes `?` (one per character),
    /// so one odd character never loses the whole line. The C library's iconv does the work
    /// (16 times faster than Foundation here); Foundation is the fallback and the decoder.
    public func encode(_ text: String) -> [UInt8] {
        if self == .utf8 { return Array(text.utf8) }
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return Array(text.utf8) }
        if let bytes = IconvEncoder.encode(text, charset: rawValue, replacement: Self.replacement) { return bytes }
        if let data = text.data(using: foundationEncoding, allowLossyConversion: false) {
            return [UInt8](data)
        }
        var bytes: [UInt8] = []
        for character in text {
            if let data = String(character).data(using: foundationEncoding, allowLossyConversion: false) {
                bytes += data
            } else {
                bytes.append(Self.replacement)
            }
        }
        return bytes
    }

    /// Decodes printer bytes back to text (tests read what reached the printer this way).
    public func decode(_ bytes: some Collection<UInt8>) -> String? {
        String(data: Data(bytes), encoding: foundationEncoding)
    }

    /// Whether `character` survives encode → decode unchanged.
    public func roundTrips(_ character: Character) -> Bool {
        let bytes = encode(String(character))
        return !bytes.isEmpty && decode(bytes) == String(character)
            && !(bytes == [Self.replacement] && character != "?")
    }
}
