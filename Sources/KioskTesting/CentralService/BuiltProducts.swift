import Foundation

/// The executables `swift build` produced, for end-to-end tests that start real processes.
/// CI runs `swift build` before `swift test`, so they are there.
public enum BuiltProducts {
    public static func path(_ name: String) throws -> String {
        for configuration in ["debug", "release"] {
            let candidate = RepositoryPaths.root.appendingPathComponent(".build/\(configuration)/\(name)").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ChildProcessError.missingBinary(RepositoryPaths.root.appendingPathComponent(".build/debug/\(name)").path)
    }
}
