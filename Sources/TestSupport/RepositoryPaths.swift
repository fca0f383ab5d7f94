import Foundation

/// Paths inside this checkout, for tests: the real `Assets/` and a fresh temporary folder.
///
/// Tests read the same asset files the programs ship, never a copy, so a broken profile or
/// calendar fails the tests before it reaches a hall.
public enum RepositoryPaths {
    /// The repository root, found from this source file's location.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // TestSupport
        .deletingLastPathComponent() // Sources
        .deletingLastPathComponent()

    /// A new empty directory under the system's temporary folder; the caller removes it.
    public static func temporaryDirectory(_ label: String = "kiosk-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
