import Foundation

/// Every region profile the kiosk knows, loaded from `Assets/regions/*.json` and validated.
///
/// A hall runs one region, but the catalog loads all of them at start so a broken file is found
/// by the tests and by `kioskctl catalog` before it reaches any hall.
public struct RegionCatalog: Sendable {
    /// Profiles in file-name order.
    public let profiles: [RegionProfile]

    public init(profiles: [RegionProfile]) { self.profiles = profiles }

    public var codes: [String] { profiles.map(\.code) }

    public func profile(_ code: String) -> RegionProfile? { profiles.first { $0.code == code } }

    /// Loads and validates every profile in `<assets>/regions`.
    public static func load(from assets: AssetDirectory) throws(DataFileError) -> RegionCatalog {
        let dir = assets.url("regions")
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw DataFileError(file: dir.path, key: "", expected: "a folder of <region>.json profiles")
        }
        guard !files.isEmpty else {
            throw DataFileError(file: dir.path, key: "", expected: "at least one <region>.json profile", found: "none")
        }
        var profiles: [RegionProfile] = []
        for file in files { profiles.append(try loadProfile(at: file)) }
        return RegionCatalog(profiles: profiles)
    }

    /// Loads and validates one profile file.
    public static func loadProfile(at file: URL) throws(DataFileError) -> RegionProfile {
        let profile = try DataFileError.decodeJSON(RegionProfile.self, at: file)
        try profile.validate(file: file.path)
        return profile
    }
}
