/// The cascade laid out for the inner loop: stumps in evaluation order, each with its threshold,
/// leaves and three weighted rectangles packed side by side, so evaluating a window walks two
/// flat arrays instead of chasing feature indices.
struct FlatCascade: Sendable {
    let windowWidth: Int, windowHeight: Int
    /// Per stage: index one past its last stump, and its threshold (minus OpenCV's 1e-5).
    let stageEnds: [Int]
    let stageThresholds: [Float]
    /// Per stump, `paramStride` floats: threshold, left leaf, right leaf, weight 0, 1, 2 (a zero
    /// third weight when the feature has two rectangles).
    let params: [Float]
    static let paramStride = 6
    /// Per stump, three rectangles as (x, y, w, h).
    let rects: [Int32]

    init(_ c: HaarCascade) {
        windowWidth = c.windowWidth; windowHeight = c.windowHeight
        var ends: [Int] = [], stageT: [Float] = [], params: [Float] = [], rects: [Int32] = []
        for stage in c.stages {
            stageT.append(stage.threshold - 1e-5)
            for stump in stage.stumps {
                let f = c.features[stump.feature]
                params += [stump.threshold, stump.left, stump.right]
                for k in 0..<3 {
                    if k < f.count {
                        rects += [Int32(f[k].x), Int32(f[k].y), Int32(f[k].width), Int32(f[k].height)]
                        params.append(f[k].weight)
                    } else {
                        rects += [0, 0, 1, 1]; params.append(0)
                    }
                }
            }
            ends.append(params.count / Self.paramStride)
        }
        stageEnds = ends; stageThresholds = stageT; self.params = params; self.rects = rects
    }

    /// Window positions (in the scaled image) that pass every stage. Like OpenCV, every
    /// position whose window fits is tried, up to the last column and row.
    func scan(_ ii: IntegralImages, step: Int) -> [(x: Int, y: Int)] {
        let maxX = ii.width - windowWidth, maxY = ii.height - windowHeight
        guard maxX >= 0, maxY >= 0 else { return [] }
        let offsets = cornerOffsets(stride: ii.stride)
        var hits: [(x: Int, y: Int)] = []
        ii.sum.withUnsafeBufferPointer { S in
            ii.squares.withUnsafeBufferPointer { Q in
                offsets.withUnsafeBufferPointer { O in
                    params.withUnsafeBufferPointer { P in
                        let window = WindowEvaluator(cascade: self, stride: ii.stride, sum: S, squares: Q, offsets: O, params: P)
                        for y in Swift.stride(from: 0, through: maxY, by: step) {
                            var x = 0
                            while x <= maxX {
                                switch window.evaluate(at: y * ii.stride + x) {
                                case .accepted: hits.append((x, y))
                                // Like OpenCV: a window rejected by the first stage also skips
                                // its right-hand neighbour.
                                case .rejectedAtFirstStage: x += step
                                case .rejectedLater, .flat: break
                                }
                                x += step
                            }
                        }
                    }
                }
            }
        }
        return hits
    }

    /// Corner offsets of every rectangle for an image stride: sum = p0 − p1 − p2 + p3.
    private func cornerOffsets(stride: Int) -> [Int] {
        var offsets = [Int](repeating: 0, count: rects.count)
        for i in 0..<(rects.count / 4) {
            let x = Int(rects[4 * i]), y = Int(rects[4 * i + 1]), w = Int(rects[4 * i + 2]), h = Int(rects[4 * i + 3])
            offsets[4 * i] = y * stride + x
            offsets[4 * i + 1] = y * stride + x + w
            offsets[4 * i + 2] = (y + h) * stride + x
            offsets[4 * i + 3] = (y + h) * stride + x + w
        }
        return offsets
    }
}

/// Runs the cascade on one window of one scaled image. Holds raw buffer pointers that are valid
/// only inside `FlatCascade.scan`'s closures, so it never escapes them.
private struct WindowEvaluator {
    enum Outcome { case accepted, rejectedAtFirstStage, rejectedLater, flat }

    let stageEnds: [Int]
    let stageThresholds: [Float]
    let sum: UnsafeBufferPointer<Int32>
    let squares: UnsafeBufferPointer<Int64>
    let offsets: UnsafeBufferPointer<Int>
    let params: UnsafeBufferPointer<Float>
    /// Corners of the normalisation rectangle (1, 1, w−2, h−2) and its area.
    let n0: Int, n1: Int, n2: Int, n3: Int
    let area: Double

    init(cascade: FlatCascade, stride: Int, sum: UnsafeBufferPointer<Int32>, squares: UnsafeBufferPointer<Int64>,
         offsets: UnsafeBufferPointer<Int>, params: UnsafeBufferPointer<Float>) {
        stageEnds = cascade.stageEnds; stageThresholds = cascade.stageThresholds
        self.sum = sum; self.squares = squares; self.offsets = offsets; self.params = params
        let nw = cascade.windowWidth - 2, nh = cascade.windowHeight - 2
        n0 = stride + 1; n1 = stride + 1 + nw; n2 = (1 + nh) * stride + 1; n3 = (1 + nh) * stride + 1 + nw
        area = Double(nw * nh)
    }

    @inline(__always)
    private func rectSum(_ b: Int, _ o: Int) -> Float {
        Float(sum[b + offsets[o]] - sum[b + offsets[o + 1]] - sum[b + offsets[o + 2]] + sum[b + offsets[o + 3]])
    }

    /// `b` is the window's top-left index in the integral images.
    func evaluate(at b: Int) -> Outcome {
        let s = Double(sum[b + n0] - sum[b + n1] - sum[b + n2] + sum[b + n3])
        let q = Double(squares[b + n0] - squares[b + n1] - squares[b + n2] + squares[b + n3])
        let nf2 = area * q - s * s
        guard nf2 > 0 else { return .flat }
        let inv = Float(1 / nf2.squareRoot())
        // σ ≤ 10: flat background, rejected before any stage (OpenCV's setWindow test).
        guard area * Double(inv) < 0.1 else { return .flat }
        var start = 0
        for stage in 0..<stageEnds.count {
            let end = stageEnds[stage]
            // The stage sum is a double in OpenCV; summing float leaves in float would round
            // differently and flip windows that sit on a stage threshold.
            var total = 0.0
            for i in start..<end {
                let p = FlatCascade.paramStride * i, o = 12 * i
                var v = params[p + 3] * rectSum(b, o) + params[p + 4] * rectSum(b, o + 4)
                if params[p + 5] != 0 { v += params[p + 5] * rectSum(b, o + 8) }
                total += Double(v * inv < params[p] ? params[p + 1] : params[p + 2])
            }
            if total < Double(stageThresholds[stage]) { return stage == 0 ? .rejectedAtFirstStage : .rejectedLater }
            start = end
        }
        return .accepted
    }
}
