import Foundation
import KioskDomain
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore

/// The key file: created 0600 once, never silently replaced; a missing or wrong key stops start-up.
@Suite(.computeBound) struct KeyFileTests {
    @Test func firstStartCreatesAKeyFileReadableOnlyByItsOwner() throws {
        let rig = try StoreRig(label: "key-new")
        defer { rig.remove() }
        _ = try rig.open()
        let attributes = try FileManager.default.attributesOfItem(atPath: rig.keyFilePath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.size] as? Int) == 32)
    }

    @Test func aMissingKeyForExistingDataFailsStartUpNamingTheFile() async throws {
        let rig = try StoreRig(label: "key-missing")
        defer { rig.remove() }
        let store = try rig.open()
        try await store.confirm(CaseFixtures.chongqing(index: 0))
        try await store.close()
        try FileManager.default.removeItem(atPath: rig.keyFilePath)

        let error = try #require(throws: StoreError.self) { try rig.open() }
        #expect(error == .keyFileMissing(keyFile: rig.keyFilePath, database: rig.databasePath))
        #expect(error.chineseMessage.contains(rig.keyFilePath))
        #expect(error.chineseMessage.contains("不会自动生成新密钥"))
        // No new key was created behind the operator's back.
        #expect(!FileManager.default.fileExists(atPath: rig.keyFilePath))
    }

    @Test func aWrongKeyFailsStartUpWithBothFingerprints() async throws {
        let rig = try StoreRig(label: "key-wrong")
        defer { rig.remove() }
        let store = try rig.open()
        let fingerprint = store.keyFingerprint
        try await store.confirm(CaseFixtures.chongqing(index: 1))
        try await store.close()
        let other = try StoreRig(label: "key-other")
        defer { other.remove() }
        let otherFingerprint = try other.open().keyFingerprint
        try FileManager.default.removeItem(atPath: rig.keyFilePath)
        try FileManager.default.copyItem(atPath: other.keyFilePath, toPath: rig.keyFilePath)

        let error = try #require(throws: StoreError.self) { try rig.open() }
        #expect(error == .wrongKey(keyFile: rig.keyFilePath, database: rig.databasePath,
                                   expectedFingerprint: fingerprint, foundFingerprint: otherFingerprint))
        #expect(error.description.contains(rig.keyFilePath))
        #expect(fingerprint != otherFingerprint)
    }

    @Test func aTruncatedOrOverexposedKeyFileIsRefused() throws {
        let rig = try StoreRig(label: "key-bad")
        defer { rig.remove() }
        _ = try rig.open()
        let key = try Data(contentsOf: URL(fileURLWithPath: rig.keyFilePath))
        try key.prefix(16).write(to: URL(fileURLWithPath: rig.keyFilePath))
        #expect(throws: StoreError.keyFileInvalid(keyFile: rig.keyFilePath, expected: "32 raw bytes (AES-256)", found: "16 bytes")) {
            try rig.open()
        }
        try key.write(to: URL(fileURLWithPath: rig.keyFilePath))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: rig.keyFilePath)
        #expect(throws: StoreError.keyFilePermissions(keyFile: rig.keyFilePath, mode: "644")) { try rig.open() }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: rig.keyFilePath)
        _ = try rig.open()
    }

    @Test func anInspectingToolNeverCreatesADatabaseOrAKey() throws {
        let rig = try StoreRig(label: "key-inspect")
        defer { rig.remove() }
        #expect(throws: StoreError.databaseMissing(path: rig.databasePath)) {
            try CaseStore(configuration: rig.configuration(createIfMissing: false))
        }
        #expect(!FileManager.default.fileExists(atPath: rig.databasePath))
        #expect(!FileManager.default.fileExists(atPath: rig.keyFilePath))
    }

    @Test func aCorruptedDatabaseFailsTheStartUpCheckNamingTheFile() async throws {
        let rig = try StoreRig(label: "integrity")
        defer { rig.remove() }
        let store = try rig.open()
        for index in 0..<40 { try await store.confirm(CaseFixtures.withBankAccountAndPhoto(index: index)) }
        try await store.close()
        // Overwrite the root page of the case_fields table with garbage.
        try sqlite(rig.databasePath, "PRAGMA wal_checkpoint(TRUNCATE)")
        let root = try #require(UInt64(try sqlite(rig.databasePath, "SELECT rootpage FROM sqlite_master WHERE name = 'case_fields'")))
        let pageSize = try #require(UInt64(try sqlite(rig.databasePath, "PRAGMA page_size")))
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: rig.databasePath))
        try handle.seek(toOffset: (root - 1) * pageSize)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(pageSize)))
        try handle.close()

        let error = try #require(throws: StoreError.self) { try rig.open() }
        switch error {
        case .integrityCheckFailed(let path, let problems):
            #expect(path == rig.databasePath)
            #expect(!problems.isEmpty)
        case .notADatabase(let path, _):
            #expect(path == rig.databasePath)
        default:
            Issue.record("expected an integrity error, got \(error)")
        }
    }

    @Test func aFileThatIsNotADatabaseIsNamed() throws {
        let rig = try StoreRig(label: "notadb")
        defer { rig.remove() }
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: rig.databasePath))
        let error = try #require(throws: StoreError.self) { try rig.open() }
        guard case .notADatabase(let path, _) = error else {
            Issue.record("expected notADatabase, got \(error)")
            return
        }
        #expect(path == rig.databasePath)
    }
}

/// Several openers racing on a new store (a daemon restarted by systemd while a first start is
/// still running, say) end up with one key and one schema.
@Suite(.realTime) struct FirstStartRaceTests {
    @Test func concurrentFirstStartsAgreeOnOneKey() async throws {
        let rig = try StoreRig(label: "race")
        defer { rig.remove() }
        let configuration = rig.configuration()
        let fingerprints = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<4 {
                group.addTask { try CaseStore(configuration: configuration).keyFingerprint }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(fingerprints.count == 4)
        #expect(Set(fingerprints).count == 1)
        let store = try rig.open()
        #expect(store.keyFingerprint == fingerprints.first)
        #expect(try await store.auditLog().filter { $0.event == AuditEvent.storeCreated.rawValue }.count == 1)
    }
}
