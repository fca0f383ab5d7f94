/// The cheap, non-neural measurements behind the checks (photo-checks.md §2 substitutes).
enum ImageMeasures {
    /// Background statistics over the top corners, a thin top strip (above the minimum head-top
    /// margin) and narrow side strips beside the head — places that are background in any
    /// correctly framed ID photo (the bottom holds the shoulders). Statistics are robust
    /// (medians, inter-percentile spread) so a lock of hair reaching an edge is not "uneven".
    struct Background {
        /// Per-channel median.
        var mean: (r: Double, g: Double, b: Double)
        /// (P90 − P10) of luma / 2.56: the standard deviation for a normal spread.
        var lumaSpread: Double
        var leftLuma: Double
        var rightLuma: Double
    }

    static func regions(width w: Int, height h: Int) -> (left: [PixelRect], right: [PixelRect]) {
        let cw = max(1, w / 5), ch = max(1, h * 3 / 20)
        let sw = max(1, w * 4 / 100), sh = max(1, h * 50 / 100 - ch)
        let strip = max(1, h * 15 / 1000), half = w / 2
        return ([PixelRect(x: 0, y: 0, width: cw, height: ch), PixelRect(x: 0, y: ch, width: sw, height: sh),
                 PixelRect(x: cw, y: 0, width: max(0, half - cw), height: strip)],
                [PixelRect(x: w - cw, y: 0, width: cw, height: ch), PixelRect(x: w - sw, y: ch, width: sw, height: sh),
                 PixelRect(x: half, y: 0, width: max(0, w - cw - half), height: strip)])
    }

    static func background(_ image: RGBImage, luma: GrayImage) -> Background {
        let (left, right) = regions(width: image.width, height: image.height)
        var hist = [[Int]](repeating: [Int](repeating: 0, count: 256), count: 3)
        var lumaHist = [[Int]](repeating: [Int](repeating: 0, count: 256), count: 2)
        for (s, rects) in [left, right].enumerated() {
            for rect in rects.map({ $0.clipped(width: image.width, height: image.height) }) where rect.area > 0 {
                for y in rect.y..<(rect.y + rect.height) {
                    for x in rect.x..<(rect.x + rect.width) {
                        let i = y * image.width + x
                        for c in 0..<3 { hist[c][Int(image.pixels[3 * i + c])] += 1 }
                        lumaHist[s][Int(luma.pixels[i])] += 1
                    }
                }
            }
        }
        let both = (0..<256).map { lumaHist[0][$0] + lumaHist[1][$0] }
        return Background(mean: (percentile(hist[0], 0.5), percentile(hist[1], 0.5), percentile(hist[2], 0.5)),
                          lumaSpread: (percentile(both, 0.9) - percentile(both, 0.1)) / 2.56,
                          leftLuma: percentile(lumaHist[0], 0.5), rightLuma: percentile(lumaHist[1], 0.5))
    }

    /// The value below which `p` of a 256-bin histogram's samples lie.
    static func percentile(_ hist: [Int], _ p: Double) -> Double {
        let total = hist.reduce(0, +)
        guard total > 0 else { return 0 }
        let goal = Double(total) * p
        var seen = 0
        for (v, n) in hist.enumerated() {
            seen += n
            if Double(seen) >= goal { return Double(v) }
        }
        return 255
    }

    /// Mean luma and the shares of under-exposed (≤ 25) and over-exposed (≥ 247) pixels.
    static func exposure(_ luma: GrayImage, in rect: PixelRect) -> (mean: Double, under: Double, over: Double) {
        var sum = 0, under = 0, over = 0
        for y in rect.y..<(rect.y + rect.height) {
            for x in rect.x..<(rect.x + rect.width) {
                let v = Int(luma.pixels[y * luma.width + x])
                sum += v
                if v <= 25 { under += 1 }
                if v >= 247 { over += 1 }
            }
        }
        let n = Double(max(1, rect.area))
        return (Double(sum) / n, Double(under) / n, Double(over) / n)
    }

    /// Side of the square the face is resampled to before measuring sharpness, so the measure
    /// does not depend on how many pixels the face happens to cover.
    static let sharpnessSide = 128

    /// Variance of the Laplacian over the face resampled to 128×128: an enlarged (soft) face
    /// and a blurred one both score low, a sharp face scores high whatever its pixel size.
    static func sharpness(_ luma: GrayImage, face: PixelRect) -> Double {
        let r = face.clipped(width: luma.width, height: luma.height)
        guard r.width > 2, r.height > 2 else { return 0 }
        var crop = [UInt8](repeating: 0, count: r.area)
        for y in 0..<r.height {
            let s = (r.y + y) * luma.width + r.x
            crop.replaceSubrange((y * r.width)..<((y + 1) * r.width), with: luma.pixels[s..<(s + r.width)])
        }
        let side = sharpnessSide
        let face = GrayImage(width: r.width, height: r.height, pixels: crop).resized(width: side, height: side)
        return laplacianVariance(face, in: PixelRect(x: 0, y: 0, width: side, height: side))
    }

    /// Variance of the 4-neighbour Laplacian inside `rect` (its one-pixel border excluded).
    static func laplacianVariance(_ luma: GrayImage, in rect: PixelRect) -> Double {
        let r = rect.clipped(width: luma.width, height: luma.height)
        guard r.width > 2, r.height > 2 else { return 0 }
        var sum = 0.0, sq = 0.0, n = 0.0
        let w = luma.width
        luma.pixels.withUnsafeBufferPointer { p in
            for y in (r.y + 1)..<(r.y + r.height - 1) {
                for x in (r.x + 1)..<(r.x + r.width - 1) {
                    let i = y * w + x
                    let v = Double(Int(p[i - 1]) + Int(p[i + 1]) + Int(p[i - w]) + Int(p[i + w]) - 4 * Int(p[i]))
                    sum += v; sq += v * v; n += 1
                }
            }
        }
        let mean = sum / n
        return sq / n - mean * mean
    }

    /// Mean chroma (max − min of R, G, B) inside `rect`: near zero for a grey photo even when it
    /// is stored with three channels.
    static func chroma(_ image: RGBImage, in rect: PixelRect) -> Double {
        var sum = 0
        for y in rect.y..<(rect.y + rect.height) {
            for x in rect.x..<(rect.x + rect.width) {
                let i = 3 * (y * image.width + x)
                let r = image.pixels[i], g = image.pixels[i + 1], b = image.pixels[i + 2]
                sum += Int(max(r, g, b)) - Int(min(r, g, b))
            }
        }
        return Double(sum) / Double(max(1, rect.area))
    }

    /// The first row from the top, within the face's middle columns, where at least 30 % of the
    /// pixels differ clearly from the background: the top of the hair.
    static func headTop(_ image: RGBImage, face: PixelRect, background: Background) -> Int {
        let x0 = max(0, face.x + face.width / 4), x1 = min(image.width, face.x + face.width * 3 / 4)
        guard x1 > x0 else { return face.y }
        for y in 0..<max(1, min(image.height, face.y + face.height / 2)) {
            var differing = 0
            for x in x0..<x1 {
                let i = 3 * (y * image.width + x)
                let dr = Double(image.pixels[i]) - background.mean.r, dg = Double(image.pixels[i + 1]) - background.mean.g
                let db = Double(image.pixels[i + 2]) - background.mean.b
                if dr * dr + dg * dg + db * db > 40 * 40 { differing += 1 }
            }
            if differing * 10 >= (x1 - x0) * 3 { return y }
        }
        return face.y
    }
}
