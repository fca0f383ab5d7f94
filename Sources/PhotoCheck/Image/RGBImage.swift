/// An 8-bit RGB raster, row-major, no padding. The one pixel type the checks and the fixer use.
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width * height * 3` bytes, R G B per pixel.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height * 3, "RGBImage size mismatch")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public init(width: Int, height: Int, fill: (r: UInt8, g: UInt8, b: UInt8)) {
        var p = [UInt8](repeating: 0, count: width * height * 3)
        for i in stride(from: 0, to: p.count, by: 3) { p[i] = fill.r; p[i + 1] = fill.g; p[i + 2] = fill.b }
        self.init(width: width, height: height, pixels: p)
    }

    /// BT.601 luma in OpenCV's fixed-point form (the cascade was trained on this grey).
    public func luma() -> GrayImage {
        var out = [UInt8](repeating: 0, count: width * height)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<dst.count {
                    let r = Int(src[3 * i]), g = Int(src[3 * i + 1]), b = Int(src[3 * i + 2])
                    dst[i] = UInt8((r * 4899 + g * 9617 + b * 1868 + 8192) >> 14)
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: out)
    }
}

/// An 8-bit single-channel raster, row-major.
public struct GrayImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height, "GrayImage size mismatch")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}

/// An axis-aligned rectangle in pixel coordinates.
public struct PixelRect: Sendable, Equatable, Codable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var area: Int { width * height }
    public var centreX: Double { Double(x) + Double(width) / 2 }

    /// The rectangle clipped to an image of the given size (possibly empty).
    public func clipped(width w: Int, height h: Int) -> PixelRect {
        let x0 = max(0, min(w, x)), y0 = max(0, min(h, y))
        let x1 = max(x0, min(w, x + width)), y1 = max(y0, min(h, y + height))
        return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// Intersection over union, the usual measure of two detections agreeing.
    public func iou(_ other: PixelRect) -> Double {
        let ix = max(0, min(x + width, other.x + other.width) - max(x, other.x))
        let iy = max(0, min(y + height, other.y + other.height) - max(y, other.y))
        let inter = Double(ix * iy)
        let union = Double(area + other.area) - inter
        return union > 0 ? inter / union : 0
    }

    public var description: String { "\(width)×\(height)@(\(x),\(y))" }
}
