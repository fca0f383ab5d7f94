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
