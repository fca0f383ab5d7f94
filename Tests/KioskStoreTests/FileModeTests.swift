import Foundation
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore
#if canImport(Glibc)
import Glibc
#endif

/// The store's files are private from their first byte, and a key is read only from a regular
/// file owned by this user: not through a link, not when group or others can read it.
@Suite(.computeBound) struct FileModeTests {
    static func mode(_ path: String) -> Int {
        var info = stat()
        guard lstat(path, &info) == 0 else { return -1 }
        return Int(info.st_mode & 0o777)
    }

    @Test func theDatabaseItsJournalAndItsDirectoryAreCreatedPrivate() async throws {
        let rig = try StoreRig(label: "modes")
        defer { rig.remove() }
        let previous = umask(0o022)
        defer { umask(previous) }
        let nested = rig.directory.appendingPathComponent("var/lib/onestop-kiosk")
        let store = try CaseStore(configuration: StoreConfiguration(
            databasePath: nested.appendingPathComponent("cases.sqlite").path,
            keyFilePath: nested.appendingPathComponent("store.key").path, reservedPages: 0, reservedDiskBytes: 0))
        try await store.confirm(CaseFixtures.chongqing(index: 0))
        #expect(Self.mode(nested.path) == 0o700)
        for suffix in ["", "-wal", "-shm"] {
            let path = nested.appendingPathComponent("cases.sqlite" + suffix).path
            #expect(Self.mode(path) == 0o600, "cases.sqlite\(suffix): \(String(Self.mode(path), radix: 8))")
        }
        #expect(Self.mode(nested.appendingPathComponent("store.key").path) == 0o600)
    }

    @Test func aKeyIsNotReadThroughALinkFromAnotherOwnerOrWhenOthersCanRead() async throws {
        let rig = try StoreRig(label: "key-checks")
        defer { rig.remove() }
        try await rig.open().close()
        let key = rig.keyFilePath
        let real = rig.directory.appendingPathComponent("real.key").path
        try FileManager.default.moveItem(atPath: key, toPath: real)
        try FileManager.default.createSymbolicLink(atPath: key, withDestinationPath: real)
        let linked = try #require(throws: StoreError.self) { try rig.open() }
        #expect(linked.description.contains("symbolic link"), "\(linked)")
        try FileManager.default.removeItem(atPath: key)
        try FileManager.default.moveItem(atPath: real, toPath: key)
        _ = try rig.open()

        chmod(key, 0o640)
        #expect(throws: StoreError.keyFilePermissions(keyFile: key, mode: "640")) { try rig.open() }
        chmod(key, 0o600)
        if geteuid() == 0 {
            chown(key, 4242, 4242)
            let foreign = try #require(throws: StoreError.self) { try rig.open() }
            #expect(foreign.description.contains("uid 4242"), "\(foreign)")
            chown(key, 0, 0)
        }
        _ = try rig.open()
    }
}
