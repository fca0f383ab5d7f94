/// Finds frontal faces with a Haar cascade: the Viola–Jones detector as OpenCV 4.x evaluates it.
///
/// For each scale f = scaleFactor^k whose window (24·f px) lies within [minSize, maxSize], the
/// grey image is resized to 1/f, its sum and squared-sum integral images are built, and every
/// window position (step 2 px below f = 2, then 1 px) is normalised by the standard deviation of
/// its inner rectangle and run through the stages. Windows with σ ≤ 10 (flat background) are
/// rejected before any stage, and a window rejected by the first stage skips its right-hand
/// neighbour (OpenCV's `result == 0` step), which halves the work on background. Raw hits are grouped (`RectangleGrouping`). Limiting the scales
/// to the face sizes a photo spec allows is what makes this cheap on an ID photo.
public struct FaceDetector: Sendable {
    public struct Parameters: Sendable, Equatable {
        public var scaleFactor: Double = 1.1
        public var minNeighbors: Int = 3
        /// Smallest and largest window side, in pixels of the input image.
        public var minSize: Int = 0
        public var maxSize: Int = .max
        public init(scaleFactor: Double = 1.1, minNeighbors: Int = 3, minSize: Int = 0, maxSize: Int = .max) {
            self.scaleFactor = scaleFactor; self.minNeighbors = minNeighbors; self.minSize = minSize; self.maxSize = maxSize
        }
    }

    /// A grouped detection and how many raw windows supported it.
    public struct Detection: Sendable, Equatable {
        public var rect: PixelRect
        public var neighbours: Int
    }

    public let cascade: HaarCascade
    private let flat: FlatCascade

    public init(cascade: HaarCascade) {
        self.cascade = cascade
        self.flat = FlatCascade(cascade)
    }

    /// Detections, largest first.
    public func detect(_ image: GrayImage, parameters: Parameters = Parameters()) -> [Detection] {
        var raw: [PixelRect] = []
        var factor = 1.0
        while true {
            defer { factor *= parameters.scaleFactor }
            let winW = Int((Double(flat.windowWidth) * factor).rounded())
            let winH = Int((Double(flat.windowHeight) * factor).rounded())
            if winW > parameters.maxSize || winH > parameters.maxSize { break }
            let sw = Int((Double(image.width) / factor).rounded()), sh = Int((Double(image.height) / factor).rounded())
            if sw < flat.windowWidth || sh < flat.windowHeight { break }
            if winW < parameters.minSize || winH < parameters.minSize { continue }
            let scaled = image.resized(width: sw, height: sh)
            let step = factor > 2 ? 1 : 2
            for p in flat.scan(IntegralImages(scaled), step: step) {
                raw.append(PixelRect(x: Int((Double(p.x) * factor).rounded()), y: Int((Double(p.y) * factor).rounded()),
                                     width: winW, height: winH))
            }
        }
        return RectangleGrouping.group(raw, minNeighbors: parameters.minNeighbors, eps: 0.2)
            .sorted { $0.rect.area > $1.rect.area }
    }
}

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

/// The cascade laid out for the inner loop: stumps in evaluation order with their rectangles.
struct FlatCascade: Sendable {
    let windowWidth: Int, windowHeight: Int
    let stageEnds: [Int]
    let stageThresholds: [Float]
    let thresholds: [Float], lefts: [Float], rights: [Float]
    /// Per stump, three rectangles (x, y, w, h) — a zero-weight third one when the feature has two.
    let rects: [Int32]
    let weights: [Float]

    init(_ c: HaarCascade) {
        windowWidth = c.windowWidth; windowHeight = c.windowHeight
        var ends: [Int] = [], stageT: [Float] = [], t: [Float] = [], l: [Float] = [], r: [Float] = []
        var rects: [Int32] = [], weights: [Float] = []
        for stage in c.stages {
            // OpenCV subtracts this epsilon when it loads a stage threshold.
            stageT.append(stage.threshold - 1e-5)
            for stump in stage.stumps {
                t.append(stump.threshold); l.append(stump.left); r.append(stump.right)
                let f = c.features[stump.feature]
                for k in 0..<3 {
                    if k < f.count {
                        rects += [Int32(f[k].x), Int32(f[k].y), Int32(f[k].width), Int32(f[k].height)]
                        weights.append(f[k].weight)
                    } else {
                        rects += [0, 0, 1, 1]; weights.append(0)
                    }
                }
            }
            ends.append(t.count)
        }
        stageEnds = ends; stageThresholds = stageT; thresholds = t; lefts = l; rights = r
        self.rects = rects; self.weights = weights
    }

