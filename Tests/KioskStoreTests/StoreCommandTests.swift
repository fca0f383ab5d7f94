import Foundation
import KioskDomain
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore

/// `kioskctl cases list|show` and `kioskctl outbox list|retry` as an operator runs them: the built
/// binary in a real process against a store file, DESIGN's exit codes, masked output only.
@Suite(.realTime) struct StoreCommandTests {
    struct Fixture {
        let rig: StoreRig
        let cases: [FiledCase]

        init() async throws {
            rig = try StoreRig(label: "kioskctl-store")
            cases = (0..<3).map { CaseFixtures.withBankAccountAndPhoto(index: $0) }
            let store = try rig.open(alertThreshold: 5)
            for filed in cases {
                try await store.confirm(filed)
                rig.clock.advance(seconds: 60)
            }
            try await store.markDelivered(caseID: cases[0].id, centralCaseNumber: "CQ2026112300042", acknowledgedAt: rig.clock.wallTime,
                                          response: Data())
            try await store.markAttemptFailed(caseID: cases[1].id, error: "422 身份证号码 \(cases[1].applicant.idNumber) 校验失败",
                                              nextAttemptAt: rig.clock.wallTime.addingTimeInterval(3600), permanent: true)
            try await store.close()
        }

        func kioskctl(_ arguments: [String]) async throws -> ProcessRunner.Result {
            try await ProcessRunner.runProduct("kioskctl", arguments + ["--db", rig.databasePath, "--key", rig.keyFilePath])
        }

        /// Every personal value of every case, which no output may contain.
        var personalValues: [String] { cases.flatMap(PersonalDataProbe.values(of:)) }

        func expectNoPersonalData(_ result: ProcessRunner.Result) {
            for value in personalValues {
                #expect(!result.stdoutText.contains(value) && !result.stderrText.contains(value), "output leaks a personal value")
            }
        }
    }

    @Test func casesListShowsMaskedNamesNewestFirst() async throws {
        let fixture = try await Fixture()
        defer { fixture.rig.remove() }
        let result = try await fixture.kioskctl(["cases", "list", "--json"])
        #expect(result.status == 0, "\(result.stderrText)")
        fixture.expectNoPersonalData(result)
        struct Document: Decodable { var count: Int; var cases: [CaseListing] }
        let document = try JSONDecoder().decode(Document.self, from: result.stdout)
        #expect(document.count == 3)
        #expect(document.cases.map(\.localReference) == fixture.cases.reversed().map(\.localReference))
        #expect(document.cases.last?.maskedName == Masking.name(fixture.cases[0].applicant.name))
        #expect(document.cases.map(\.state) == [.pending, .dead, .delivered])

        let text = try await fixture.kioskctl(["cases", "list"])
        #expect(text.status == 0)
        #expect(text.stdoutText.contains("本地编号") && text.stdoutText.contains("被拒收"))
        fixture.expectNoPersonalData(text)
    }

    @Test func casesShowFindsByReferenceAndMasksEveryPersonalField() async throws {
        let fixture = try await Fixture()
        defer { fixture.rig.remove() }
        let filed = fixture.cases[0]
        for key in [filed.localReference, filed.id.uuidString, "CQ2026112300042"] {
            let result = try await fixture.kioskctl(["cases", "show", key, "--json"])
            #expect(result.status == 0, "\(result.stderrText)")
            fixture.expectNoPersonalData(result)
            let masked = try JSONDecoder().decode(MaskedCase.self, from: result.stdout)
            #expect(masked.id == filed.id.uuidString && masked.centralCaseNumber == "CQ2026112300042")
            #expect(masked.applicant?.idNumber == Masking.idNumber(filed.applicant.idNumber))
            #expect(masked.applicant?.hasPhoto == true)
            #expect(masked.fields.first { $0.code == "bank_account" }?.value == "****3445")
            #expect(masked.fields.first { $0.code == "enlist_date" }?.value == "2021-09-10")
            #expect(masked.items.count == filed.items.count)
        }
        let text = try await fixture.kioskctl(["cases", "show", filed.localReference])
        #expect(text.status == 0)
        #expect(text.stdoutText.contains("申请人：\(Masking.name(filed.applicant.name))"))
        fixture.expectNoPersonalData(text)

        let unknown = try await fixture.kioskctl(["cases", "show", "CQ01-19990101-9999"])
        #expect(unknown.status == 1)
        #expect(unknown.stderrText.contains("未找到该案件"))
    }

    @Test func outboxListAndRetry() async throws {
        let fixture = try await Fixture()
        defer { fixture.rig.remove() }
        let listed = try await fixture.kioskctl(["outbox", "list", "--json"])
        #expect(listed.status == 0, "\(listed.stderrText)")
        fixture.expectNoPersonalData(listed)
        let report = try JSONDecoder().decode(OutboxReport.self, from: listed.stdout)
        #expect(report.entries.map(\.localReference) == fixture.cases.map(\.localReference))
        #expect(report.stats.dead == 1 && report.stats.pending == 1 && report.stats.delivered == 1)
        let dead = try #require(report.entries.first { $0.state == .dead })
        #expect(dead.alerting && dead.lastError?.contains("[已隐去]") == true)

        let deadOnly = try JSONDecoder().decode(OutboxReport.self, from: try await fixture.kioskctl(["outbox", "list", "--state", "dead", "--json"]).stdout)
        #expect(deadOnly.entries.map(\.caseID) == [fixture.cases[1].id.uuidString])

        let retried = try await fixture.kioskctl(["outbox", "retry", fixture.cases[1].localReference])
        #expect(retried.status == 0, "\(retried.stderrText)")
        #expect(retried.stdoutText.contains("已安排立即重新报送"))
        let store = try fixture.rig.open()
        #expect(try await store.outboxStats(now: Date()).dead == 0)
        #expect(try await store.dueOutbox(now: Date(), limit: 10).map(\.caseID).contains(fixture.cases[1].id))

        let delivered = try await fixture.kioskctl(["outbox", "retry", fixture.cases[0].localReference, "--json"])
        #expect(delivered.status == 1)
        #expect(delivered.stderrText.contains("已成功报送"))
        #expect(delivered.stdout.isEmpty)
    }

    @Test func aMissingDatabaseOrKeyCannotRunAndCreatesNothing() async throws {
        let fixture = try await Fixture()
        defer { fixture.rig.remove() }
        let missing = fixture.rig.directory.appendingPathComponent("nope.sqlite").path
        let noDatabase = try await ProcessRunner.runProduct("kioskctl", ["cases", "list", "--db", missing, "--key", fixture.rig.keyFilePath])
        #expect(noDatabase.status == 2)
        #expect(noDatabase.stderrText.contains(missing))
        #expect(!FileManager.default.fileExists(atPath: missing))

        let otherKey = fixture.rig.directory.appendingPathComponent("other.key").path
        let noKey = try await ProcessRunner.runProduct("kioskctl", ["outbox", "list", "--db", fixture.rig.databasePath, "--key", otherKey])
        #expect(noKey.status == 2)
        #expect(noKey.stderrText.contains(otherKey) && noKey.stderrText.contains("找不到数据加密密钥文件"))
        #expect(!FileManager.default.fileExists(atPath: otherKey))
    }
}
