/// Bytes as hexadecimal text, in the two forms the project writes: upper-case for technicians
/// (`3F`, `AA AA 96` in reader and JPEG messages) and lower-case without separators for wire
/// formats (hashes, signatures, key files). A table lookup, not `String(format:)`, which was a
/// tenth of a drain's CPU when hashes were formatted per byte.
public enum Hex {
    private static let upperDigits = Array("0123456789ABCDEF".utf8)
    private static let lowerDigits = Array("0123456789abcdef".utf8)

    /// `3F`
    public static func byte(_ byte: UInt8) -> String {
        String(decoding: [upperDigits[Int(byte >> 4)], upperDigits[Int(byte & 0x0F)]], as: UTF8.self)
    }

    /// `AA AA 96`
    public static func spaced(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map(byte).joined(separator: " ")
    }

    /// `e3b0c442…`
    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(lowerDigits[Int(byte >> 4)])
            text.append(lowerDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
