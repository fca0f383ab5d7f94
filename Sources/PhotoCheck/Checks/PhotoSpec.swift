import Foundation
import KioskDomain

/// What a region's 制卡相片 must satisfy, plus the image-quality thresholds every region shares.
///
/// Every value is data (`Assets/photo/specs.json`) because the sources disagree: which 社保卡
/// pixel size is current, which file-size window applies, what "white" means in RGB. The Swift
/// default below is the Sichuan seed (附件2/附件4: 近期1寸白底彩色免冠电子照片, JPG, 14KB–60KB).
public struct PhotoSpec: Sendable, Equatable, Codable {
    /// One accepted pixel size and the density that goes with it.
    public struct PixelSize: Sendable, Equatable, Codable, CustomStringConvertible {
        public var width: Int
        public var height: Int
        public var dpi: Int
        public var description: String { "\(width)×\(height)" }
    }
    /// The background: a reference colour, how far its mean may be from it, how uneven it may be.
    public struct Background: Sendable, Equatable, Codable {
        /// Chinese name for messages, e.g. "白色", "红色".
        public var name: String
        public var reference: [Int]
        /// Largest Euclidean RGB distance of the background mean from `reference`.
        public var maxDistance: Double
        /// Largest standard deviation of background luma.
        public var maxSpread: Double
        /// Largest difference of mean luma between the left and right sides.
        public var maxImbalance: Double
    }
    /// Face geometry as fractions of the image size (so one rule fits every accepted size).
    public struct FaceGeometry: Sendable, Equatable, Codable {
        public var widthFraction: ClosedRange<Double>
        public var centreFraction: ClosedRange<Double>
        public var headTopFraction: ClosedRange<Double>
    }

    public var region: String
    /// Chinese name of the requirement, for messages: "四川 社会保障卡制卡相片".
    public var title: String
    public var sizes: [PixelSize]
    /// Relative tolerance on each side of an accepted size.
    public var sizeTolerance: Double
    /// File size window in KB (1 KB = 1024 bytes).
    public var fileSizeKB: ClosedRange<Double>
    public var baselineRequired: Bool
    public var background: Background
    public var face: FaceGeometry
    /// Where each value comes from (seed file and line, or reference section).
    public var sources: [String]
    /// What the region asks for that a file check cannot verify (e.g. a printed red-background photo).
    public var notes: [String]
    public var quality: QualityThresholds
}

/// Image-quality thresholds shared by every region (no region document sets them).
public struct QualityThresholds: Sendable, Equatable, Codable {
    /// Mean face luma (BT.601, 0–255) window.
    public var faceMeanLuma: ClosedRange<Double>
    /// Largest share of face pixels with luma ≤ 25 (OFIQ UnderExposurePrevention range).
    public var maxUnderExposed: Double
    /// Largest share of face pixels with luma ≥ 247 (OFIQ OverExposurePrevention range).
    public var maxOverExposed: Double
    /// Smallest variance of the 3×3 Laplacian over the face (Pech-Pacheco 2000).
    public var minSharpness: Double
    /// Smallest mean chroma (max−min of R, G, B) over the face: below it the photo is grey.
    public var minChroma: Double
    /// Estimated IJG quality below which a warning is given.
    public var minJPEGQuality: Int
}

extension PhotoSpec {
    /// The seed's rule (Sichuan 附件2/附件4) with the reference's sizes and thresholds: the
    /// default when no specs file is given.
    public static let sichuanDefault = PhotoSpec(
        region: "sichuan", title: "社会保障卡制卡相片",
        sizes: [PixelSize(width: 358, height: 441, dpi: 350), PixelSize(width: 295, height: 413, dpi: 300)],
        sizeTolerance: 0.02, fileSizeKB: 14...60, baselineRequired: true,
        background: Background(name: "白色", reference: [255, 255, 255], maxDistance: 45, maxSpread: 18, maxImbalance: 20),
        face: FaceGeometry(widthFraction: 0.50...0.712, centreFraction: 0.4525...0.5475, headTopFraction: 0.016...0.048),
        sources: ["seeds/001_f889255f2c301235.txt:280 (近期1寸白底彩色免冠电子照片)",
                  "seeds/001_f889255f2c301235.txt:362 (制卡相片，JPG格式，14KB-60KB)"],
        notes: [],
        quality: QualityThresholds(faceMeanLuma: 60...215, maxUnderExposed: 0.20, maxOverExposed: 0.10,
                                   minSharpness: 60, minChroma: 8, minJPEGQuality: 60))
}

/// The specs file: shared quality thresholds and one region rule per region code.
public struct PhotoSpecCatalog: Sendable, Equatable {
    public var specs: [String: PhotoSpec]

    /// The relative path of the catalogue inside `Assets/`.
    public static let assetPath = "photo/specs.json"

    private struct RegionEntry: Decodable {
        var title: String
        var sizes: [PhotoSpec.PixelSize]
        var sizeTolerance: Double
        var fileSizeKB: ClosedRange<Double>
        var baselineRequired: Bool
        var background: PhotoSpec.Background
        var face: PhotoSpec.FaceGeometry
        var sources: [String]
        var notes: [String]
    }
    private struct File: Decodable {
        var quality: QualityThresholds
        var regions: [String: RegionEntry]
    }

    public static func load(_ url: URL) throws(DataFileError) -> PhotoSpecCatalog {
        let file = try DataFileError.decodeJSON(File.self, at: url)
        var specs: [String: PhotoSpec] = [:]
        for (code, e) in file.regions {
            let key = "regions.\(code)"
            guard !e.sizes.isEmpty, e.sizes.allSatisfy({ $0.width > 0 && $0.height > 0 && $0.dpi > 0 }) else {
                throw DataFileError(file: url.path, key: key + ".sizes", expected: "at least one positive width/height/dpi")
            }
            guard e.background.reference.count == 3, e.background.reference.allSatisfy({ (0...255).contains($0) }) else {
                throw DataFileError(file: url.path, key: key + ".background.reference", expected: "three values 0…255",
                                    found: "\(e.background.reference)")
            }
            guard e.fileSizeKB.lowerBound >= 0, (0...0.5).contains(e.sizeTolerance) else {
                throw DataFileError(file: url.path, key: key, expected: "fileSizeKB ≥ 0 and sizeTolerance within 0…0.5")
            }
            guard !e.sources.isEmpty else {
                throw DataFileError(file: url.path, key: key + ".sources", expected: "at least one source for the rule")
            }
            specs[code] = PhotoSpec(region: code, title: e.title, sizes: e.sizes, sizeTolerance: e.sizeTolerance,
                                    fileSizeKB: e.fileSizeKB, baselineRequired: e.baselineRequired,
                                    background: e.background, face: e.face, sources: e.sources, notes: e.notes,
                                    quality: file.quality)
        }
        return PhotoSpecCatalog(specs: specs)
    }

    /// The spec of `region`, or an error listing the regions the file knows.
    public func spec(for region: String, file: String) throws(DataFileError) -> PhotoSpec {
        guard let spec = specs[region] else {
            throw DataFileError(file: file, key: "regions.\(region)",
                                expected: "one of " + specs.keys.sorted().joined(separator: ", "), found: region)
        }
        return spec
    }
}
