import Foundation
import TestSupport
import KioskDomain
import KioskDomainTesting
import KioskStore
import KioskTime

/// A case store in a fresh temporary directory with a clock the test moves by hand; used by the
/// store's tests and by tests of modules that drain the store (CentralService).
public struct StoreRig: Sendable {
    public let directory: URL
    public let clock: ManualClock
    public var databasePath: String { directory.appendingPathComponent("cases.sqlite").path }
    public var keyFilePath: String { directory.appendingPathComponent("store.key").path }
    /// The database and its WAL and shared-memory files, as they exist now.
    public var databaseFiles: [URL] {
        ["", "-wal", "-shm"].map { URL(fileURLWithPath: databasePath + $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    public init(label: String = "kiosk-store", start: Date = Date(timeIntervalSince1970: 1_795_400_000)) throws {
        directory = try RepositoryPaths.temporaryDirectory(label)
        clock = ManualClock(start: start)
    }

    /// A configuration pointing at this rig's files and clock, with no disk reserve (the test
    /// machine's free space must not decide a test) unless asked for.
    public func configuration(maxPageCount: Int? = nil, reservedPages: Int = 0, purgeAfterDays: Int = 30,
                              alertThreshold: Int = 5, createIfMissing: Bool = true) -> StoreConfiguration {
        let clock = clock
        return StoreConfiguration(databasePath: databasePath, keyFilePath: keyFilePath, purgeAfterDays: purgeAfterDays,
                                  maxPageCount: maxPageCount, reservedPages: reservedPages, reservedDiskBytes: 0,
                                  alertThreshold: alertThreshold, createIfMissing: createIfMissing,
                                  clock: clock)
    }

    public func open(maxPageCount: Int? = nil, reservedPages: Int = 0, purgeAfterDays: Int = 30,
                     alertThreshold: Int = 5) throws -> CaseStore {
        try CaseStore(configuration: configuration(maxPageCount: maxPageCount, reservedPages: reservedPages,
                                                   purgeAfterDays: purgeAfterDays, alertThreshold: alertThreshold))
    }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
