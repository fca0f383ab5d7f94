import Foundation
import Testing
import TestTraits
import TestSupport

/// A module's tests link only what they use: every dependency Package.swift gives a test target
/// (or a `…Testing` rig module) is imported by at least one of its files. Stops a test target
/// from dragging GRDB, Hummingbird or libcups into a suite that never touches them.
@Suite(.realTime) struct TestLinkageTests {
    static let root = RepositoryPaths.root

    /// `name → declared dependencies` for the manifest's test targets and rig modules.
    static func declaredDependencies() throws -> [String: [String]] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let regex = try NSRegularExpression(
            pattern: #"\.(testTarget|target)\(name: "([A-Za-z]+(?:Tests|Testing))",\s*dependencies: \[(.*?)\]\s*[,)]"#,
            options: [.dotMatchesLineSeparators])
        var result: [String: [String]] = [:]
        for match in regex.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)) {
            let name = String(manifest[Range(match.range(at: 2), in: manifest)!])
            let body = String(manifest[Range(match.range(at: 3), in: manifest)!])
            let products = try NSRegularExpression(pattern: #"\.product\(name: "([A-Za-z]+)""#)
                .matches(in: body, range: NSRange(body.startIndex..., in: body))
                .map { String(body[Range($0.range(at: 1), in: body)!]) }
            let plain = body.replacingOccurrences(of: #"\.product\([^)]*\)"#, with: "", options: .regularExpression)
            let targets = try NSRegularExpression(pattern: #""([A-Za-z]+)""#)
                .matches(in: plain, range: NSRange(plain.startIndex..., in: plain))
                .map { String(plain[Range($0.range(at: 1), in: plain)!]) }
            result[name] = targets + products
        }
        return result
    }

    static func imports(of folder: URL) throws -> Set<String> {
        var modules: Set<String> = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                if let i = words.firstIndex(of: "import"), i + 1 < words.count, words[..<i].allSatisfy({ $0.hasPrefix("@") || $0 == "public" || $0 == "package" }) {
                    modules.insert(String(words[i + 1]))
                }
            }
        }
        return modules
    }

    @Test func everyDeclaredDependencyIsImported() throws {
        let declared = try Self.declaredDependencies()
        #expect(declared.keys.contains("TerminalUITests") && declared.keys.contains("KioskStoreTesting"), "\(declared.keys.sorted())")
        for (name, dependencies) in declared.sorted(by: { $0.key < $1.key }) {
            let folder = Self.root.appendingPathComponent(name.hasSuffix("Tests") ? "Tests" : "Sources").appendingPathComponent(name)
            let imported = try Self.imports(of: folder)
            for dependency in dependencies where !imported.contains(dependency) {
                Issue.record("\(name) links \(dependency) but none of its files imports it")
            }
        }
    }

    /// The terminal toolkit's tests stay light: no store, no HTTP, no CUPS.
    @Test func terminalUITestsLinkNoHeavyModule() throws {
        let declared = try #require(try Self.declaredDependencies()["TerminalUITests"])
        for heavy in ["KioskStore", "CentralService", "CentralSim", "ReceiptPrinter", "KioskTesting", "GRDB", "Hummingbird"] {
            #expect(!declared.contains(heavy))
        }
    }
}
