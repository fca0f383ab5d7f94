import Foundation
import Testing
import TestTraits
import TestSupport

/// `scripts/setup` holds the only list of Debian packages the project needs. Every system library
/// Package.swift links (its headers and its library), every package named in an `.apt` provider,
/// and every program or data file the test rigs use by absolute path must come from a package on
/// that list — asked of dpkg, so there is no second list to drift.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg"), "needs dpkg (Debian)"), .realTime)
struct SetupPackagesTests {
    static let root = RepositoryPaths.root

    static func setupList() async throws -> Set<String> {
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), [root.appendingPathComponent("scripts/setup").path, "--list"])
        #expect(result.status == 0, "\(result.stderrText)")
        return Set(result.stdoutText.split(separator: "\n").map(String.init))
    }

    /// The Debian packages owning `path` (a shared folder has several), or nil.
    static func owners(of path: String) async throws -> [String]? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        for candidate in [path, resolved] {
            let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/dpkg"), ["-S", candidate])
            if result.status == 0, let line = result.stdoutText.split(separator: "\n").first,
               let names = line.split(separator: ":").first {
                return names.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
        return nil
    }

    /// Debian's essential packages (dpkg, coreutils, …) are on every system.
    static func isEssential(_ package: String) async throws -> Bool {
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/dpkg-query"), ["-W", "-f=${Essential}", package])
        return result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == "yes"
    }

    /// Whether one of `owners` is installed by scripts/setup, the toolchain or Debian itself.
    static func covered(_ owners: [String], by listed: Set<String>) async throws -> Bool {
        for owner in owners {
            if listed.contains(owner) || toolchain.contains(owner) { return true }
            if try await isEssential(owner) { return true }
        }
        return false
    }

    /// What the Swift toolchain itself needs on Debian (glibc's headers): not ours to install.
    static let toolchain: Set<String> = ["libc6-dev", "libc6", "linux-libc-dev"]

    /// Headers and libraries of the system-library targets (Sources/C*/).
    static func systemLibraryFiles() throws -> [(target: String, path: String)] {
        var files: [(String, String)] = []
        let sources = root.appendingPathComponent("Sources")
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted() {
            let map = sources.appendingPathComponent(target).appendingPathComponent("module.modulemap")
            guard let modulemap = try? String(contentsOf: map, encoding: .utf8) else { continue }
            let shim = (try? String(contentsOf: sources.appendingPathComponent(target).appendingPathComponent("shim.h"), encoding: .utf8)) ?? ""
            for include in matches(#"#include <([^>]+)>"#, in: shim) {
                let dirs = ["/usr/include", "/usr/include/x86_64-linux-gnu", "/usr/include/aarch64-linux-gnu", "/usr/include/libusb-1.0"]
                // A header found in none of the system folders is the compiler's own (stddef.h).
                if let found = dirs.map({ "\($0)/\(include)" }).first(where: FileManager.default.fileExists(atPath:)) {
                    files.append((target, found))
                }
            }
            for link in matches(#"link "([^"]+)""#, in: modulemap) {
                let dirs = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib"]
                let candidates = dirs.flatMap { ["\($0)/lib\(link).so", "\($0)/lib\(link).a"] }
                let found = candidates.first(where: FileManager.default.fileExists(atPath:))
                files.append((target, found ?? "/usr/lib/lib\(link).so"))
            }
        }
        return files
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func everySystemLibraryComesFromAListedPackage() async throws {
        let listed = try await Self.setupList()
        let files = try Self.systemLibraryFiles()
        #expect(files.count >= 8, "found the system-library targets' headers and libraries: \(files)")
        for (target, path) in files {
            let owners = try await Self.owners(of: path)
            #expect(owners != nil, "\(target): \(path) belongs to no installed package — is it in scripts/setup?")
            if let owners { #expect(try await Self.covered(owners, by: listed), "\(target): \(path) comes from \(owners), which scripts/setup does not install") }
        }
    }

    @Test func everyAptProviderIsListed() async throws {
        let listed = try await Self.setupList()
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let named = Self.matches(#"\.apt\(\[([^\]]+)\]\)"#, in: manifest)
            .flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
        #expect(!named.isEmpty)
        for package in named { #expect(listed.contains(package), "Package.swift names \(package) as a provider; scripts/setup does not install it") }
    }

    /// Programs and data the test rigs and suites use by absolute path (cupsd, lpadmin, sqlite3,
    /// tmux, the Haar cascade, …).
    @Test func everyProgramTheSuitesStartIsListed() async throws {
        let listed = try await Self.setupList()
        var paths: Set<String> = []
        for folder in ["Sources", "Tests"] {
            let files = FileManager.default.enumerator(at: Self.root.appendingPathComponent(folder), includingPropertiesForKeys: nil)!
            for case let file as URL in files where file.pathExtension == "swift" {
                let text = try String(contentsOf: file, encoding: .utf8)
                for path in Self.matches(#""(/usr/(?:s?bin|share)/[A-Za-z0-9_./+-]+)""#, in: text) { paths.insert(path) }
            }
        }
        #expect(paths.contains("/usr/sbin/cupsd") && paths.contains("/usr/bin/tmux"), "\(paths.sorted())")
        for path in paths.sorted() {
            guard let owners = try await Self.owners(of: path) else {
                Issue.record("\(path) is used by a test or rig but no installed package provides it — add its package to scripts/setup")
                continue
            }
            #expect(try await Self.covered(owners, by: listed), "\(path) comes from \(owners), which scripts/setup does not install")
        }
    }
}
