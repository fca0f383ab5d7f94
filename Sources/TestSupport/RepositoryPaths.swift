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

    /// The Swift files under `folder` (relative to the root, e.g. "Sources"), with their paths
    /// relative to the root, in a stable order: what the repository's lint tests walk.
    public static func swiftFiles(under folder: String) -> [(relative: String, url: URL)] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .map { (String($0.path.dropFirst(root.path.count + 1)), $0) }
            .sorted { $0.relative < $1.relative }
    }

    /// A new empty directory under the system's temporary folder; the caller removes it.
    public static func temporaryDirectory(_ label: String = "kiosk-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
