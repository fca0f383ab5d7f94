/// Repairs photos whose only problems are mechanical: geometry (pixel size, face size and
/// position, head-top margin, orientation), file size, progressive encoding or density.
///
/// It crops around the detected face to the spec's proportions, scales to the first accepted
/// pixel size, re-encodes as baseline with the spec's density, and picks the highest quality
/// that lands inside the file-size window. A photo with a background, exposure, sharpness,
/// colour or face-count problem is refused: those need a new photo, and "fixing" them would hide
/// a problem the card office will still see. The result is checked again before it is offered.
public struct PhotoFixer: Sendable {
    public let checker: PhotoChecker

    public init(checker: PhotoChecker) { self.checker = checker }

    public struct Outcome: Sendable {
        /// The input as the fixer saw it (faces searched down to 12 % of the shorter side).
        public var input: PhotoReport
        /// The re-check of the fixed file; nil when no file was produced.
        public var output: PhotoReport?
        /// The fixed JPEG, only when its re-check is accepted.
        public var data: [UInt8]?
        /// Why the photo cannot be fixed (failed checks that need a new photo).
        public var blocking: [CheckResult]
        /// What was done, in order (English, for logs and the JSON report).
        public var steps: [String]
        public var fixed: Bool { data != nil }
    }

    public func fix(_ data: [UInt8], file: String) -> Outcome {
        var relaxed = checker
        relaxed.faceSearchMinFraction = 0.12
        let inspection = relaxed.inspect(data, file: file)
        let input = inspection.report
        let blocking = input.failures.filter { $0.severity == .refuse && !$0.code.isFixable }
        guard blocking.isEmpty, let upright = inspection.upright, let face = input.face,
              let background = inspection.background else {
            return Outcome(input: input, output: nil, data: nil, blocking: blocking, steps: [])
        }
        let spec = checker.spec
        let target = spec.sizes[0]
        var steps: [String] = []
        if let o = inspection.markers?.exifOrientation, o != 1 { steps.append("applied EXIF orientation \(o)") }

        // Where the crop goes, in source pixels: face width, centre and head top at the middle
        // of the spec's ranges.
        let widthGoal = mid(spec.face.widthFraction), centreGoal = mid(spec.face.centreFraction)
        let topGoal = mid(spec.face.headTopFraction)
        let scale = widthGoal * Double(target.width) / Double(face.width)
        let cropW = Double(target.width) / scale, cropH = Double(target.height) / scale
        let headTop = ImageMeasures.headTop(upright, face: face, background: background)
        let crop = PixelRect(x: Int((face.centreX - cropW * centreGoal).rounded()),
                             y: Int((Double(headTop) - topGoal * cropH).rounded()),
                             width: max(1, Int(cropW.rounded())), height: max(1, Int(cropH.rounded())))
        let pad = (r: UInt8(background.mean.r.rounded()), g: UInt8(background.mean.g.rounded()),
                   b: UInt8(background.mean.b.rounded()))
        let framed = upright.cropped(to: crop, pad: pad).resized(width: target.width, height: target.height)
        steps.append("cropped \(crop) and scaled to \(target)")

        guard let encoded = encodeInWindow(framed) else {
            steps.append("no quality puts the file inside \(spec.fileSizeKB) KB")
            return Outcome(input: input, output: nil, data: nil, blocking: [], steps: steps)
        }
        steps.append("encoded baseline at quality \(encoded.quality)\(encoded.chroma444 ? " (4:4:4)" : ""), \(encoded.bytes.count) bytes")
        let final = JFIFDensity.set(dpi: target.dpi, in: encoded.bytes)
        steps.append("set density \(target.dpi) dpi")
        let output = checker.check(final, file: file)
        return Outcome(input: input, output: output, data: output.verdict == .accepted ? final : nil,
                       blocking: [], steps: steps)
    }

    /// The highest quality (4:2:0, then 4:4:4 if 4:2:0 stays too small) whose file size is in
    /// the window; sizes grow with quality, so a binary search finds it.
    func encodeInWindow(_ image: RGBImage) -> (bytes: [UInt8], quality: Int, chroma444: Bool)? {
        let window = checker.spec.fileSizeKB
        // Leave room for a JFIF segment the density step might insert.
        let maxBytes = Int(window.upperBound * 1024) - 32, minBytes = Int((window.lowerBound * 1024).rounded(.up))
        for chroma444 in [false, true] {
            func encode(_ q: Int) -> [UInt8]? {
                try? TurboJPEG.encode(image, options: .init(quality: q, progressive: false, chroma420: !chroma444))
            }
            var lo = 30, hi = 97
            var best: (bytes: [UInt8], quality: Int)?
            while lo <= hi {
                let q = (lo + hi) / 2
                guard let bytes = encode(q) else { return nil }
                if bytes.count <= maxBytes { best = (bytes, q); lo = q + 1 } else { hi = q - 1 }
            }
            if let best, best.bytes.count >= minBytes { return (best.bytes, best.quality, chroma444) }
            if best == nil { return nil }   // too big even at the lowest quality
        }
        return nil
    }

    private func mid(_ r: ClosedRange<Double>) -> Double { (r.lowerBound + r.upperBound) / 2 }
}
