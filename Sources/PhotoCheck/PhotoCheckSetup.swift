import Foundation
import KioskDomain

/// Builds a checker from configuration: the region's spec from `Assets/photo/specs.json` (or an
/// explicit specs file) and the Haar cascade from its system path. Shared by `kioskctl`, the
/// daemon and the benchmark so they all read the same files the same way.
public enum PhotoCheckSetup {
    public static func checker(region: String, specsFile: String? = nil, assets: String? = nil,
                               cascadePath: String? = nil) throws(DataFileError) -> PhotoChecker {
        let url: URL
        if let specsFile {
            url = URL(fileURLWithPath: specsFile)
        } else {
            url = try AssetDirectory.locate(explicit: assets).url(PhotoSpecCatalog.assetPath)
        }
        var spec = try PhotoSpecCatalog.load(url).spec(for: region, file: url.path)
        // The region profile is the policy's own record: where it states file-size limits for
        // the electronic photo, they win over the specs file's defaults.
        if let assetsRoot = try? AssetDirectory.locate(explicit: assets),
           let profile = try? RegionCatalog.loadProfile(at: assetsRoot.url("regions/\(region).json")) {
            spec = spec.overlaid(with: profile)
        }
        let cascade = try HaarCascade.load(path: HaarCascade.resolvedPath(explicit: cascadePath))
        return PhotoChecker(spec: spec, detector: FaceDetector(cascade: cascade))
    }
}

extension PhotoSpec {
    /// The electronic photo material of a region profile (the one PhotoCheck can check), if any.
    public static func electronicPhoto(in profile: RegionProfile) -> Material.PhotoRequirement? {
        profile.materials.first { $0.form == .electronic && $0.photo != nil }?.photo
    }

    /// This spec with the profile's file-size limits for the electronic photo, where it gives them.
    public func overlaid(with profile: RegionProfile) -> PhotoSpec {
        guard let photo = Self.electronicPhoto(in: profile) else { return self }
        var spec = self
        spec.fileSizeKB = Double(photo.minKB ?? Int(fileSizeKB.lowerBound))...Double(photo.maxKB ?? Int(fileSizeKB.upperBound))
        if photo.minKB != nil || photo.maxKB != nil {
            spec.sources.append("Assets/regions/\(profile.code).json materials (\(photo.description))")
        }
        return spec
    }
}

extension PhotoReport {
    /// Human-readable lines for a terminal: the verdict, then one line per check.
    public func renderText() -> String {
        let verdictText: [Verdict: String] = [.accepted: "合格", .refused: "不合格", .unreadable: "无法读取"]
        var lines = ["\(file): \(verdictText[verdict] ?? verdict.rawValue) (\(verdict.rawValue), region \(region))"]
        for c in checks {
            let mark = c.status == .pass ? "✔" : c.status == .skipped ? "–" : c.severity == .warn ? "!" : "✘"
            lines.append("  \(mark) \(c.code.rawValue): \(c.measured) [\(c.expected)] \(c.status == .pass ? "" : c.message)")
        }
        return lines.joined(separator: "\n")
    }
}
