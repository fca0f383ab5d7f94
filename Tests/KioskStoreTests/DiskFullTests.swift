import Foundation
import KioskDomain
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore

/// A full disk (a size-limited database through `max_page_count`): new cases are refused with a
/// clear message; the queue and the stored cases are untouched and can still be delivered.
@Suite(.computeBound) struct DiskFullTests {
    @Test func newCasesAreRefusedWhileTheQueueKeepsWorking() async throws {
        let rig = try StoreRig(label: "full-reserve")
        defer { rig.remove() }
        let store = try rig.open(maxPageCount: 120, reservedPages: 16)
        var stored: [FiledCase] = []
        var refusal: StoreError?
        for index in 0..<500 {
            let filed = CaseFixtures.withBankAccountAndPhoto(index: index)
            do {
                try await store.confirm(filed)
                stored.append(filed)
            } catch let error as StoreError {
                refusal = error
                break
            }
        }
        let error = try #require(refusal)
        guard case .diskFull(let database, _) = error else {
            Issue.record("expected diskFull, got \(error)")
            return
        }
        #expect(database == rig.databasePath)
        #expect(error.chineseMessage.contains("存储空间已满"))
        #expect(error.chineseMessage.contains("已保存的申请不受影响"))
        #expect(stored.count > 5)
        #expect(try await store.room().acceptsNewCases == false)

        // Refused again, and nothing of the refused case was written.
        let refused = CaseFixtures.withBankAccountAndPhoto(index: 900)
        await #expect(throws: StoreError.self) { try await store.confirm(refused) }
        await #expect(throws: StoreError.caseNotFound(refused.id.uuidString)) { try await store.loadCase(id: refused.id) }

        // Everything stored is intact, queued oldest first, and deliverable within the reserve.
        #expect(try await store.caseCount() == stored.count)
        for filed in stored { #expect(try await store.loadCase(id: filed.id) == filed) }
        let due = try await store.dueOutbox(now: rig.clock.wallTime, limit: 1000)
        #expect(Set(due.map(\.caseID)) == Set(stored.map(\.id)))
        for (number, entry) in due.enumerated() {
            try await store.markDelivered(caseID: entry.caseID, centralCaseNumber: "CQ-\(number)", acknowledgedAt: rig.clock.wallTime,
                                          response: Data(repeating: 0x7B, count: 64))
        }
        #expect(try await store.outboxStats(now: rig.clock.wallTime).delivered == stored.count)
        #expect(try await store.auditLog(limit: 1000).contains { $0.event == AuditEvent.caseRefusedDiskFull.rawValue })
    }

    @Test func sqliteFullInsideTheTransactionIsMappedAndRolledBack() async throws {
        let rig = try StoreRig(label: "full-sqlite")
        defer { rig.remove() }
        // No reserve: the pre-flight passes and SQLite itself runs out of pages mid-transaction.
        let store = try rig.open(maxPageCount: 60, reservedPages: 0)
        var stored = 0
        var failure: StoreError?
        for index in 0..<500 {
            do {
                try await store.confirm(CaseFixtures.withBankAccountAndPhoto(index: index))
                stored += 1
            } catch let error as StoreError {
                failure = error
                break
            }
        }
        guard case .diskFull(_, let detail)? = failure else {
            Issue.record("expected diskFull, got \(String(describing: failure))")
            return
        }
        #expect(!detail.isEmpty)
        // The failed transaction left no partial case, item, field, photo or outbox row.
        let counts = try sqlite(rig.databasePath, """
            SELECT (SELECT count(*) FROM cases) || ' ' || (SELECT count(*) FROM outbox) || ' ' ||
                   (SELECT count(DISTINCT case_id) FROM case_items) || ' ' || (SELECT count(DISTINCT case_id) FROM case_fields) || ' ' ||
                   (SELECT count(*) FROM case_photos)
            """)
        #expect(counts == Array(repeating: "\(stored)", count: 5).joined(separator: " "))
        #expect(try await store.dueOutbox(now: rig.clock.wallTime, limit: 1000).count == stored)
        try await store.close()
        // After a restart with a larger limit, new cases are accepted again.
        let bigger = try rig.open(maxPageCount: 10_000)
        try await bigger.confirm(CaseFixtures.withBankAccountAndPhoto(index: 999))
        #expect(try await bigger.caseCount() == stored + 1)
    }

    @Test func aFillingFileSystemRefusesNewCasesBeforeSQLiteFails() async throws {
        let rig = try StoreRig(label: "full-disk")
        defer { rig.remove() }
        let filed = CaseFixtures.chongqing(index: 0)
        try await rig.open().confirm(filed)
        // Ask for more free space than any disk has: the pre-flight refuses, naming the reserve.
        var configuration = rig.configuration()
        configuration.reservedDiskBytes = Int64.max
        let store = try CaseStore(configuration: configuration)
        let room = try await store.room()
        #expect(!room.acceptsNewCases && room.freeDiskBytes != nil)
        let error = try await #require(throws: StoreError.self) { try await store.confirm(CaseFixtures.chongqing(index: 1)) }
        guard case .diskFull(_, let detail) = error else {
            Issue.record("expected diskFull, got \(error)")
            return
        }
        #expect(detail.contains("bytes free on the file system"))
        #expect(try await store.loadCase(id: filed.id) == filed)
        #expect(try await store.caseCount() == 1)
    }
}
