/// Finds frontal faces with a Haar cascade: the Viola–Jones detector as OpenCV 4.x's
/// `CascadeClassifier::detectMultiScale` evaluates it, window for window.
///
/// The levels (`PyramidLevel`) are OpenCV's: factor = scaleFactor^k for every window side within
/// [minSize, maxSize] and the image. Each level resizes the grey image to 1/factor with OpenCV's
/// bit-exact bilinear (`PyramidResize`), builds its sum and squared-sum integral images, and runs
/// every window position (stride 2 below factor 2, then 1, up to the last column and row)
/// through the stages. A window is normalised by the standard deviation of its inner rectangle;
/// one with σ ≤ 10 (flat background) is rejected before any stage, and one rejected by the first
/// stage skips its right-hand neighbour (OpenCV's `result == 0` step), which halves the work on
/// background. The raw windows are grouped as `groupRectangles` does (`RectangleGrouping`).
///
/// Why window for window: the checker and the fixer count faces. Where one raw window more or
/// less lifts a cluster over minNeighbors, or a small cluster inside the face over the face's own
/// count, a near-copy reports two faces where OpenCV reports one. Limiting the levels to the
/// face sizes a photo spec allows is what makes this cheap on an ID photo.
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
        RectangleGrouping.group(windows(image, parameters: parameters), minNeighbors: parameters.minNeighbors,
                                eps: 0.2, imageWidth: image.width, imageHeight: image.height)
            .sorted { $0.rect.area > $1.rect.area }
    }

    /// Every window that passes the cascade, in input-image pixels, before grouping (what
    /// OpenCV returns for minNeighbors 0).
    public func windows(_ image: GrayImage, parameters: Parameters = Parameters()) -> [PixelRect] {
        var raw: [PixelRect] = []
        let levels = PyramidLevel.levels(imageWidth: image.width, imageHeight: image.height,
                                         windowWidth: flat.windowWidth, windowHeight: flat.windowHeight,
                                         scaleFactor: parameters.scaleFactor,
                                         minSize: parameters.minSize, maxSize: parameters.maxSize)
        for level in levels {
            let scaled = image.pyramidResized(width: level.width, height: level.height)
            for p in flat.scan(IntegralImages(scaled), step: level.step) {
                raw.append(PixelRect(x: level.original(p.x), y: level.original(p.y),
                                     width: level.windowWidth, height: level.windowHeight))
            }
        }
        return raw
    }
}
