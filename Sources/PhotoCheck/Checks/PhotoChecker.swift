import Foundation

/// Runs every check on one file and reports all failures at once.
///
/// A card office that refuses a photo days later costs the veteran another trip, so the kiosk
/// checks everything on the spot: the file (size, baseline, colour space, density, orientation,
/// quality), the image (pixel size, colour, background) and the face (one, its size, position,
/// head-top margin, exposure, sharpness). Checks that need a face are skipped, not failed, when
/// no single face is found, so each problem is reported once.
public struct PhotoChecker: Sendable {
    public let spec: PhotoSpec
    public let detector: FaceDetector
    public var limits = TurboJPEG.Limits()
    /// Smallest face searched for, as a fraction of the shorter side. Below the spec's minimum
    /// so a too-small face is reported as such rather than as "no face".
    public var faceSearchMinFraction = 0.3

    public init(spec: PhotoSpec, detector: FaceDetector) {
        self.spec = spec
        self.detector = detector
    }

    /// What the fixer needs beyond the report: the upright pixels and the measurements.
    public struct Inspection: Sendable {
        public var report: PhotoReport
        public var upright: RGBImage?
        public var markers: JPEGMarkers?
        var background: ImageMeasures.Background?
    }

    public func check(_ data: [UInt8], file: String) -> PhotoReport { inspect(data, file: file).report }

    /// Largest file read at all: far above any photo, small enough to bound memory.
    public static let maxFileBytes = 50 * 1024 * 1024

    /// Reads and checks the file at `path`. A missing, unreadable or absurdly large file is an
    /// "unreadable" verdict that says so, never a crash.
    public func checkFile(_ path: String) -> PhotoReport {
        switch Self.readFile(path) {
        case .success(let bytes): return check(bytes, file: path)
        case .failure(let problem):
            let m = CheckMessages(spec: spec)
            return PhotoReport(file: path, region: spec.region, checks: [m.unreadableFile(problem.reason)], face: nil, faces: [])
        }
    }

    public struct FileProblem: Error, Sendable { public var reason: String }

    /// The bytes of `path`, refusing files above `maxFileBytes` before reading them.
    public static func readFile(_ path: String) -> Result<[UInt8], FileProblem> {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int else {
            return .failure(FileProblem(reason: "file not found or not readable"))
        }
        guard size <= maxFileBytes else {
            return .failure(FileProblem(reason: "file is \(size / 1_048_576) MB, more than \(maxFileBytes / 1_048_576) MB"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(FileProblem(reason: "file not readable"))
        }
        return .success([UInt8](data))
    }

    public func inspect(_ data: [UInt8], file: String) -> Inspection {
        let m = CheckMessages(spec: spec)
        var checks: [CheckResult] = [m.fileSize(bytes: data.count)]
        let markers: JPEGMarkers
        let image: RGBImage
        do throws(JPEGMarkerError) {
            markers = try JPEGMarkers.scan(data)
        } catch {
            checks.append(m.decode(failure: error.description))
            return Inspection(report: report(file, checks, nil, []), upright: nil, markers: nil)
        }
        checks += [m.baseline(markers.process), m.density(markers.density), m.orientation(markers.exifOrientation)]
        let lumaTable = markers.lumaTableSlot.flatMap { markers.quantTables[$0] }
        checks.append(m.quality(lumaTable.flatMap { JPEGQuality.estimate(lumaTable: $0) }))
        do throws(TurboJPEG.DecodeError) {
            let header = try TurboJPEG.header(data)
            checks.append(m.colorSpace(header))
            image = try TurboJPEG.decodeRGB(data, header: header, limits: limits)
        } catch {
            checks.append(m.decode(failure: error.description))
            return Inspection(report: report(file, checks, nil, []), upright: nil, markers: markers)
        }
        checks.append(m.decodeOK())
        let upright = image.applyingOrientation(markers.exifOrientation ?? 1)
        checks.append(m.pixelSize(width: upright.width, height: upright.height))

        let luma = upright.luma()
        let background = ImageMeasures.background(upright, luma: luma)
        checks += m.background(background)
        let faces = detectFaces(luma)
        checks.append(m.faceCount(faces.count))
        let face = faces.count == 1 ? faces[0] : nil
        let colourRegion = face ?? PixelRect(x: upright.width / 4, y: upright.height / 4,
                                             width: max(1, upright.width / 2), height: max(1, upright.height / 2))
        checks.append(m.colour(ImageMeasures.chroma(upright, in: colourRegion.clipped(width: upright.width, height: upright.height))))
        if let face {
            let inner = face.clipped(width: upright.width, height: upright.height)
            checks.append(m.faceWidth(Double(face.width) / Double(upright.width), pixels: face.width))
            checks.append(m.faceCentred(face.centreX / Double(upright.width)))
            let top = ImageMeasures.headTop(upright, face: face, background: background)
            checks.append(m.headTop(Double(top) / Double(upright.height), pixels: top, height: upright.height))
            checks.append(m.exposure(ImageMeasures.exposure(luma, in: inner)))
            checks.append(m.sharpness(ImageMeasures.sharpness(luma, face: inner)))
        } else {
            let reason = faces.isEmpty ? "未找到人脸，无法测量" : "有多张人脸，无法测量"
            for code in [CheckCode.faceWidth, .faceCentred, .headTop, .exposure, .sharpness] {
                checks.append(.skipped(code, expected: m.expected(code), because: reason))
            }
        }
        return Inspection(report: report(file, checks, face, faces), upright: upright, markers: markers,
                          background: background)
    }

    /// Faces in the upright grey image, limited to the sizes a photo can plausibly hold.
    public func detectFaces(_ luma: GrayImage) -> [PixelRect] {
        let shorter = min(luma.width, luma.height)
        let parameters = FaceDetector.Parameters(minSize: Int(Double(shorter) * faceSearchMinFraction), maxSize: shorter)
        return detector.detect(luma, parameters: parameters).map(\.rect)
    }

    private func report(_ file: String, _ checks: [CheckResult], _ face: PixelRect?, _ faces: [PixelRect]) -> PhotoReport {
        PhotoReport(file: file, region: spec.region, checks: checks, face: face, faces: faces)
    }
}
