/// Sum and squared-sum integral images, (w+1)×(h+1), zero first row and column.
struct IntegralImages {
    let width: Int, height: Int
    var stride: Int { width + 1 }
    var sum: [Int32]
    var squares: [Int64]

    init(_ image: GrayImage) {
        let width = image.width, height = image.height
        self.width = width; self.height = height
        let stride = width + 1
        var s = [Int32](repeating: 0, count: stride * (height + 1))
        var q = [Int64](repeating: 0, count: stride * (height + 1))
        image.pixels.withUnsafeBufferPointer { px in
            s.withUnsafeMutableBufferPointer { s in
                q.withUnsafeMutableBufferPointer { q in
                    for y in 0..<height {
                        var rowSum: Int32 = 0, rowSq: Int64 = 0
                        let src = y * width, above = y * stride, here = (y + 1) * stride
                        for x in 0..<width {
                            let v = Int32(px[src + x])
                            rowSum += v; rowSq += Int64(v * v)
                            s[here + x + 1] = s[above + x + 1] + rowSum
                            q[here + x + 1] = q[above + x + 1] + rowSq
                        }
                    }
                }
            }
        }
        sum = s; squares = q
    }
}
