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
            // A factor at or below 1 would never end; 1.01 is far finer than anyone uses.
            defer { factor *= max(1.01, parameters.scaleFactor) }
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
