import Foundation
import KioskDomain
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore

/// Personal data never reaches the disk in clear: not the database file, not its WAL.
@Suite(.computeBound) struct SealingTests {
    @Test func databaseAndWALHoldNoPersonalDataInClear() async throws {
        let rig = try StoreRig(label: "sealing")
        defer { rig.remove() }
        let store = try rig.open()
        let cases = (0..<6).map { CaseFixtures.withBankAccountAndPhoto(index: $0) }
        for filed in cases { try await store.confirm(filed) }
        // A server error that echoes the applicant must not reach the clear last_error column.
        let first = cases[0]
        try await store.markAttemptFailed(caseID: first.id,
                                          error: "422 字段错误: 姓名 \(first.applicant.name) 身份证 \(first.applicant.idNumber)",
                                          nextAttemptAt: rig.clock.wallTime, permanent: false)
        try await store.recordDeviceEvent(device: "reader", event: "card-read", detail: "号码 \(first.applicant.idNumber)")
        try await store.markDelivered(caseID: cases[1].id, centralCaseNumber: "CQ2026112300001",
                                      acknowledgedAt: rig.clock.wallTime, response: Data("{\"name\":\"\(cases[1].applicant.name)\"}".utf8))

        // The WAL still holds every write here: the files are searched before any checkpoint.
        let files = rig.databaseFiles
        #expect(files.contains { $0.lastPathComponent.hasSuffix("-wal") })
        let values = cases.flatMap(PersonalDataProbe.values(of:))
        #expect(values.contains("6222020200112233445"))
        #expect(try PersonalDataProbe.occurrences(of: values, in: files) == [])
        for filed in cases {
            let photo = try #require(filed.applicant.photo)
            for file in files { #expect(try !PersonalDataProbe.fileContains(file, photo.prefix(64))) }
        }
        // The operational records say what happened without saying to whom.
        let records = try await store.auditLog(limit: 100).map(\.detail) + store.deviceEvents().map(\.detail)
            + store.outboxEntries().compactMap(\.lastError)
        #expect(records.contains { $0.contains(PersonalDataScrubber.replacement) })
        for record in records {
            #expect(!values.contains { record.contains($0) }, "a clear record holds a personal value")
        }
        // The probe itself works: clear metadata is found in the same files.
        #expect(try !PersonalDataProbe.occurrences(of: [first.localReference, first.hall], in: files).isEmpty)

        // And everything opens again, unchanged.
        for var filed in cases {
            if filed.id == cases[1].id { filed.centralCaseNumber = "CQ2026112300001" }
            #expect(try await store.loadCase(id: filed.id) == filed)
        }
        try await store.close()
        #expect(try PersonalDataProbe.occurrences(of: values, in: rig.databaseFiles) == [])
    }

    @Test func aSealedValueMovedToAnotherCaseDoesNotOpen() throws {
        let sealer = Sealer(key: SealingKey(key: .init(size: .bits256)))
        let a = UUID(), b = UUID()
        let sealed = try sealer.seal(Data("王建国".utf8), .applicant(a))
        #expect(sealer.open(sealed, .applicant(a)) == Data("王建国".utf8))
        #expect(sealer.open(sealed, .applicant(b)) == nil)
        #expect(sealer.open(sealed, .photo(a)) == nil)
        var tampered = sealed
        tampered[tampered.count / 2] ^= 0x01
        #expect(sealer.open(tampered, .applicant(a)) == nil)
        #expect(Sealer(key: SealingKey(key: .init(size: .bits256))).open(sealed, .applicant(a)) == nil)
    }

    @Test func aTamperedCiphertextInTheDatabaseIsAClearError() async throws {
        let rig = try StoreRig(label: "tamper")
        defer { rig.remove() }
        let filed = CaseFixtures.withBankAccountAndPhoto(index: 2)
        let store = try rig.open()
        try await store.confirm(filed)
        try await store.close()
        try sqlite(rig.databasePath, "UPDATE cases SET sealed_applicant = (SELECT sealed_value FROM case_fields WHERE personal = 1 LIMIT 1)")
        let reopened = try rig.open()
        await #expect(throws: StoreError.unsealFailed(id: filed.id, what: "applicant")) {
            try await reopened.loadCase(id: filed.id)
        }
    }

    /// Property: bytes that are not a whole sealed value for this place never open, never crash
    /// (random blobs, truncations, and single-bit flips of a valid one).
    @Test(arguments: 0..<100) func arbitraryBytesNeverOpen(seed: Int) throws {
        var generator = SeededRandom(seed: UInt64(seed) &+ 1000)
        let sealer = Sealer(key: SealingKey(key: .init(size: .bits256)))
        let id = UUID()
        let valid = try sealer.seal(Data("11010519491231002X".utf8), .field(id, position: 1))
        let random = Data((0..<Int(generator.next() % 80)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        #expect(sealer.open(random, .field(id, position: 1)) == nil)
        #expect(sealer.open(valid.prefix(Int(generator.next() % UInt64(valid.count))), .field(id, position: 1)) == nil)
        var flipped = valid
        let bit = Int(generator.next() % UInt64(valid.count * 8))
        flipped[bit / 8] ^= UInt8(1 << (bit % 8))
        #expect(sealer.open(flipped, .field(id, position: 1)) == nil)
        #expect(sealer.open(valid, .field(id, position: 1)) == Data("11010519491231002X".utf8))
    }
}
