import Foundation

/// Where the programs find `Assets/` (region profiles, calendar, division codes, templates).
///
/// The data ships as plain files beside the program rather than compiled in, so a hall can
/// receive a corrected region profile without a new build. The search order is explicit and
/// reported on failure, so a technician sees every place that was tried.
public struct AssetDirectory: Sendable, Equatable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The environment variable that overrides every other location.
    public static let environmentVariable = "KIOSK_ASSETS"

    /// Finds the assets: `explicit` (a `--assets` flag or configuration) and nothing else if given;
    /// otherwise `$KIOSK_ASSETS`,
    /// then `share/onestop-kiosk/Assets` beside an installed binary, then an `Assets` folder in
    /// the executable's folder or any folder above it (a development checkout: `.build/debug/…`),
    /// then `./Assets`.
    public static func locate(explicit: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = CommandLine.arguments.first ?? "") throws(DataFileError) -> AssetDirectory {
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            guard isAssetRoot(url) else {
                throw DataFileError(file: url.path, key: "", expected: "the Assets folder (with calendar/ and regions/)",
                                    found: "no calendar/ folder there")
            }
            return AssetDirectory(root: url.standardizedFileURL)
        }
        var candidates: [URL] = []
        if let env = environment[environmentVariable], !env.isEmpty { candidates.append(URL(fileURLWithPath: env)) }
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("share/onestop-kiosk/Assets"))
        var dir = exe
        for _ in 0..<8 {
            candidates.append(dir.appendingPathComponent("Assets"))
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Assets"))
        for candidate in candidates where isAssetRoot(candidate) {
            return AssetDirectory(root: candidate.standardizedFileURL)
        }
        throw DataFileError(file: candidates.first?.path ?? "Assets", key: "",
                            expected: "the Assets folder (with calendar/ and regions/); set --assets or \(environmentVariable)",
                            found: "nothing at " + candidates.map(\.path).joined(separator: ", "))
    }

    private static func isAssetRoot(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("calendar").path, isDirectory: &isDir) && isDir.boolValue
    }
}
