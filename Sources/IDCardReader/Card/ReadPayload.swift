/// The data of a successful read answer (`30 01` / `30 10`), split into its parts:
/// `textLen photoLen [fingerprintLen] | text | photo | [fingerprint]`, lengths big-endian.
public struct ReadPayload: Sendable, Equatable {
    public var text: [UInt8]
    public var photo: [UInt8]
    /// How many 512-byte fingerprint templates followed (0, 1 or 2); their bytes are dropped.
    public var fingerprintTemplates: Int

    public static let fingerprintTemplateLength = 512

    /// Splits the data after SW3. `withFingerprint` says which command was sent, since the two
    /// answers differ only by the third length field.
    public init(data: [UInt8], withFingerprint: Bool) throws(CardDataProblem) {
        let fieldCount = withFingerprint ? 3 : 2
        guard data.count >= fieldCount * 2 else {
            throw .malformedPayload("expected \(fieldCount) length fields, found \(data.count) bytes")
        }
        let lengths = (0..<fieldCount).map { Int(data[2 * $0]) << 8 | Int(data[2 * $0 + 1]) }
        let expected = fieldCount * 2 + lengths.reduce(0, +)
        guard expected == data.count else {
            throw .malformedPayload("length fields \(lengths) need \(expected) bytes, found \(data.count)")
        }
        var offset = fieldCount * 2
        text = Array(data[offset..<(offset + lengths[0])])
        offset += lengths[0]
        photo = Array(data[offset..<(offset + lengths[1])])
        offset += lengths[1]
        if withFingerprint {
            let fpLength = lengths[2]
            guard fpLength % ReadPayload.fingerprintTemplateLength == 0, fpLength <= 2 * ReadPayload.fingerprintTemplateLength else {
                throw .malformedPayload("fingerprint length \(fpLength): expected 0, 512 or 1024")
            }
            fingerprintTemplates = fpLength / ReadPayload.fingerprintTemplateLength
            for t in 0..<fingerprintTemplates where data[offset + t * ReadPayload.fingerprintTemplateLength] != 0x43 {
                throw .malformedPayload("fingerprint template \(t + 1) does not start with 'C' (0x43)")
            }
        } else {
            fingerprintTemplates = 0
        }
    }

    /// Builds the data of a read answer (the simulator's side).
    public static func encode(text: [UInt8], photo: [UInt8], fingerprint: [UInt8]?) -> [UInt8] {
        func be(_ n: Int) -> [UInt8] { [UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }
        var out = be(text.count) + be(photo.count)
        if let fingerprint { out += be(fingerprint.count) }
        out += text + photo
        if let fingerprint { out += fingerprint }
        return out
    }

    /// Parses the card the payload carries.
    public func card() throws(CardDataProblem) -> IdentityCard {
        try CardTextParser.parse(text: text, photo: WLTPhoto(bytes: photo), fingerprintTemplates: fingerprintTemplates)
    }
}
