import Foundation
import KioskDomain
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore

/// Closing and reopening keeps everything; sealed personal data is purged after acknowledgement.
@Suite(.computeBound) struct ReopenAndPurgeTests {
    @Test func reopeningAfterCloseKeepsCasesAndQueueState() async throws {
        let rig = try StoreRig(label: "reopen")
        defer { rig.remove() }
        let cases = (0..<4).map { CaseFixtures.withBankAccountAndPhoto(index: $0) }
        var store: CaseStore? = try rig.open()
        for filed in cases { try await store?.confirm(filed) }
        try await store?.markDelivered(caseID: cases[0].id, centralCaseNumber: "CQ-9", acknowledgedAt: rig.clock.wallTime, response: Data())
        try await store?.markAttemptFailed(caseID: cases[1].id, error: "timeout", nextAttemptAt: rig.clock.wallTime.addingTimeInterval(30),
                                           permanent: false)
        try await store?.markAttemptFailed(caseID: cases[2].id, error: "422", nextAttemptAt: rig.clock.wallTime, permanent: true)
        try await store?.recordDiagnostic(check: "printer.test-page", passed: true)
        let before = try await store?.outboxEntries()
        try await store?.close()
        store = nil

        let reopened = try rig.open()
        #expect(try await reopened.outboxEntries() == before)
        var expected = cases[0]
        expected.centralCaseNumber = "CQ-9"
        #expect(try await reopened.loadCase(id: cases[0].id) == expected)
        for filed in cases.dropFirst() { #expect(try await reopened.loadCase(id: filed.id) == filed) }
        #expect(try await reopened.latestDiagnostics().map(\.check) == ["printer.test-page"])
        let summaries = try await reopened.caseSummaries()
        #expect(summaries.map(\.id) == cases.reversed().map(\.id))
        #expect(summaries.map(\.outboxState) == [.pending, .dead, .pending, .delivered])
    }

    @Test func sealedDataIsPurgedAfterTheRetentionPeriodAndLeavesTheFiles() async throws {
        let rig = try StoreRig(label: "purge")
        defer { rig.remove() }
        let store = try rig.open(purgeAfterDays: 30)
        let delivered = CaseFixtures.withBankAccountAndPhoto(index: 0)
        let queued = CaseFixtures.withBankAccountAndPhoto(index: 1)
        try await store.confirm(delivered)
        try await store.confirm(queued)
        try await store.markDelivered(caseID: delivered.id, centralCaseNumber: "CQ-1", acknowledgedAt: rig.clock.wallTime, response: Data("{}".utf8))
        let sealedApplicant = hexBytes(try sqlite(rig.databasePath,
            "SELECT hex(sealed_applicant) FROM cases WHERE id = '\(delivered.id.uuidString)'"))
        #expect(sealedApplicant.count > 32)

        #expect(try await store.purgeExpired(now: rig.clock.wallTime.addingTimeInterval(29 * 86_400)) == 0)
        #expect(try await store.loadCase(id: delivered.id).applicant == delivered.applicant)
        let purgeTime = rig.clock.wallTime.addingTimeInterval(30 * 86_400)
        #expect(try await store.purgeExpired(now: purgeTime) == 1)
        #expect(try await store.purgeExpired(now: purgeTime) == 0)

        await #expect(throws: StoreError.personalDataPurged(id: delivered.id, purgedAt: purgeTime)) {
            try await store.loadCase(id: delivered.id)
        }
        // The queued case is untouched; the purged one keeps its metadata for statistics.
        #expect(try await store.loadCase(id: queued.id) == queued)
        let summary = try #require(try await store.caseSummaries().first { $0.id == delivered.id })
        #expect(summary.purged && summary.centralCaseNumber == "CQ-1" && summary.itemCount == delivered.items.count)
        #expect(try sqlite(rig.databasePath, "SELECT count(*) FROM case_fields WHERE case_id = '\(delivered.id.uuidString)' AND clear_value = '中国工商银行重庆渝北支行'") == "1")
        // The old ciphertext is gone from the files, not only from the table.
        for file in rig.databaseFiles {
            #expect(try !PersonalDataProbe.fileContains(file, sealedApplicant), "\(file.lastPathComponent) still holds the sealed applicant")
        }
        #expect(try await store.auditLog().contains { $0.event == AuditEvent.personalDataPurged.rawValue && $0.caseID == delivered.id })
    }

    @Test func openingTheStorePurgesWhatIsDueUnlessInspecting() async throws {
        let rig = try StoreRig(label: "purge-open")
        defer { rig.remove() }
        let filed = CaseFixtures.withBankAccountAndPhoto(index: 4)
        let store = try rig.open(purgeAfterDays: 7)
        try await store.confirm(filed)
        try await store.markDelivered(caseID: filed.id, centralCaseNumber: "CQ-4", acknowledgedAt: rig.clock.wallTime, response: Data())
        try await store.close()
        rig.clock.advance(seconds: 8 * 86_400)

        var inspecting = rig.configuration(purgeAfterDays: 7, createIfMissing: false)
        inspecting.purgeOnOpen = false
        #expect(try await CaseStore(configuration: inspecting).loadCase(id: filed.id).applicant == filed.applicant)
        let daemon = try rig.open(purgeAfterDays: 7)
        await #expect(throws: StoreError.personalDataPurged(id: filed.id, purgedAt: rig.clock.wallTime)) {
            try await daemon.loadCase(id: filed.id)
        }
    }
}
