/// The catalogue of photo checks. Raw values are the stable codes scripts and the kiosk UI use.
public enum CheckCode: String, Sendable, Codable, CaseIterable {
    case decode = "jpeg.decode"
    case fileSize = "file.size"
    case baseline = "jpeg.baseline"
    case colorSpace = "jpeg.colorSpace"
    case pixelSize = "image.size"
    case density = "jpeg.density"
    case orientation = "exif.orientation"
    case quality = "jpeg.quality"
    case colour = "image.colour"
    case backgroundColour = "background.colour"
    case backgroundUniform = "background.uniform"
    case faceCount = "face.count"
    case faceWidth = "face.width"
    case faceCentred = "face.centred"
    case headTop = "face.headTop"
    case exposure = "face.exposure"
    case sharpness = "face.sharpness"

    /// Refuse: the card office would reject the photo. Warn: reported, the photo is still accepted.
    public var severity: Severity {
        switch self {
        case .density, .quality: return .warn
        default: return .refuse
        }
    }

    /// Problems the fixer can repair without a new photo: geometry, size, encoding, density.
    public var isFixable: Bool {
        switch self {
        case .fileSize, .baseline, .pixelSize, .density, .orientation, .quality, .faceWidth, .faceCentred, .headTop:
            return true
        default:
            return false
        }
    }
}

public enum Severity: String, Sendable, Codable { case refuse, warn }

/// One check's outcome: what was measured, what was expected, and — in Chinese, for the
/// applicant — what to do about it.
public struct CheckResult: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable { case pass, fail, skipped }
    public var code: CheckCode
    public var status: Status
    public var severity: Severity
    public var measured: String
    public var expected: String
    public var message: String

    public init(_ code: CheckCode, passed: Bool, measured: String, expected: String, message: String) {
        self.code = code
        self.status = passed ? .pass : .fail
        self.severity = code.severity
        self.measured = measured
        self.expected = expected
        self.message = message
    }

    /// A check that could not be measured because an earlier one failed (no face, no pixels).
    public static func skipped(_ code: CheckCode, expected: String, because reason: String) -> CheckResult {
        var r = CheckResult(code, passed: true, measured: "未测量", expected: expected, message: reason)
        r.status = .skipped
        return r
    }

    public var isRefusal: Bool { status == .fail && severity == .refuse }
}

/// The verdict on one file: every check, the face found and the overall outcome.
public struct PhotoReport: Sendable, Equatable, Codable {
    public enum Verdict: String, Sendable, Codable { case accepted, refused, unreadable }
    public var file: String
    public var region: String
    public var verdict: Verdict
    public var checks: [CheckResult]
    /// The face box in the upright image, when exactly one was chosen.
    public var face: PixelRect?
    /// Every grouped detection, largest first (for the benchmark's agreement figures).
    public var faces: [PixelRect]

    public init(file: String, region: String, checks: [CheckResult], face: PixelRect?, faces: [PixelRect]) {
        self.file = file
        self.region = region
        // Catalogue order, so every report reads the same way whatever failed first.
        let order = Dictionary(uniqueKeysWithValues: CheckCode.allCases.enumerated().map { ($1, $0) })
        self.checks = checks.sorted { order[$0.code, default: 0] < order[$1.code, default: 0] }
        self.face = face
        self.faces = faces
        if checks.contains(where: { $0.code == .decode && $0.status == .fail }) {
            verdict = .unreadable
        } else {
            verdict = checks.contains(where: \.isRefusal) ? .refused : .accepted
        }
    }

    public var failures: [CheckResult] { checks.filter { $0.status == .fail } }
    public func result(_ code: CheckCode) -> CheckResult? { checks.first { $0.code == code } }
}
