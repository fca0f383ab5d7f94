/// EXIF orientation (TIFF tag 0x0112), read by hand because libjpeg does not apply it and
/// TurboJPEG 2.x does not expose APP1. A phone photo held sideways is stored rotated with this
/// tag set; a card office that ignores the tag would print it on its side.
public enum ExifOrientation {
    /// Reads the orientation from an APP1 segment body ("Exif\0\0" + TIFF). Nil when the body is
    /// not EXIF, is malformed, or has no valid orientation tag.
    public static func read(app1 body: ArraySlice<UInt8>) -> Int? {
        let b = Array(body)
        guard b.count >= 14, Array(b[0..<6]) == [0x45, 0x78, 0x69, 0x66, 0, 0] else { return nil }
        let tiff = Array(b[6...])
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= tiff.count else { return nil }
            return little ? Int(tiff[at]) | Int(tiff[at + 1]) << 8 : Int(tiff[at]) << 8 | Int(tiff[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let lo = u16(little ? at : at + 2), let hi = u16(little ? at + 2 : at) else { return nil }
            return hi << 16 | lo
        }
        guard u16(2) == 42, let ifd = u32(4), let count = u16(ifd) else { return nil }
        for entry in 0..<min(count, 512) {
            let at = ifd + 2 + entry * 12
            guard let tag = u16(at) else { return nil }
            if tag == 0x0112 {
                guard let type = u16(at + 2), type == 3, let value = u16(at + 8), (1...8).contains(value) else { return nil }
                return value
            }
        }
        return nil
    }
}
