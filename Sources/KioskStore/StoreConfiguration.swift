import Foundation
import KioskTime

/// Where the case store keeps its files and how it behaves; every value has a default that runs.
public struct StoreConfiguration: Sendable {
    /// Default database file on a terminal (`kioskd` and `kioskctl` use it unless told otherwise).
    public static let defaultDatabasePath = "/var/lib/onestop-kiosk/cases.sqlite"
    /// Default key file. Back it up separately from the database: a copy of the database alone
    /// reveals no personal data, and the database without this key cannot be read.
    public static let defaultKeyFilePath = "/var/lib/onestop-kiosk/store.key"

    /// The SQLite database file (WAL mode: `-wal` and `-shm` files sit beside it).
    public var databasePath: String
    /// The AES-256 key file (32 raw bytes, mode 0600), created on first start only.
    public var keyFilePath: String
    /// Days after the central service acknowledged a case before its sealed personal data is
    /// purged; the non-personal metadata stays for statistics.
    public var purgeAfterDays: Int
    /// Days after the last attempt of a case the central service refused for good (`dead`, not
    /// retried by a technician) before its personal data is purged as well.
    public var purgeRefusedAfterDays: Int
    /// Whether opening the store purges what is due (the daemon's default, so retention holds
    /// even if nothing else calls `purgeExpired`); inspecting tools turn it off to stay read-only.
    public var purgeOnOpen: Bool
    /// SQLite `max_page_count` for every connection: tests use it to simulate a full disk; nil
    /// leaves SQLite's default (effectively unlimited).
    public var maxPageCount: Int?
    /// Pages that must stay free under `maxPageCount` before a new case is accepted, so that
    /// delivering and acknowledging queued cases still has room when new ones are refused.
    public var reservedPages: Int
    /// Bytes that must stay free on the database's file system before a new case is accepted
    /// (the MOSIP-style pre-flight check against a filling disk).
    public var reservedDiskBytes: Int64
    /// Failed delivery attempts after which an entry counts as alerting (`OutboxStats.alerting`).
    public var alertThreshold: Int
    /// Whether a missing database and key file may be created. `kioskd` creates them on first
    /// start; `kioskctl` only inspects and must never create an empty store or a new key.
    public var createIfMissing: Bool
    /// How long a writer waits for another connection or process holding the write lock.
    public var busyTimeout: TimeInterval
    /// The clock for timestamps the store sets itself (enqueue, attempts, audit); injected so tests
    /// are deterministic.
    public var clock: any KioskClock

    /// The store's wall time now.
    func now() -> Date { clock.wallTime }

    public init(databasePath: String = StoreConfiguration.defaultDatabasePath,
                keyFilePath: String = StoreConfiguration.defaultKeyFilePath,
                purgeAfterDays: Int = 30, purgeRefusedAfterDays: Int = 90, purgeOnOpen: Bool = true, maxPageCount: Int? = nil, reservedPages: Int = 256,
                reservedDiskBytes: Int64 = 16 << 20, alertThreshold: Int = 5, createIfMissing: Bool = true,
                busyTimeout: TimeInterval = 5, clock: any KioskClock = SystemClock()) {
        self.databasePath = databasePath
        self.keyFilePath = keyFilePath
        self.purgeAfterDays = purgeAfterDays
        self.purgeRefusedAfterDays = purgeRefusedAfterDays
        self.purgeOnOpen = purgeOnOpen
        self.maxPageCount = maxPageCount
        self.reservedPages = reservedPages
        self.reservedDiskBytes = reservedDiskBytes
        self.alertThreshold = alertThreshold
        self.createIfMissing = createIfMissing
        self.busyTimeout = busyTimeout
        self.clock = clock
    }
}
