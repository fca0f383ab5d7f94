/// The resize that builds each pyramid level: bilinear on pixel centres with OpenCV's bit-exact
/// arithmetic (`INTER_LINEAR_EXACT`, which the cascade classifier uses for its levels).
///
/// Why bit-exact: the cascade's decisions sit on thresholds, and a window whose pixels differ by
/// one grey level can pass a stage on one side and fail it on the other. Coefficients are 8-bit
/// fixed point (rounded half to even from the double source position), the horizontal pass keeps
/// 8 fraction bits, the vertical pass 16, and the result rounds half up. Positions left of the
/// first or right of the last pixel centre take that pixel alone.
extension GrayImage {
    func pyramidResized(width w: Int, height h: Int) -> GrayImage {
        if w == width && h == height { return self }
        let xs = Self.taps(source: width, destination: w)
        let ys = Self.taps(source: height, destination: h)
        var out = [UInt8](repeating: 0, count: w * h)
        var row0 = [Int](repeating: 0, count: w), row1 = row0
        var cached0 = -1, cached1 = -1
        pixels.withUnsafeBufferPointer { src in
            func horizontal(_ sy: Int, into row: inout [Int]) {
                let base = sy * width
                for x in 0..<w {
                    let t = xs[x]
                    row[x] = t.w0 * Int(src[base + t.i]) + (t.w1 == 0 ? 0 : t.w1 * Int(src[base + t.i + 1]))
                }
            }
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let t = ys[y]
                    // Consecutive output rows mostly share source rows; reuse what was computed.
                    if cached0 != t.i {
                        if cached1 == t.i { swap(&row0, &row1); swap(&cached0, &cached1) } else { horizontal(t.i, into: &row0); cached0 = t.i }
                    }
                    let second = t.w1 == 0 ? t.i : t.i + 1
                    if t.w1 != 0 && cached1 != second { horizontal(second, into: &row1); cached1 = second }
                    for x in 0..<w {
                        let v = t.w0 * row0[x] + (t.w1 == 0 ? 0 : t.w1 * row1[x])
                        dst[y * w + x] = UInt8(truncatingIfNeeded: min(255, (v + (1 << 15)) >> 16))
                    }
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: out)
    }

    /// For each destination index, the first source index and the two 8-bit weights.
    private static func taps(source: Int, destination: Int) -> [(i: Int, w0: Int, w1: Int)] {
        let scale = 1 / (Double(destination) / Double(source))
        return (0..<destination).map { d in
            var f = (Double(d) + 0.5) * scale - 0.5
            var i = Int(f.rounded(.down))
            f -= Double(i)
            if i < 0 { i = 0; f = 0 }
            if i >= source - 1 { i = source - 1; f = 0 }
            return (i, roundEven((1 - f) * 256), roundEven(f * 256))
        }
    }
}
