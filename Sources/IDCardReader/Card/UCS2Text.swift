/// Text fields of a card's 256-byte block: UCS-2 little-endian (GB 13000), padded with spaces.
///
/// The chip's bytes are outside input: everything that is not printable text — C0/C1 controls,
/// format characters such as bidi overrides, unpaired surrogates, NULs — is removed before a
/// string leaves this module, so nothing read from a card can drive the kiosk's terminal.
public enum UCS2Text {
    /// Decodes `bytes` (an even count; an odd trailing byte is ignored) and cleans the result.
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var it = bytes.makeIterator()
        while let lo = it.next(), let hi = it.next() {
            let unit = UInt32(lo) | UInt32(hi) << 8
            guard let scalar = Unicode.Scalar(unit), isPrintable(scalar) else { continue }
            scalars.append(scalar)
        }
        return String(scalars).trimmingSpaces()
    }

    /// Whether a scalar may reach a screen: not a control, format, surrogate or unassigned code.
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: false
        default: true
        }
    }

    /// Removes control characters from text that came from outside (same rule as `decode`).
    public static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter(isPrintable))).trimmingSpaces()
    }

    /// Encodes `text` into exactly `byteCount` bytes, padded with spaces (the simulator's side).
    /// Characters beyond the field are cut; a character outside the BMP becomes `?`.
    public static func encode(_ text: String, byteCount: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(byteCount)
        for scalar in text.unicodeScalars {
            guard out.count + 2 <= byteCount else { break }
            let unit = scalar.value <= 0xFFFF ? UInt16(scalar.value) : 0x3F
            out.append(UInt8(unit & 0xFF))
            out.append(UInt8(unit >> 8))
        }
        while out.count + 2 <= byteCount { out += [0x20, 0x00] }
        if out.count < byteCount { out.append(0x20) }
        return out
    }
}

extension String {
    /// Trims ASCII and ideographic spaces at both ends (card fields are space-padded).
    func trimmingSpaces() -> String {
        let isPad: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isPad($0) }), let last = lastIndex(where: { !isPad($0) }) else { return "" }
        return String(self[first...last])
    }
}
