import Foundation
import PhotoCheckTesting
import KioskDomainTesting
import TestSupport
import TestTraits
import Testing
@testable import PhotoCheck

/// Each failure fixture fails exactly its check(s); the good photo passes every check.
@Suite(.computeBound) struct FixtureCheckTests {
    @Test func theCommittedPortraitPassesEveryCheck() throws {
        let report = try PhotoTestSupport.checker().check(PhotoFixtures.astronautBytes(), file: "astronaut")
        #expect(report.verdict == .accepted)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.checks.allSatisfy { $0.status == .pass })
        #expect(Set(report.checks.map(\.code)) == Set(CheckCode.allCases))
    }

    @Test(arguments: PhotoFixtures.Case.allCases)
    func fixtureFailsExactlyItsChecks(_ fixture: PhotoFixtures.Case) throws {
        let report = try PhotoTestSupport.checker().check(PhotoFixtures.bytes(fixture), file: fixture.rawValue)
        #expect(PhotoTestSupport.failedCodes(report) == PhotoFixtures.expectedFailures(fixture),
                "\(fixture): \(report.failures.map { "\($0.code.rawValue) \($0.measured)" })")
        let expected = PhotoFixtures.expectedFailures(fixture)
        let verdict: PhotoReport.Verdict = expected.contains(.decode) ? .unreadable
            : expected.contains { $0.severity == .refuse } ? .refused : .accepted
        #expect(report.verdict == verdict)
        for failure in report.failures {
            #expect(!failure.message.isEmpty && !failure.measured.isEmpty && !failure.expected.isEmpty)
        }
    }

    @Test func everyFailureIsReportedAtOnce() throws {
        // Progressive, grey and the wrong size together: three problems, three failed checks.
        let large = try PhotoFixtures.astronaut().resized(width: 430, height: 530)
        let bytes = try PhotoFixtures.encode(large, options: .init(progressive: true, mode: .gray))
        let report = try PhotoTestSupport.checker().check(bytes, file: "combined")
        #expect(PhotoTestSupport.failedCodes(report) == [.baseline, .colorSpace, .colour, .pixelSize])
        #expect(report.verdict == .refused)
    }

    @Test func messagesStateTheMeasuredValueAndTheTarget() throws {
        let report = try PhotoTestSupport.checker().check(PhotoFixtures.bytes(.tooLarge), file: "large")
        let size = try #require(report.result(.pixelSize))
        #expect(size.message.contains("358×441") && size.message.contains("430×530"))
        #expect(size.measured == "430×530")
    }

    @Test func aFileThatIsNotAJPEGIsUnreadable() throws {
        let report = try PhotoTestSupport.checker().check(Array("not a photo".utf8), file: "text")
        #expect(report.verdict == .unreadable)
        #expect(report.result(.decode)?.status == .fail)
    }

    @Test func faceChecksAreSkippedNotFailedWithoutAFace() throws {
        let report = try PhotoTestSupport.checker().check(PhotoFixtures.bytes(.faceCovered), file: "covered")
        for code in [CheckCode.faceWidth, .faceCentred, .headTop, .exposure, .sharpness] {
            #expect(report.result(code)?.status == .skipped)
        }
    }
}
