import Foundation
import Testing
import TestTraits
import TestSupport

/// Every suite says how it runs in a parallel run — `.computeBound` (it only computes) or
/// `.realTime` (it waits on processes, ptys, servers or clocks) — so no test runs on the
/// cooperative pool and holds up another (TestSupport.TestExecutors). A new suite without
/// either fails here with its file and line.
@Suite(.computeBound) struct TestSchedulingTests {
    /// Each `@Suite` attribute (its whole argument list, over several lines if need be) and each
    /// `@Test` at the top level of a file, with where it starts.
    static func attributes(in text: String) -> [(line: Int, text: String)] {
        func depth(_ text: String) -> Int { text.reduce(0) { $0 + ($1 == "(" ? 1 : $1 == ")" ? -1 : 0) } }
        var found: [(Int, String)] = []
        let lines = text.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            let marker = line.range(of: "@Suite") ?? (line.hasPrefix("@Test") ? line.range(of: "@Test") : nil)
            guard let marker else { continue }
            var attribute = String(line[marker.lowerBound...])
            // An argument list may run over several lines: read on until its parentheses close.
            var row = index
            while line[marker.upperBound...].hasPrefix("("), depth(attribute) > 0, row + 1 < lines.count {
                row += 1
                attribute += "\n" + lines[row]
            }
            found.append((index + 1, attribute))
        }
        return found
    }

    static func declaresScheduling(_ attribute: String) -> Bool {
        attribute.contains(".computeBound") || attribute.contains(".realTime")
    }

    @Test func everySuiteSaysHowItRuns() throws {
        var offenders: [String] = []
        for (relative, file) in RepositoryPaths.swiftFiles(under: "Tests") {
            // This file's own examples are text, not suites.
            guard relative != "Tests/RepositoryTests/TestSchedulingTests.swift" else { continue }
            for (line, attribute) in Self.attributes(in: try String(contentsOf: file, encoding: .utf8))
            where !Self.declaresScheduling(attribute) {
                offenders.append("\(relative):\(line): \(attribute.prefix(60)) — add .computeBound or .realTime (docs/testing.md)")
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    /// The scan sees a bare suite, a suite with other traits over two lines, and a top-level test.
    @Test func theScanCatchesEachForm() {
        let text = """
            @Suite struct A {}
            @Suite("name",
                   .serialized) struct B {}
            @Suite("c", .realTime) struct C {}
            @Test func free() {}
            struct D { @Test func inside() {} }
            """
        let found = Self.attributes(in: text)
        #expect(found.map(\.line) == [1, 2, 4, 5])
        #expect(found.filter { !Self.declaresScheduling($0.text) }.map(\.line) == [1, 2, 5])
    }
}
