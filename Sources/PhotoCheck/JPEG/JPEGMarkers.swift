import KioskDomain

/// The facts a photo rule needs from a JPEG file's marker segments, read without decoding.
///
/// TurboJPEG 2.x exposes neither the coding process (baseline or progressive), nor the JFIF
/// density, nor EXIF, so this scanner walks the segments itself. It reads outside bytes, so every
/// access is bounds-checked and every malformed layout is a thrown `JPEGMarkerError`, never a trap.
public struct JPEGMarkers: Sendable, Equatable {
    /// How the frame is coded, from the SOFn marker.
    public enum CodingProcess: String, Sendable, Equatable, Codable {
        case baseline            // SOF0
        case extendedSequential  // SOF1
        case progressive         // SOF2
        case lossless            // SOF3
        case arithmetic          // SOF9…SOF15 and hierarchical
    }

    public var process: CodingProcess
    public var width: Int
    public var height: Int
    public var components: Int
    public var precision: Int
    /// JFIF APP0: units (0 none, 1 dpi, 2 dots/cm) and densities; nil without a JFIF segment.
    public var density: Density?
    /// Adobe APP14 transform flag (0 none / CMYK, 1 YCbCr, 2 YCCK); nil without the segment.
    public var adobeTransform: Int?
    /// EXIF orientation (1…8) from APP1 IFD0 tag 0x0112; nil when absent or unreadable.
    public var exifOrientation: Int?
    /// Quantisation tables by slot (0…3), in zig-zag order as stored.
    public var quantTables: [Int: [Int]]
    /// Slot of the quantisation table used by the first component (the luma table).
    public var lumaTableSlot: Int?

    public struct Density: Sendable, Equatable {
        public var unit: Int
        public var x: Int
        public var y: Int
        /// The density in dots per inch, when the unit says so.
        public var dpi: Double? {
            switch unit {
            case 1: return Double(x)
            case 2: return Double(x) * 2.54
            default: return nil
            }
        }
    }
}

/// Why the marker segments of a file could not be read.
public struct JPEGMarkerError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String
    public var offset: Int
    public var description: String { "\(reason) (at byte \(offset))" }
}

extension JPEGMarkers {
    /// Scans `bytes` from SOI up to the first SOS. Throws when the file is not a JPEG or the
    /// segments before the image data are malformed.
    public static func scan(_ bytes: [UInt8]) throws(JPEGMarkerError) -> JPEGMarkers {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else {
            throw JPEGMarkerError(reason: "not a JPEG file (no SOI marker FFD8)", offset: 0)
        }
        var result = JPEGMarkers(process: .baseline, width: 0, height: 0, components: 0, precision: 0,
                                 density: nil, adobeTransform: nil, exifOrientation: nil,
                                 quantTables: [:], lumaTableSlot: nil)
        var sawFrame = false
        var i = 2
        while i < bytes.count {
            guard bytes[i] == 0xFF else {
                throw JPEGMarkerError(reason: "expected a marker, found byte \(bytes[i])", offset: i)
            }
            // Fill bytes (FF FF …) may precede a marker.
            var m = i + 1
            while m < bytes.count, bytes[m] == 0xFF { m += 1 }
            guard m < bytes.count else { break }
            let marker = bytes[m]
            i = m + 1
            if marker == 0xD9 { break }                       // EOI before any scan
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { continue } // no length
            guard i + 2 <= bytes.count else {
                throw JPEGMarkerError(reason: "segment length missing", offset: i)
            }
            let length = Int(bytes[i]) << 8 | Int(bytes[i + 1])
            guard length >= 2, i + length <= bytes.count else {
                throw JPEGMarkerError(reason: "segment FF\(Hex.byte(marker)) overruns the file", offset: i)
            }
            let body = ArraySlice(bytes[(i + 2)..<(i + length)])
            switch marker {
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                try readFrame(body, marker: marker, offset: i, into: &result)
                sawFrame = true
            case 0xDB:
                try readQuantTables(body, offset: i, into: &result)
            case 0xE0:
                readJFIF(body, into: &result)
            case 0xE1:
                if result.exifOrientation == nil { result.exifOrientation = ExifOrientation.read(app1: body) }
            case 0xEE:
                if body.count >= 12, Array(body.prefix(5)) == Array("Adobe".utf8) {
                    result.adobeTransform = Int(body[body.startIndex + 11])
                }
            case 0xDA:
                guard sawFrame else { throw JPEGMarkerError(reason: "scan before frame header", offset: i) }
                return result
            default:
                break
            }
            i += length
        }
        throw JPEGMarkerError(reason: sawFrame ? "no image data (SOS) found" : "no frame header (SOF) found",
                              offset: bytes.count)
    }

    private static func readFrame(_ body: ArraySlice<UInt8>, marker: UInt8, offset: Int,
                                  into result: inout JPEGMarkers) throws(JPEGMarkerError) {
        let b = Array(body)
        guard b.count >= 6 else { throw JPEGMarkerError(reason: "frame header too short", offset: offset) }
        result.precision = Int(b[0])
        result.height = Int(b[1]) << 8 | Int(b[2])
        result.width = Int(b[3]) << 8 | Int(b[4])
        result.components = Int(b[5])
        guard b.count >= 6 + 3 * result.components else {
            throw JPEGMarkerError(reason: "frame header lists more components than it holds", offset: offset)
        }
        if result.components > 0 { result.lumaTableSlot = Int(b[8]) }
        switch marker {
        case 0xC0: result.process = .baseline
        case 0xC1: result.process = .extendedSequential
        case 0xC2: result.process = .progressive
        case 0xC3: result.process = .lossless
        default: result.process = .arithmetic
        }
    }

    private static func readQuantTables(_ body: ArraySlice<UInt8>, offset: Int,
                                        into result: inout JPEGMarkers) throws(JPEGMarkerError) {
        let b = Array(body)
        var j = 0
        while j < b.count {
            let precision = Int(b[j] >> 4), slot = Int(b[j] & 0x0F)
            let size = precision == 0 ? 64 : 128
            guard slot < 4, j + 1 + size <= b.count else {
                throw JPEGMarkerError(reason: "quantisation table malformed", offset: offset + j)
            }
            var table = [Int](repeating: 0, count: 64)
            for k in 0..<64 {
                table[k] = precision == 0 ? Int(b[j + 1 + k])
                    : Int(b[j + 1 + 2 * k]) << 8 | Int(b[j + 2 + 2 * k])
            }
            result.quantTables[slot] = table
            j += 1 + size
        }
    }

    private static func readJFIF(_ body: ArraySlice<UInt8>, into result: inout JPEGMarkers) {
        let b = Array(body)
        guard b.count >= 12, Array(b[0..<5]) == [0x4A, 0x46, 0x49, 0x46, 0x00] else { return }
        result.density = Density(unit: Int(b[7]), x: Int(b[8]) << 8 | Int(b[9]), y: Int(b[10]) << 8 | Int(b[11]))
    }
}
