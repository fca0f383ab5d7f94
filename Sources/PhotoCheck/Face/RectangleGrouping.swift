/// Merges the raw windows of a cascade into detections, as OpenCV's `groupRectangles` does.
///
/// A face fires many overlapping windows at neighbouring positions and scales; a false alarm
/// usually fires few. Windows are partitioned into classes of similar rectangles (every side
/// within eps·mean(min sizes)), each class is averaged, classes with ≤ minNeighbors members are
/// dropped, and a small detection lying inside a stronger one is dropped too.
enum RectangleGrouping {
    static func group(_ rects: [PixelRect], minNeighbors: Int, eps: Double) -> [FaceDetector.Detection] {
        guard !rects.isEmpty else { return [] }
        // Union–find over the similarity relation.
        var parent = Array(rects.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for i in rects.indices {
            for j in (i + 1)..<rects.count where similar(rects[i], rects[j], eps: eps) {
                let a = root(i), b = root(j)
                if a != b { parent[b] = a }
            }
        }
        var classOf: [Int: Int] = [:]
        var sums: [(x: Int, y: Int, w: Int, h: Int, n: Int)] = []
        for i in rects.indices {
            let r = root(i)
            let c: Int
            if let known = classOf[r] { c = known } else { c = sums.count; classOf[r] = c; sums.append((0, 0, 0, 0, 0)) }
            sums[c].x += rects[i].x; sums[c].y += rects[i].y
            sums[c].w += rects[i].width; sums[c].h += rects[i].height; sums[c].n += 1
        }
        let averaged = sums.map { s -> (rect: PixelRect, n: Int) in
            let k = 1.0 / Double(s.n)
            return (PixelRect(x: Int((Double(s.x) * k).rounded()), y: Int((Double(s.y) * k).rounded()),
                              width: Int((Double(s.w) * k).rounded()), height: Int((Double(s.h) * k).rounded())), s.n)
        }
        var result: [FaceDetector.Detection] = []
        for (i, a) in averaged.enumerated() where a.n > minNeighbors {
            let swallowed = averaged.enumerated().contains { j, b in
                guard j != i, b.n > minNeighbors else { return false }
                let dx = Int((Double(b.rect.width) * eps).rounded()), dy = Int((Double(b.rect.height) * eps).rounded())
                return a.rect.x >= b.rect.x - dx && a.rect.y >= b.rect.y - dy
                    && a.rect.x + a.rect.width <= b.rect.x + b.rect.width + dx
                    && a.rect.y + a.rect.height <= b.rect.y + b.rect.height + dy
                    && (b.n > max(3, a.n) || a.n < 3)
            }
            if !swallowed { result.append(FaceDetector.Detection(rect: a.rect, neighbours: a.n)) }
        }
        return result
    }

    static func similar(_ a: PixelRect, _ b: PixelRect, eps: Double) -> Bool {
        let delta = eps * Double(min(a.width, b.width) + min(a.height, b.height)) * 0.5
        return Double(abs(a.x - b.x)) <= delta && Double(abs(a.y - b.y)) <= delta
            && Double(abs(a.x + a.width - b.x - b.width)) <= delta
            && Double(abs(a.y + a.height - b.y - b.height)) <= delta
    }
}
