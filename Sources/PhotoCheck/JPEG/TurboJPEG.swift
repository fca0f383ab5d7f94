import CTurboJPEG

/// Decoding and encoding through TurboJPEG, with the guards that make outside files safe.
///
/// TurboJPEG catches libjpeg's errors with its own setjmp and returns -1, so a corrupt file is an
/// error value here, never a process exit. Every call opens and closes its own handle: handles
/// are not thread-safe, and opening one costs microseconds next to a decode.
public enum TurboJPEG {
    /// Limits that keep a hostile file from exhausting memory or time.
    public struct Limits: Sendable, Equatable {
        /// Largest pixel count decoded (a 40 MP phone photo decodes to 120 MB of RGB).
        public var maxPixels: Int = 40_000_000
        /// Largest side in pixels.
        public var maxSide: Int = 12_000
        public init() {}
        public init(maxPixels: Int, maxSide: Int) { self.maxPixels = maxPixels; self.maxSide = maxSide }
    }

    /// Why a file could not be decoded.
    public struct DecodeError: Error, Equatable, Sendable, CustomStringConvertible {
        public enum Kind: String, Sendable, Equatable { case notJPEG, tooLarge, corrupt }
        public var kind: Kind
        public var detail: String
        public var description: String { "\(kind.rawValue): \(detail)" }
    }

    /// Width, height and colourspace from the frame header (TurboJPEG's own parse).
    public struct Header: Sendable, Equatable {
        public var width: Int
        public var height: Int
        /// TJCS_RGB 0, YCbCr 1, GRAY 2, CMYK 3, YCCK 4.
        public var colorspace: Int32
        public var isCMYK: Bool { colorspace == Int32(TJCS_CMYK.rawValue) || colorspace == Int32(TJCS_YCCK.rawValue) }
        public var isGray: Bool { colorspace == Int32(TJCS_GRAY.rawValue) }
    }

    public static func header(_ data: [UInt8]) throws(DecodeError) -> Header {
        guard let handle = tjInitDecompress() else { throw DecodeError(kind: .corrupt, detail: "tjInitDecompress failed") }
        defer { tjDestroy(handle) }
        var w: Int32 = 0, h: Int32 = 0, samp: Int32 = 0, cs: Int32 = 0
        let rc = data.withUnsafeBufferPointer { buf in
            tjDecompressHeader3(handle, buf.baseAddress, UInt(buf.count), &w, &h, &samp, &cs)
        }
        guard rc == 0 else { throw DecodeError(kind: .corrupt, detail: errorText(handle)) }
        return Header(width: Int(w), height: Int(h), colorspace: cs)
    }

