import Foundation
import KioskDomainTesting
import TestSupport
import Testing
import TestTraits

/// `kioskctl validate` as a technician or a script calls it: a real process, DESIGN's exit codes,
/// one JSON document, and never the unmasked value.
@Suite(.realTime) struct ValidateCommandTests {
    struct Output: Decodable {
        struct Finding: Decodable { var code: String; var message: String }
        var kind: String
        var valid: Bool
        var value: String?
        var problems: [Finding]
        var warnings: [Finding]
    }

    private func validate(_ args: [String]) async throws -> (ProcessRunner.Result, Output?) {
        let result = try await ProcessRunner.runProduct("kioskctl", ["validate"] + args + ["--json", "--today", "2026-11-23"])
        return (result, try? JSONDecoder().decode(Output.self, from: result.stdout))
    }

    @Test func validIDNumberExitsZeroAndIsMasked() async throws {
        let (result, output) = try await validate(["id-number", "11010519491231002X"])
        #expect(result.status == 0)
        #expect(output?.valid == true)
        #expect(output?.value == "110***********002X")
        #expect(!result.stdoutText.contains("19491231"))
    }

    @Test func invalidIDNumberExitsOneWithItsReason() async throws {
        let (result, output) = try await validate(["id-number", "110105194902300020"])
        #expect(result.status == 1)
        #expect(output?.problems.first?.code == "invalid_birth_date")
        #expect(!result.stdoutText.contains("110105194902300020"))
    }

    @Test func luhnFailureIsAWarningNotARefusal() async throws {
        let (result, output) = try await validate(["bank-card", "6212345678901266"])
        #expect(result.status == 0)
        #expect(output?.warnings.first?.code == "luhn")
        #expect(output?.value == "****1266")
    }

    @Test func badArgumentsExitTwo() async throws {
        let result = try await ProcessRunner.runProduct("kioskctl", ["validate", "passport", "x"])
        #expect(result.status == 2)
        #expect(!result.stderrText.isEmpty)
        let missingAssets = try await ProcessRunner.runProduct("kioskctl", ["validate", "id-number", "1", "--assets", "/nonexistent"])
        #expect(missingAssets.status == 2)
        #expect(missingAssets.stderrText.contains("/nonexistent"))
    }
}
