import Foundation
import KioskTesting
import KioskOperationsTesting
import Testing
import TestTraits

/// The status API against outside tools, through the repository's scripts: schemathesis against
/// the server's own OpenAPI document, and Debian's prometheus scraping it with the shipped scrape
/// job and alert rules. CI installs both (.ci/run); elsewhere the tests skip and say why.
@Suite("Status API with schemathesis and Prometheus", .serialized, .realTime)
struct MonitoringToolsTests {
    static func installed(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    static func script(_ name: String) async throws -> ProcessRunner.Result {
        let binDirectory = URL(fileURLWithPath: try BuiltProducts.path("bench-operations")).deletingLastPathComponent().path
        let script = RepositoryPaths.root.appendingPathComponent("scripts/\(name)")
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try ProcessRunner.runBlocking(script, [binDirectory], timeout: 480) })
            }
        }
    }

    @Test("schemathesis finds no deviation from status.yaml, on loopback and behind the token",
          .enabled(if: installed("schemathesis"), "schemathesis is not installed: pip install schemathesis"))
    func schemathesis() async throws {
        let result = try await Self.script("check-status-api")
        #expect(result.status == 0, "\(result.stdoutText)\n\(result.stderrText)")
        #expect(result.stdoutText.contains("2 passed, 0 failed"))
    }

    @Test("prometheus scrapes the status API with the shipped job; promtool accepts the rules; alerts fire",
          .enabled(if: installed("prometheus") && installed("promtool"), "prometheus is not installed: apt-get install prometheus"))
    func prometheus() async throws {
        let result = try await Self.script("check-monitoring")
        #expect(result.status == 0, "\(result.stdoutText)\n\(result.stderrText)")
        #expect(result.stdoutText.contains(" 0 failed"))
    }
}
