import Foundation
import TestSupport
import Testing
import TestTraits

/// central-sim against its contract (Assets/api/central.yaml) with schemathesis, through the
/// repository's script and its signing proxy. CI installs schemathesis (scripts/setup); elsewhere
/// the test skips and says why.
@Suite("central-sim with schemathesis", .serialized, .realTime)
struct CentralContractToolsTests {
    static var schemathesisInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/schemathesis") }
    }

    @Test("schemathesis finds no deviation from central.yaml in the rating operations",
          .enabled(if: schemathesisInstalled, "schemathesis is not installed: pip install schemathesis"))
    func ratingsFollowTheContract() async throws {
        let binDirectory = URL(fileURLWithPath: try BuiltProducts.path("central-sim")).deletingLastPathComponent().path
        let script = RepositoryPaths.root.appendingPathComponent("scripts/check-central-api")
        let result = try await ProcessRunner.run(script, [binDirectory, "submitRating", "listTerminalRatings"], timeout: 480)
        #expect(result.status == 0, "\(result.stdoutText)\n\(result.stderrText)")
        #expect(result.stdoutText.contains("1 passed, 0 failed"))
    }
}
