import Foundation
import KioskDomain
import KioskDomainTesting
import KioskStoreTesting
import TestSupport
import Testing
import TestTraits
@_spi(Benchmark) @testable import KioskStore

/// The visit after filing finds a veteran's own cases by the ID number's keyed lookup tag: all
/// of them, however many cases the kiosk holds, and never a purged one.
@Suite(.computeBound) struct ApplicantLookupTests {
    static let veteran = CaseFixtures.testIDNumbers[0]
    static let others = CaseFixtures.testIDNumbers[1]

    /// Case `index` of the fixtures, filed by `idNumber`.
    static func filed(_ index: Int, by idNumber: String) -> FiledCase {
        var filed = CaseFixtures.chongqing(index: index)
        filed.applicant.idNumber = idNumber
        return filed
    }

    @Test func aVeteransOldestCaseIsFoundBehindSixHundredNewerOnes() async throws {
        let rig = try StoreRig(label: "lookup-many")
        defer { rig.remove() }
        let store = try rig.open()
        let oldest = Self.filed(0, by: Self.veteran)
        try await store.confirm(oldest, durability: .normal)
        for index in 1...600 { try await store.confirm(Self.filed(index, by: Self.others), durability: .normal) }
        let found = try await store.applicantCases(idNumber: Self.veteran, limit: 10)
        #expect(found == [oldest])
        let theirs = try await store.applicantCases(idNumber: Self.others, limit: 3)
        #expect(theirs.map(\.localReference) == ["CQ01-20261123-0601", "CQ01-20261123-0600", "CQ01-20261123-0599"])
        #expect(try await store.applicantCases(idNumber: CaseFixtures.testIDNumbers[2]).isEmpty)
        // One indexed query, not a scan of the table.
        let plan = try sqlite(rig.databasePath, """
            EXPLAIN QUERY PLAN SELECT id FROM cases WHERE applicant_tag = x'00' AND purged_at IS NULL ORDER BY filed_at DESC, id LIMIT 5
            """)
        #expect(plan.contains("USING INDEX cases_applicant_tag"), "\(plan)")
    }

    @Test func theTagIsKeyedAndHoldsNoDigitOfTheNumber() async throws {
        let first = try StoreRig(label: "lookup-key-a"), second = try StoreRig(label: "lookup-key-b")
        defer { first.remove(); second.remove() }
        for rig in [first, second] { try await rig.open().confirm(Self.filed(0, by: Self.veteran)) }
        let tags = try [first, second].map { try sqlite($0.databasePath, "SELECT hex(applicant_tag) FROM cases") }
        #expect(tags.allSatisfy { $0.count == 2 * Sealer.applicantTagLength }, "\(tags)")
        #expect(tags[0] != tags[1], "two stores with different keys give the same person different tags")
        let digits = Self.veteran.unicodeScalars.map { String(format: "%02X", $0.value) }.joined()
        for tag in tags { #expect(!tag.contains(digits.prefix(12))) }
    }

    @Test func aPurgedCaseLosesItsTagAndIsNotFound() async throws {
        let rig = try StoreRig(label: "lookup-purge")
        defer { rig.remove() }
        let store = try rig.open(purgeAfterDays: 30)
        let old = Self.filed(0, by: Self.veteran), recent = Self.filed(1, by: Self.veteran)
        try await store.confirm(old)
        try await store.confirm(recent)
        try await store.markDelivered(caseID: old.id, centralCaseNumber: "CQ-1", acknowledgedAt: rig.clock.wallTime, response: Data())
        #expect(try await store.purgeExpired(now: rig.clock.wallTime.addingTimeInterval(31 * 86_400)) == 1)
        #expect(try await store.applicantCases(idNumber: Self.veteran).map(\.id) == [recent.id])
        #expect(try sqlite(rig.databasePath, "SELECT count(*) FROM cases WHERE id = '\(old.id.uuidString)' AND applicant_tag IS NULL") == "1")
    }

    @Test func casesStoredBeforeTagsExistedGetThemWhenTheStoreOpens() async throws {
        let rig = try StoreRig(label: "lookup-backfill")
        defer { rig.remove() }
        let cases = (0..<3).map { Self.filed($0, by: $0 == 1 ? Self.others : Self.veteran) }
        let store = try rig.open()
        for filed in cases { try await store.confirm(filed) }
        try await store.close()
        // As a database written before the lookup tag: no case has one.
        _ = try sqlite(rig.databasePath, "UPDATE cases SET applicant_tag = NULL")

        let reopened = try rig.open()
        #expect(try await reopened.applicantCases(idNumber: Self.veteran).map(\.id) == [cases[2].id, cases[0].id])
        #expect(try await reopened.applicantCases(idNumber: Self.others).map(\.id) == [cases[1].id])
        #expect(try sqlite(rig.databasePath, "SELECT count(*) FROM cases WHERE applicant_tag IS NULL") == "0")
    }
}
