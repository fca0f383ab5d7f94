/// The SAM_V frame envelope shared by commands and responses (GA/T 467 §7):
/// `AA AA AA 96 69 | LEN_hi LEN_lo | body… | CHK`.
///
/// `LEN` counts the body plus the checksum byte; the checksum is the XOR of `LEN_hi` through the
/// last body byte. The body is `CMD PARA DATA…` host → reader and `SW1 SW2 SW3 DATA…` back.
public enum SAMFrame {
    /// Three sync bytes, then `96 69` marking the start of a frame.
    public static let preamble: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69]
    /// Preamble plus the two length bytes.
    public static let headerLength = 7

    /// The largest `LEN` any reader answer can carry: text + photo + two fingerprint templates
    /// (`09 0A`, 2321 bytes in all). The decoder refuses anything longer.
    public static let largestResponseLength = 0x090A
    /// Commands are short: `CMD PARA [one data byte] CHK`.
    public static let largestCommandLength = 0x0010

    /// Encodes a body into a full frame, length and checksum included.
    public static func encode(body: some Collection<UInt8>) -> [UInt8] {
        let length = body.count + 1
        precondition(length <= 0xFFFF, "a SAM frame body is at most 65534 bytes")
        var frame = preamble
        frame.reserveCapacity(headerLength + length)
        frame.append(UInt8(truncatingIfNeeded: length >> 8))
        frame.append(UInt8(truncatingIfNeeded: length))
        frame.append(contentsOf: body)
        frame.append(checksum(frame[5...]))
        return frame
    }

    /// XOR of every byte given (pass `LEN_hi` through the last body byte).
    @inlinable
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt8 {
        var x: UInt8 = 0
        for b in bytes { x ^= b }
        return x
    }

    /// Bytes on the wire for a frame of `bodyCount` body bytes.
    public static func wireSize(bodyCount: Int) -> Int { headerLength + bodyCount + 1 }
}
