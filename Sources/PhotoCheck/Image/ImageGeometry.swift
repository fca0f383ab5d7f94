/// Geometry on rasters: EXIF orientation, crop with padding, resampling.
///
/// The fixer crops around the face and scales to the target size; the sharpness measure scales
/// the face to a fixed side. Bilinear sampling on pixel centres (OpenCV's INTER_LINEAR
/// convention) is used for both; for strong reductions the fixer first averages k×k blocks so
/// the result does not alias.
extension RGBImage {
    /// The image as it should be displayed, given EXIF orientation 1…8.
    public func applyingOrientation(_ orientation: Int) -> RGBImage {
        guard (2...8).contains(orientation) else { return self }
        let swap = orientation >= 5
        let ow = swap ? height : width, oh = swap ? width : height
        var out = [UInt8](repeating: 0, count: ow * oh * 3)
        for y in 0..<oh {
            for x in 0..<ow {
                // Source coordinates for display pixel (x, y), per the TIFF orientation table.
                let (sx, sy): (Int, Int)
                switch orientation {
                case 2: (sx, sy) = (width - 1 - x, y)
                case 3: (sx, sy) = (width - 1 - x, height - 1 - y)
                case 4: (sx, sy) = (x, height - 1 - y)
                case 5: (sx, sy) = (y, x)
                case 6: (sx, sy) = (y, height - 1 - x)
                case 7: (sx, sy) = (width - 1 - y, height - 1 - x)
                default: (sx, sy) = (width - 1 - y, x)   // 8
                }
                let s = (sy * width + sx) * 3, d = (y * ow + x) * 3
                out[d] = pixels[s]; out[d + 1] = pixels[s + 1]; out[d + 2] = pixels[s + 2]
            }
        }
        return RGBImage(width: ow, height: oh, pixels: out)
    }

    /// The inverse of `applyingOrientation`: what a camera would store for an upright scene.
    public func storedForOrientation(_ orientation: Int) -> RGBImage {
        switch orientation {
        case 6: return applyingOrientation(8)
        case 8: return applyingOrientation(6)
        default: return applyingOrientation(orientation)   // 2, 3, 4, 5, 7 are their own inverses
        }
    }

    /// A crop of `rect`; parts outside the image are filled with `pad`.
    public func cropped(to rect: PixelRect, pad: (r: UInt8, g: UInt8, b: UInt8)) -> RGBImage {
        var out = RGBImage(width: rect.width, height: rect.height, fill: pad)
        let inside = rect.clipped(width: width, height: height)
        guard inside.area > 0 else { return out }
        for y in inside.y..<(inside.y + inside.height) {
            let s = (y * width + inside.x) * 3
            let d = ((y - rect.y) * rect.width + (inside.x - rect.x)) * 3
            out.pixels.replaceSubrange(d..<(d + inside.width * 3), with: pixels[s..<(s + inside.width * 3)])
        }
        return out
    }

    /// Averages k×k blocks (k ≥ 1); the last partial row/column blocks are averaged over what exists.
    public func boxReduced(by k: Int) -> RGBImage {
        guard k > 1 else { return self }
        let ow = (width + k - 1) / k, oh = (height + k - 1) / k
        var out = [UInt8](repeating: 0, count: ow * oh * 3)
        for oy in 0..<oh {
            for ox in 0..<ow {
                var acc = (0, 0, 0), n = 0
                for y in (oy * k)..<min(height, oy * k + k) {
                    for x in (ox * k)..<min(width, ox * k + k) {
                        let s = (y * width + x) * 3
                        acc.0 += Int(pixels[s]); acc.1 += Int(pixels[s + 1]); acc.2 += Int(pixels[s + 2]); n += 1
                    }
                }
                let d = (oy * ow + ox) * 3
                out[d] = UInt8(acc.0 / n); out[d + 1] = UInt8(acc.1 / n); out[d + 2] = UInt8(acc.2 / n)
            }
        }
        return RGBImage(width: ow, height: oh, pixels: out)
    }

    /// Resamples to exactly `w`×`h`: block averaging for reductions beyond 2×, then bilinear.
    public func resized(width w: Int, height h: Int) -> RGBImage {
        let k = min(width / w, height / h) / 2
        let source = k > 1 ? boxReduced(by: k) : self
        return source.bilinear(width: w, height: h)
    }

    func bilinear(width w: Int, height h: Int) -> RGBImage {
        if w == width && h == height { return self }
        var out = [UInt8](repeating: 0, count: w * h * 3)
        let sx = Double(width) / Double(w), sy = Double(height) / Double(h)
        for y in 0..<h {
            let fy = max(0, min(Double(height - 1), (Double(y) + 0.5) * sy - 0.5))
            let y0 = Int(fy), y1 = min(height - 1, y0 + 1), ty = fy - Double(y0)
            for x in 0..<w {
                let fx = max(0, min(Double(width - 1), (Double(x) + 0.5) * sx - 0.5))
                let x0 = Int(fx), x1 = min(width - 1, x0 + 1), tx = fx - Double(x0)
                for c in 0..<3 {
                    let a = Double(pixels[(y0 * width + x0) * 3 + c]), b = Double(pixels[(y0 * width + x1) * 3 + c])
                    let p = Double(pixels[(y1 * width + x0) * 3 + c]), q = Double(pixels[(y1 * width + x1) * 3 + c])
                    let v = (a * (1 - tx) + b * tx) * (1 - ty) + (p * (1 - tx) + q * tx) * ty
                    out[(y * w + x) * 3 + c] = UInt8(max(0, min(255, v.rounded())))
                }
            }
        }
        return RGBImage(width: w, height: h, pixels: out)
    }
}

extension GrayImage {
    /// Bilinear resize on pixel centres in 11-bit fixed point, close to OpenCV's INTER_LINEAR
    /// (what the sharpness measure's Python baseline uses). The face detector's levels use the
    /// bit-exact `pyramidResized` instead.
    public func resized(width w: Int, height h: Int) -> GrayImage {
        if w == width && h == height { return self }
        var out = [UInt8](repeating: 0, count: w * h)
        let sx = Double(width) / Double(w), sy = Double(height) / Double(h)
        var xs0 = [Int](repeating: 0, count: w), xs1 = xs0, wx = xs0
        for x in 0..<w {
            let fx = max(0, min(Double(width - 1), (Double(x) + 0.5) * sx - 0.5))
            xs0[x] = Int(fx); xs1[x] = min(width - 1, xs0[x] + 1); wx[x] = Int(((fx - Double(xs0[x])) * 2048).rounded())
        }
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let fy = max(0, min(Double(height - 1), (Double(y) + 0.5) * sy - 0.5))
                    let y0 = Int(fy), y1 = min(height - 1, y0 + 1), wy = Int(((fy - Double(y0)) * 2048).rounded())
                    let r0 = y0 * width, r1 = y1 * width
                    for x in 0..<w {
                        let a = Int(src[r0 + xs0[x]]), b = Int(src[r0 + xs1[x]])
                        let c = Int(src[r1 + xs0[x]]), d = Int(src[r1 + xs1[x]])
                        let top = a * (2048 - wx[x]) + b * wx[x], bottom = c * (2048 - wx[x]) + d * wx[x]
                        dst[y * w + x] = UInt8((top * (2048 - wy) + bottom * wy + (1 << 21)) >> 22)
                    }
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: out)
    }
}
