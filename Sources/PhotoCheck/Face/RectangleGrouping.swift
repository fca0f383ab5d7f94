/// Merges the raw windows of a cascade into detections, as OpenCV's `groupRectangles` does
/// (and `detectMultiScale` after it: minNeighbors 0 keeps the raw windows, results are clipped
/// to the image).
///
/// A face fires many overlapping windows at neighbouring positions and scales; a false alarm
/// usually fires few. Windows are partitioned into classes of similar rectangles (every side
/// within eps·mean(min sizes)), each class is averaged, classes with ≤ minNeighbors members are
/// dropped, and a detection lying inside another (give or take eps of its size) is dropped when
/// the other has more members than it and than 3. The averages and margins are rounded the way
/// OpenCV rounds them (float average, half to even), so a box lands on the same pixel.
enum RectangleGrouping {
    static func group(_ rects: [PixelRect], minNeighbors: Int, eps: Double,
                      imageWidth: Int = .max, imageHeight: Int = .max) -> [FaceDetector.Detection] {
        guard minNeighbors > 0 else {
            return rects.map { FaceDetector.Detection(rect: $0.clipped(width: imageWidth, height: imageHeight), neighbours: 1) }
        }
        let classes = averagedClasses(rects, eps: eps)
        var result: [FaceDetector.Detection] = []
        for (i, a) in classes.enumerated() where a.n > minNeighbors {
            let swallowed = classes.enumerated().contains { j, b in
                guard j != i, b.n > minNeighbors else { return false }
                let dx = roundEven(Double(b.rect.width) * eps), dy = roundEven(Double(b.rect.height) * eps)
                return a.rect.x >= b.rect.x - dx && a.rect.y >= b.rect.y - dy
                    && a.rect.x + a.rect.width <= b.rect.x + b.rect.width + dx
                    && a.rect.y + a.rect.height <= b.rect.y + b.rect.height + dy
                    && (b.n > max(3, a.n) || a.n < 3)
            }
            if !swallowed {
                result.append(FaceDetector.Detection(rect: a.rect.clipped(width: imageWidth, height: imageHeight), neighbours: a.n))
            }
        }
        return result
    }

    /// The classes of the similarity relation's transitive closure, each averaged.
    private static func averagedClasses(_ rects: [PixelRect], eps: Double) -> [(rect: PixelRect, n: Int)] {
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
        return sums.map { s in
            let k = 1 / Float(s.n)
            return (PixelRect(x: roundEven(Float(s.x) * k), y: roundEven(Float(s.y) * k),
                              width: roundEven(Float(s.w) * k), height: roundEven(Float(s.h) * k)), s.n)
        }
    }

    static func similar(_ a: PixelRect, _ b: PixelRect, eps: Double) -> Bool {
        let delta = eps * Double(min(a.width, b.width) + min(a.height, b.height)) * 0.5
        return Double(abs(a.x - b.x)) <= delta && Double(abs(a.y - b.y)) <= delta
            && Double(abs(a.x + a.width - b.x - b.width)) <= delta
            && Double(abs(a.y + a.height - b.y - b.height)) <= delta
    }
}
