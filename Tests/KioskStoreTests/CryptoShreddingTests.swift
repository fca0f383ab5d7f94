import Foundation
import GRDB
import KioskDomain
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore

/// Each case is sealed under its own data key, wrapped by the master key; a purge destroys the
/// wrapped key, so ciphertext copied aside before the purge (a WAL left behind, a backup of the
/// sealed columns, an SSD block) no longer opens with anything the terminal still holds.
@Suite(.computeBound) struct CryptoShreddingTests {
    struct Copies {
        var applicant: Data
        var field: Data
        var fieldPosition: Int
        var photo: Data
        var wrappedKey: Data
    }

    static func copyAside(_ store: CaseStore, _ id: UUID, fieldCode: String) async throws -> Copies {
        let pool = await store.pool
        return try await pool.read { db in
            let key = id.uuidString
            let field = try Row.fetchOne(db, sql: "SELECT position, sealed_value FROM case_fields WHERE case_id = ? AND code = ?",
                                         arguments: [key, fieldCode])!
            return Copies(
                applicant: try Data.fetchOne(db, sql: "SELECT sealed_applicant FROM cases WHERE id = ?", arguments: [key])!,
                field: field["sealed_value"], fieldPosition: field["position"],
                photo: try Data.fetchOne(db, sql: "SELECT sealed_photo FROM case_photos WHERE case_id = ?", arguments: [key])!,
                wrappedKey: try Data.fetchOne(db, sql: "SELECT wrapped_key FROM case_keys WHERE case_id = ?", arguments: [key])!)
        }
    }

    /// Opens the copies with everything the store holds now: the master key and whatever data
    /// key `case_keys` still has for the case. Nil for each copy that does not open.
    static func open(_ copies: Copies, _ store: CaseStore, _ id: UUID) async throws -> [Data?] {
        let pool = await store.pool
        let sealer = await store.sealer
        let caseKey = try await pool.read { try CaseKeys.load(caseID: id, master: sealer.key, $0) }
        return [sealer.open(copies.applicant, .applicant(id), caseKey: caseKey),
                sealer.open(copies.field, .field(id, position: copies.fieldPosition), caseKey: caseKey),
                sealer.open(copies.photo, .photo(id), caseKey: caseKey)]
    }

    @Test func aPurgedCasesCopiedCiphertextNoLongerOpens() async throws {
        let rig = try StoreRig(label: "shred")
        defer { rig.remove() }
        let store = try rig.open(purgeAfterDays: 30)
        let filed = CaseFixtures.withBankAccountAndPhoto(index: 3)
        let other = CaseFixtures.withBankAccountAndPhoto(index: 4)
        try await store.confirm(filed)
        try await store.confirm(other)
        let copies = try await Self.copyAside(store, filed.id, fieldCode: "bank_account")

        // The sealed format names its data key: format 2, then the 8-byte key id.
        let keyID = try await store.pool.read { try Data.fetchOne($0, sql: "SELECT key_id FROM case_keys WHERE case_id = ?",
                                                                  arguments: [filed.id.uuidString]) }
        #expect(copies.applicant.first == Sealer.caseKeyFormat)
        #expect(copies.applicant.dropFirst().prefix(CaseKey.idLength) == keyID)
        // Before the purge the copies open (the control).
        let before = try await Self.open(copies, store, filed.id)
        #expect(before[1] == Data(filed.fields.first { $0.code == "bank_account" }!.value.utf8))
        #expect(before[2] == filed.applicant.photo)
        #expect(before.allSatisfy { $0 != nil })

        try await store.markDelivered(caseID: filed.id, centralCaseNumber: "CQ-1", acknowledgedAt: rig.clock.wallTime, response: Data("{}".utf8))
        #expect(try await store.purgeExpired(now: rig.clock.wallTime.addingTimeInterval(30 * 86_400)) == 1)

        // After it, nothing the terminal holds opens them: the data key is gone, the master key
        // never sealed them, and another case's key is not theirs.
        #expect(try await Self.open(copies, store, filed.id).allSatisfy { $0 == nil })
        let sealer = await store.sealer
        let masterAsDataKey = CaseKey(id: Data(copies.applicant.dropFirst().prefix(CaseKey.idLength)), key: sealer.key.key)
        #expect(sealer.open(copies.applicant, .applicant(filed.id), caseKey: masterAsDataKey) == nil)
        let otherKey = try await store.pool.read { try CaseKeys.load(caseID: other.id, master: sealer.key, $0) }
        #expect(sealer.open(copies.applicant, .applicant(filed.id), caseKey: otherKey) == nil)
        // The wrapped key itself left the files (zeroed page, truncated WAL).
        for file in rig.databaseFiles {
            let bytes = try Data(contentsOf: file)
            #expect(bytes.range(of: copies.wrappedKey) == nil, "\(file.lastPathComponent) still holds the wrapped key")
        }
        // The other case is untouched.
        #expect(try await store.loadCase(id: other.id) == other)
    }

    @Test func aRefusedCaseIsPurgedWhenItsRetentionEnds() async throws {
        let rig = try StoreRig(label: "refused-retention")
        defer { rig.remove() }
        let store = try CaseStore(configuration: {
            var configuration = rig.configuration()
            configuration.purgeRefusedAfterDays = 90
            return configuration
        }())
        let refused = CaseFixtures.withBankAccountAndPhoto(index: 5)
        let pending = CaseFixtures.withBankAccountAndPhoto(index: 6)
        try await store.confirm(refused)
        try await store.confirm(pending)
        try await store.markAttemptFailed(caseID: refused.id, error: "HTTP 422", nextAttemptAt: rig.clock.wallTime, permanent: true)
        #expect(try await store.purgeExpired(now: rig.clock.wallTime.addingTimeInterval(89 * 86_400)) == 0)
        #expect(try await store.loadCase(id: refused.id) == refused)
        let purgeTime = rig.clock.wallTime.addingTimeInterval(90 * 86_400)
        #expect(try await store.purgeExpired(now: purgeTime) == 1)
        await #expect(throws: StoreError.personalDataPurged(id: refused.id, purgedAt: purgeTime)) {
            try await store.loadCase(id: refused.id)
        }
        // A case still waiting to be delivered is never purged, however old.
        #expect(try await store.purgeExpired(now: rig.clock.wallTime.addingTimeInterval(400 * 86_400)) == 0)
        #expect(try await store.loadCase(id: pending.id) == pending)
    }
}
