/// The scales a detection searches, computed the way OpenCV's `detectMultiScale` computes them.
///
/// Agreement with OpenCV is decided here as much as in the classifier: a level that exists on one
/// side only, a scaled image one pixel wider, or a window stride of 1 where the other uses 2
/// changes which windows fire, and so the neighbour counts that grouping keeps or drops. So the
/// arithmetic follows OpenCV's types step by step: the factor grows in double precision, the
/// window side is rounded from it in double, and everything after that uses the factor narrowed
/// to a float (scaled size, stride, window and position mapping), all rounded half to even.
struct PyramidLevel: Equatable {
    /// The scale, as OpenCV keeps it per level (a float).
    let factor: Float
    /// Size of the image resized by 1/factor.
    let width: Int, height: Int
    /// Window stride in the scaled image: 2 below factor 2, then 1.
    let step: Int
    /// Side of a window mapped back to the input image.
    let windowWidth: Int, windowHeight: Int

    /// A position in the scaled image mapped back to the input image.
    func original(_ v: Int) -> Int { roundEven(Float(v) * factor) }

    /// Every level for an image of `imageWidth`×`imageHeight`, smallest window first: windows
    /// from `minSize` up to `maxSize` and the image itself.
    static func levels(imageWidth: Int, imageHeight: Int, windowWidth: Int, windowHeight: Int,
                       scaleFactor: Double, minSize: Int, maxSize: Int) -> [PyramidLevel] {
        var levels: [PyramidLevel] = []
        // A factor at or below 1 would never end; 1.01 is far finer than anyone uses.
        let growth = max(1.01, scaleFactor)
        var factor = 1.0
        while true {
            defer { factor *= growth }
            let w = roundEven(Double(windowWidth) * factor), h = roundEven(Double(windowHeight) * factor)
            if w > maxSize || h > maxSize || w > imageWidth || h > imageHeight { break }
            if w < minSize || h < minSize { continue }
            let f = Float(factor)
            levels.append(PyramidLevel(
                factor: f,
                width: roundEven(Float(imageWidth) / f), height: roundEven(Float(imageHeight) / f),
                step: f >= 2 ? 1 : 2,
                windowWidth: roundEven(Float(windowWidth) * f), windowHeight: roundEven(Float(windowHeight) * f)))
        }
        return levels
    }
}

/// Round half to even, as OpenCV's `cvRound` does through the processor's default rounding mode.
@inline(__always) func roundEven(_ v: Float) -> Int { Int(v.rounded(.toNearestOrEven)) }
@inline(__always) func roundEven(_ v: Double) -> Int { Int(v.rounded(.toNearestOrEven)) }
