/// Reads back what a receipt printer would print from an ESC/POS byte stream: the text bytes
/// (still in the printer's encoding, with LF line ends), with the commands removed and the QR
/// payloads collected. Tests decode the text and check it byte-wise (privacy, wording, 补打).
public enum ESCPOSStrip {
    public struct Parsed: Equatable, Sendable {
        public var text: [UInt8] = []
        public var qrPayloads: [[UInt8]] = []
        public var cuts = 0
    }

    /// Text bytes only.
    public static func text(of bytes: [UInt8]) -> [UInt8] { parse(bytes).text }

    /// Never traps, whatever the input (truncated commands end the parse).
    public static func parse(_ bytes: [UInt8]) -> Parsed {
        var out = Parsed()
        var i = 0
        func byte(_ k: Int) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x1B: // ESC
                switch byte(1) {
                case 0x40: i += 2
                case 0x61, 0x45, 0x64, 0x21, 0x2D, 0x4D, 0x74: i += 3
                default: i += 2
                }
            case 0x1D: // GS
                switch byte(1) {
                case 0x21: i += 3
                case 0x56:
                    out.cuts += 1
                    i += byte(2) == 0x41 || byte(2) == 0x42 ? 4 : 3
                case 0x28:
                    guard let pL = byte(3), let pH = byte(4) else { return out }
                    let length = Int(pL) | Int(pH) << 8
                    let body = i + 5
                    if byte(2) == 0x6B, byte(5) == 0x31, byte(6) == 0x50, length >= 3 {
                        let start = body + 3, end = min(body + length, bytes.count)
                        if start <= end { out.qrPayloads.append(Array(bytes[start..<end])) }
                    }
                    i = body + length
                default: i += 2
                }
            case 0x1C: // FS & / FS .
                i += 2
            case 0x10: // DLE EOT n
                i += 3
            default:
                out.text.append(b)
                i += 1
            }
        }
        return out
    }
}