    /// Decodes the whole image to RGB. Truncated or corrupt data is refused (STOPONWARNING),
    /// progressive files with absurd scan counts are refused (LIMITSCANS), and the pixel count
    /// is checked before any buffer is allocated. CMYK/YCCK files are converted from Adobe's
    /// inverted CMYK so the checks can still look at them. A caller that already read the
    /// `header` passes it, so it is not parsed twice.
    public static func decodeRGB(_ data: [UInt8], header known: Header? = nil,
                                 limits: Limits = Limits()) throws(DecodeError) -> RGBImage {
        let head: Header
        if let known { head = known } else { head = try header(data) }
        guard head.width > 0, head.height > 0, head.width <= limits.maxSide, head.height <= limits.maxSide,
              head.width * head.height <= limits.maxPixels else {
            throw DecodeError(kind: .tooLarge, detail: "\(head.width)×\(head.height) exceeds the decode limit")
        }
        guard let handle = tjInitDecompress() else { throw DecodeError(kind: .corrupt, detail: "tjInitDecompress failed") }
        defer { tjDestroy(handle) }
        let channels = head.isCMYK ? 4 : 3
        let format = head.isCMYK ? TJPF_CMYK : TJPF_RGB
        var out = [UInt8](repeating: 0, count: head.width * head.height * channels)
        let flags = Int32(TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS)
        let rc = data.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                tjDecompress2(handle, src.baseAddress, UInt(src.count), dst.baseAddress, Int32(head.width),
                              Int32(head.width * channels), Int32(head.height), Int32(format.rawValue), flags)
            }
        }
        guard rc == 0 else { throw DecodeError(kind: .corrupt, detail: errorText(handle)) }
        guard head.isCMYK else { return RGBImage(width: head.width, height: head.height, pixels: out) }
        var rgb = [UInt8](repeating: 0, count: head.width * head.height * 3)
        for i in 0..<(head.width * head.height) {
            let k = Int(out[4 * i + 3])
            for c in 0..<3 { rgb[3 * i + c] = UInt8(Int(out[4 * i + c]) * k / 255) }
        }
        return RGBImage(width: head.width, height: head.height, pixels: rgb)
    }

    /// How to encode: subsampling, quality, baseline or progressive, colour or grey or CMYK.
    public struct EncodeOptions: Sendable, Equatable {
        public enum Mode: Sendable, Equatable { case colour, gray, cmyk }
        public var quality: Int = 85
        public var progressive = false
        public var chroma420 = true
        public var mode: Mode = .colour
        public init(quality: Int = 85, progressive: Bool = false, chroma420: Bool = true, mode: Mode = .colour) {
            self.quality = quality; self.progressive = progressive; self.chroma420 = chroma420; self.mode = mode
        }
    }

    public struct EncodeError: Error, Equatable, Sendable { public var detail: String }

    /// Encodes RGB pixels. TurboJPEG writes a JFIF APP0 with density 1:1 and no unit; the fixer
    /// sets the density afterwards with `JFIFDensity.set`.
    public static func encode(_ image: RGBImage, options: EncodeOptions = EncodeOptions()) throws(EncodeError) -> [UInt8] {
        guard let handle = tjInitCompress() else { throw EncodeError(detail: "tjInitCompress failed") }
        defer { tjDestroy(handle) }
        var source = image.pixels
        var format = TJPF_RGB
        var samp = options.chroma420 ? TJSAMP_420 : TJSAMP_444
        var pitch = image.width * 3
        switch options.mode {
        case .colour: break
        case .gray:
            source = image.luma().pixels; format = TJPF_GRAY; samp = TJSAMP_GRAY; pitch = image.width
        case .cmyk:
            // Adobe-style inverted CMYK with K carrying the darkness: decodes back to the same RGB.
            source = [UInt8](repeating: 0, count: image.width * image.height * 4)
            for i in 0..<(image.width * image.height) {
                let r = image.pixels[3 * i], g = image.pixels[3 * i + 1], b = image.pixels[3 * i + 2]
                let k = max(r, g, b)
                source[4 * i + 3] = k
                for (c, v) in [r, g, b].enumerated() { source[4 * i + c] = k == 0 ? 0 : UInt8(Int(v) * 255 / Int(k)) }
            }
            format = TJPF_CMYK; pitch = image.width * 4
        }
        var flags: Int32 = 0
        if options.progressive { flags |= Int32(TJFLAG_PROGRESSIVE) }
        var jpegBuf: UnsafeMutablePointer<UInt8>? = nil
        var jpegSize: UInt = 0
        let rc = source.withUnsafeBufferPointer { src in
            tjCompress2(handle, src.baseAddress, Int32(image.width), Int32(pitch), Int32(image.height),
                        Int32(format.rawValue), &jpegBuf, &jpegSize, Int32(samp.rawValue),
                        Int32(max(1, min(100, options.quality))), flags)
        }
        defer { if let jpegBuf { tjFree(jpegBuf) } }
        guard rc == 0, let jpegBuf else { throw EncodeError(detail: errorText(handle)) }
        return Array(UnsafeBufferPointer(start: jpegBuf, count: Int(jpegSize)))
    }

    private static func errorText(_ handle: tjhandle) -> String {
        guard let text = tjGetErrorStr2(handle) else { return "unknown TurboJPEG error" }
        return String(cString: text)
    }
}
