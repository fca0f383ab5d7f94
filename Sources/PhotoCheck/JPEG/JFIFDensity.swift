/// Writes the JFIF density (dots per inch) into an encoded file.
///
/// TurboJPEG 2.x has no density parameter, but it always writes the JFIF APP0 right after SOI;
/// the density is five bytes at a fixed place in it. When the file has no JFIF segment, one is
/// inserted after SOI.
public enum JFIFDensity {
    public static func set(dpi: Int, in jpeg: [UInt8]) -> [UInt8] {
        let d = UInt8(truncatingIfNeeded: dpi >> 8), e = UInt8(truncatingIfNeeded: dpi)
        let jfifHead: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]
        if jpeg.count > 20, Array(jpeg[0..<11]) == jfifHead {
            var out = jpeg
            out[13] = 1                       // unit: dots per inch
            out[14] = d; out[15] = e          // X density
            out[16] = d; out[17] = e          // Y density
            return out
        }
        guard jpeg.count >= 2 else { return jpeg }
        let app0: [UInt8] = [0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 1, d, e, d, e, 0, 0]
        return [0xFF, 0xD8] + app0 + jpeg[2...]
    }
}
