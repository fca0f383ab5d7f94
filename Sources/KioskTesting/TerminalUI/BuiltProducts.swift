import Foundation

/// Executables built by this package, for end-to-end tests that run the real programs.
public enum BuiltProducts {
    /// The path of executable `name` from the same build as the running tests (next to the test
    /// bundle), or from `.build/debug`. Throws with the fix when it has not been built.
    public static func executable(_ name: String) throws -> String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
        let debug = RepositoryPaths.root.appendingPathComponent(".build/debug/\(name)")
        for candidate in [besideTests, debug] where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate.path
        }
        throw MissingProduct(name: name, looked: [besideTests.path, debug.path])
    }

    public struct MissingProduct: Error, CustomStringConvertible {
        public let name: String
        public let looked: [String]
        public var description: String {
            "executable \(name) not built (looked in \(looked.joined(separator: ", "))); run `swift build` before `swift test`"
        }
    }
}