    /// Window positions (in the scaled image) that pass every stage.
    func scan(_ ii: IntegralImages, step: Int) -> [(x: Int, y: Int)] {
        let stride = ii.stride
        let n = thresholds.count
        // Corner offsets of every rectangle for this image stride: p0 − p1 − p2 + p3.
        var offsets = [Int](repeating: 0, count: n * 12)
        for i in 0..<(n * 3) {
            let x = Int(rects[4 * i]), y = Int(rects[4 * i + 1]), w = Int(rects[4 * i + 2]), h = Int(rects[4 * i + 3])
            offsets[4 * i] = y * stride + x
            offsets[4 * i + 1] = y * stride + x + w
            offsets[4 * i + 2] = (y + h) * stride + x
            offsets[4 * i + 3] = (y + h) * stride + x + w
        }
        let nx = 1, ny = 1, nw = windowWidth - 2, nh = windowHeight - 2
        let n0 = ny * stride + nx, n1 = ny * stride + nx + nw, n2 = (ny + nh) * stride + nx, n3 = (ny + nh) * stride + nx + nw
        let area = Double(nw * nh)
        var hits: [(x: Int, y: Int)] = []
        let maxX = ii.width - windowWidth, maxY = ii.height - windowHeight
        guard maxX > 0, maxY > 0 else { return hits }
        stageEnds.withUnsafeBufferPointer { E in
        stageThresholds.withUnsafeBufferPointer { ST in
        ii.sum.withUnsafeBufferPointer { S in
            ii.squares.withUnsafeBufferPointer { Q in
                offsets.withUnsafeBufferPointer { O in
                    weights.withUnsafeBufferPointer { W in
                        thresholds.withUnsafeBufferPointer { T in
                            lefts.withUnsafeBufferPointer { L in
                                rights.withUnsafeBufferPointer { R in
                                    for y in Swift.stride(from: 0, to: maxY, by: step) {
                                        var x = -step
                                        while true {
                                            x += step
                                            guard x < maxX else { break }
                                            let b = y * stride + x
                                            let s = Double(S[b + n0] - S[b + n1] - S[b + n2] + S[b + n3])
                                            let q = Double(Q[b + n0] - Q[b + n1] - Q[b + n2] + Q[b + n3])
                                            var nf = area * q - s * s
                                            guard nf > 0 else { continue }
                                            nf = nf.squareRoot()
                                            let inv = Float(1 / nf)
                                            guard area * Double(inv) < 0.1 else { continue }
                                            var start = 0
                                            var passed = true
                                            for stage in 0..<E.count {
                                                let end = E[stage]
                                                var total: Float = 0
                                                for i in start..<end {
                                                    let o = 12 * i, w = 3 * i
                                                    var v = W[w] * Float(S[b + O[o]] - S[b + O[o + 1]] - S[b + O[o + 2]] + S[b + O[o + 3]])
                                                    v += W[w + 1] * Float(S[b + O[o + 4]] - S[b + O[o + 5]] - S[b + O[o + 6]] + S[b + O[o + 7]])
                                                    if W[w + 2] != 0 {
                                                        v += W[w + 2] * Float(S[b + O[o + 8]] - S[b + O[o + 9]] - S[b + O[o + 10]] + S[b + O[o + 11]])
                                                    }
                                                    total += v * inv < T[i] ? L[i] : R[i]
                                                }
                                                if total < ST[stage] {
                                                    passed = false
                                                    // Like OpenCV: a window rejected by the first
                                                    // stage also skips its right-hand neighbour.
                                                    if stage == 0 { x += step }
                                                    break
                                                }
                                                start = end
                                            }
                                            if passed { hits.append((x, y)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        }
        }
        return hits
    }
}
