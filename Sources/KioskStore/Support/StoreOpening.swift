import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens the database and its key in the order that keeps data safe: refuse to create what must
/// already exist, check integrity, migrate, then prove the key against the key check record.
enum StoreOpening {
    /// The plaintext of the key check record.
    static let keyCheckPlaintext = Data("onestop-kiosk key check".utf8)

    static func open(_ configuration: StoreConfiguration) throws(StoreError) -> (DatabasePool, Sealer) {
        let path = configuration.databasePath
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists, !configuration.createIfMissing { throw .databaseMissing(path: path) }
        if !exists {
            // Directory 0700 and database 0600 from the start: SQLite gives the -wal and -shm
            // files the database's mode, and nothing in the folder is for other users.
            do {
                try PrivateFile.createDirectory((path as NSString).deletingLastPathComponent)
                try PrivateFile.createEmptyIfMissing(path)
            } catch {
                throw .database(path: path, code: 0, detail: "cannot create the database privately: \(error)")
            }
        }
        let pool = try makePool(path: path, configuration: configuration)
        try checkIntegrity(pool, path: path)
        try migrate(pool, path: path)
        let sealer = try openKey(pool, configuration)
        try CaseStore.backfillApplicantTags(pool, sealer: sealer, path: path)
        return (pool, sealer)
    }

    /// Opens the pool, which switches a new file to WAL. Two openers switching the same new file
    /// at once (a daemon restarted while its first start still runs, kioskctl beside it) get
    /// SQLITE_BUSY without the busy handler being consulted, so that one step is retried briefly;
    /// once the file is in WAL mode the switch is a no-op and cannot collide.
    static func makePool(path: String, configuration: StoreConfiguration) throws(StoreError) -> DatabasePool {
        var attempt = 0
        while true {
            do {
                return try DatabaseErrorMapping.mapping(path: path) {
                    try DatabasePool(path: path, configuration: databaseConfiguration(configuration))
                }
            } catch {
                // (A `catch .database(…)` pattern on a typed throw crashes Swift 6.3's SILGen.)
                guard case .database(_, let code, _) = error, code == ResultCode.SQLITE_BUSY.rawValue, attempt < 20 else {
                    throw error
                }
                attempt += 1
                usleep(UInt32(5_000 * attempt))
            }
        }
    }

    static func databaseConfiguration(_ configuration: StoreConfiguration) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(configuration.busyTimeout)
        config.label = "KioskStore"
        let maxPages = configuration.maxPageCount
        config.prepareDatabase { db in
            // Freed pages are zeroed, so purged sealed data does not linger in the file.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            if let maxPages { try db.execute(sql: "PRAGMA max_page_count = \(maxPages)") }
        }
        return config
    }

    /// `PRAGMA quick_check`: catches damaged pages and indexes at start-up in well under a second
    /// for a terminal's database, instead of on a veteran's case later.
    static func checkIntegrity(_ pool: DatabasePool, path: String) throws(StoreError) {
        let problems = try DatabaseErrorMapping.mapping(path: path) {
            try pool.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
        }
        guard problems == ["ok"] else { throw .integrityCheckFailed(path: path, problems: problems) }
    }

    /// Migrates, tolerating another opener migrating the same new file at the same moment: its
    /// migration commits first, ours fails ("table … already exists") and rolls back, and the next
    /// pass finds the migration applied.
    static func migrate(_ pool: DatabasePool, path: String) throws(StoreError) {
        let migrator = StoreMigrations.migrator
        var attempt = 0
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                attempt += 1
                if (try? pool.read({ try migrator.hasCompletedMigrations($0) })) == true { return }
                if attempt >= 5 { throw DatabaseErrorMapping.map(error, path: path) }
                usleep(UInt32(20_000 * attempt))
            }
        }
    }

    private static func openKey(_ pool: DatabasePool, _ configuration: StoreConfiguration) throws(StoreError) -> Sealer {
        let path = configuration.databasePath
        let keyPath = configuration.keyFilePath
        let keyExists = FileManager.default.fileExists(atPath: keyPath)
        if try readKeyCheck(pool, path: path) == nil {
            let cases = try DatabaseErrorMapping.mapping(path: path) {
                try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cases") ?? 0 }
            }
            guard cases == 0 else { throw .keyCheckMissing(database: path) }
            let key: SealingKey
            if keyExists {
                key = try SealingKey.load(from: keyPath)
            } else if configuration.createIfMissing {
                key = try SealingKey.create(at: keyPath)
            } else {
                throw .keyFileMissing(keyFile: keyPath, database: path)
            }
            let sealed: Data
            do { sealed = try Sealer(key: key).seal(keyCheckPlaintext, .keyCheck) } catch {
                throw .keyFileUnusable(keyFile: keyPath, detail: "sealing the key check failed: \(error)")
            }
            let now = configuration.now().timeIntervalSince1970
            try DatabaseErrorMapping.mapping(path: path) {
                try pool.write { db in
                    try db.execute(sql: "INSERT OR IGNORE INTO key_check (id, fingerprint, sealed, created_at) VALUES (1, ?, ?, ?)",
                                   arguments: [key.fingerprint, sealed, now])
                    if db.changesCount > 0 {
                        try Audit.append(.storeCreated, caseID: nil, detail: "key=\(key.fingerprint)", at: configuration.now(), db)
                    }
                }
            }
        }
        // Whether this process wrote the record or another did first, the key must open it.
        guard let (fingerprint, sealed) = try readKeyCheck(pool, path: path) else { throw .keyCheckMissing(database: path) }
        guard FileManager.default.fileExists(atPath: keyPath) else {
            throw .keyFileMissing(keyFile: keyPath, database: path)
        }
        let key = try SealingKey.load(from: keyPath)
        let sealer = Sealer(key: key)
        guard sealer.open(sealed, .keyCheck) == keyCheckPlaintext else {
            throw .wrongKey(keyFile: keyPath, database: path, expectedFingerprint: fingerprint, foundFingerprint: key.fingerprint)
        }
        return sealer
    }

    private static func readKeyCheck(_ pool: DatabasePool, path: String) throws(StoreError) -> (String, Data)? {
        try DatabaseErrorMapping.mapping(path: path) {
            try pool.read { db -> (String, Data)? in
                guard let row = try Row.fetchOne(db, sql: "SELECT fingerprint, sealed FROM key_check WHERE id = 1") else { return nil }
                return (row["fingerprint"], row["sealed"])
            }
        }
    }
}
