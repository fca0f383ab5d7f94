import Foundation

/// The executables `swift build` produced, for end-to-end tests that start real processes.
/// CI runs `swift build` before `swift test`, so they are there.
public enum BuiltProducts {
    /// The path of executable `name`: beside the running test bundle (the same build), else in
    /// the checkout's `.build/debug` or `.build/release`.
    public static func path(_ name: String) throws -> String {
        if let beside = try? ProcessRunner.product(name) { return beside.path }
        for configuration in ["debug", "release"] {
            let candidate = RepositoryPaths.root.appendingPathComponent(".build/\(configuration)/\(name)").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ProcessRunner.Failure.notBuilt(ProcessRunner.productsDirectory.appendingPathComponent(name).path)
    }
}
