import Foundation
import GRDB
import KioskDomain

/// The kiosk's case store: confirmed cases with their personal data sealed, the outbox that
/// delivers them to the central service, and the audit, device and diagnostics records.
///
/// It is the only place that knows SQL. One actor per process; several processes (kioskd and
/// kioskctl) may open the same file at once — WAL lets readers proceed while one writes.
/// Every method blocks on SQLite on the store's own serial queue, never on the cooperative pool.
public actor CaseStore {
    public nonisolated let configuration: StoreConfiguration
    /// The public fingerprint of the sealing key (see `SealingKey.fingerprint`).
    public nonisolated let keyFingerprint: String
    let pool: DatabasePool
    let sealer: Sealer
    private let executor: StoreExecutor

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Opens (or on first start creates) the store: integrity check, migrations, key check, and
    /// (with `purgeOnOpen`) the purge of personal data past its retention.
    /// Throws a `StoreError` naming the file for a missing or wrong key, a damaged database, or a
    /// missing database when `createIfMissing` is off.
    public init(configuration: StoreConfiguration) throws {
        self.configuration = configuration
        executor = StoreExecutor(label: "KioskStore \(configuration.databasePath)")
        (pool, sealer) = try StoreOpening.open(configuration)
        keyFingerprint = sealer.key.fingerprint
        if configuration.purgeOnOpen {
            // Best effort: a purge that fails (a full disk, say) must not keep the kiosk from
            // starting; it is tried again at the next open or `purgeExpired` call.
            _ = try? Self.purge(pool, path: configuration.databasePath, purgeAfterDays: configuration.purgeAfterDays,
                                purgeRefusedAfterDays: configuration.purgeRefusedAfterDays, now: configuration.now())
        }
    }

    /// Closes the database connections; later calls fail. Optional: deinit closes too.
    public func close() throws {
        try mapping { try pool.close() }
    }

    var path: String { configuration.databasePath }

    func mapping<T>(_ body: () throws -> T) throws(StoreError) -> T {
        try DatabaseErrorMapping.mapping(path: path, body)
    }

    // MARK: - Cases

    /// Stores a confirmed case, its items, fields and photo, and its outbox entry in one
    /// transaction committed with `synchronous=FULL`: when this returns, the case survives a
    /// crash or power loss, and the screen may say "已受理".
    ///
    /// Refuses with `StoreError.diskFull` when the database or the disk is within its reserve (or
    /// SQLite reports SQLITE_FULL); nothing is written then. Confirming the same case twice is a
    /// no-op; a different case with the same UUID is `duplicateCase`.
    public func confirm(_ filed: FiledCase) throws {
        try confirm(filed, durability: .full)
    }

    /// `confirm` with a chosen commit durability; `.normal` exists only so the benchmark can
    /// measure the cost of `.full` against it in the same run.
    @_spi(Benchmark)
    public func confirm(_ filed: FiledCase, durability: CommitDurability) throws {
        let sealed: CaseRows.Sealed
        do { sealed = try CaseRows.seal(filed, with: sealer) } catch {
            throw StoreError.unsealFailed(id: filed.id, what: "sealing: \(error)")
        }
        try checkRoomForNewCase(filed.id)
        let now = configuration.now()
        var alreadyStored = false
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(durability.rawValue)")
                defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
                try db.inTransaction(.immediate) {
                    if try Bool.fetchOne(db, sql: "SELECT 1 FROM cases WHERE id = ?", arguments: [filed.id.uuidString]) == true {
                        alreadyStored = true
                        return .rollback
                    }
                    try CaseRows.insert(filed, sealed: sealed, storedAt: now, db)
                    try db.execute(sql: """
                        INSERT INTO outbox (case_id, state, attempts, enqueued_at, next_attempt_at)
                        VALUES (?, 'pending', 0, ?, ?)
                        """, arguments: [filed.id.uuidString, now.timeIntervalSince1970, now.timeIntervalSince1970])
                    try Audit.append(.caseConfirmed, caseID: filed.id, detail: "items=\(filed.items.count)", at: now, db)
                    return .commit
                }
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
                    && (error.message ?? "").contains("local_reference") {
            throw StoreError.duplicateLocalReference(filed.localReference)
        } catch {
            let mapped = DatabaseErrorMapping.map(error, path: path)
            if case .diskFull = mapped { recordRefusal(filed.id, at: now) }
            throw mapped
        }
        if alreadyStored { try checkSameCase(filed) }
    }

    /// A second confirm of a stored case (a retry after a crash between commit and screen) is a
    /// no-op when it is the same case; the central case number it gained since does not count.
    /// Once purged it can no longer be compared and is accepted as the same.
    private func checkSameCase(_ filed: FiledCase) throws {
        var stored: FiledCase
        do { stored = try loadCase(id: filed.id) } catch StoreError.personalDataPurged { return }
        stored.centralCaseNumber = filed.centralCaseNumber
        // filed_at is stored as Unix seconds in a REAL: exact to well under a microsecond, not to the bit.
        if abs(stored.filedAt.timeIntervalSince(filed.filedAt)) < 0.000_1 { stored.filedAt = filed.filedAt }
        guard stored == filed else { throw StoreError.duplicateCase(id: filed.id) }
    }

    /// Reads a case with its personal data opened. Throws `personalDataPurged` once purged.
    public func loadCase(id: UUID) throws -> FiledCase {
        try mapping { try pool.read { try CaseRows.load(id: id, sealer: sealer, $0) } }
    }

    /// Reads several cases in one read transaction, in the order given (the drainer prepares its
    /// next submissions this way while the current ones are on the wire).
    public func loadCases(ids: [UUID]) throws -> [FiledCase] {
        try mapping { try pool.read { db in try ids.map { try CaseRows.load(id: $0, sealer: sealer, db) } } }
    }

    /// Finds a case by UUID, local reference or central case number (what an operator types).
    public func findCaseID(_ key: String) throws -> UUID? {
        let text = key.trimmingCharacters(in: .whitespaces)
        let candidate = UUID(uuidString: text)?.uuidString ?? text
        let found = try mapping {
            try pool.read { db in
                try String.fetchOne(db, sql: """
                    SELECT id FROM cases WHERE id = ? OR local_reference = ? OR central_case_number = ? LIMIT 1
                    """, arguments: [candidate, text, text])
            }
        }
        return found.flatMap(UUID.init(uuidString:))
    }

    /// The refusal is recorded if there is still room for one small row; it is only a trace.
    func recordRefusal(_ id: UUID, at now: Date) {
        try? pool.write { try Audit.append(.caseRefusedDiskFull, caseID: id, detail: "", at: now, $0) }
    }
}

/// How a commit reaches the disk. `full` is the only setting used for confirmed cases.
@_spi(Benchmark)
public enum CommitDurability: String, Sendable {
    /// fsync of the WAL at every commit: survives power loss.
    case full = "FULL"
    /// WAL default: survives a process crash, may lose the last commits on power loss.
    case normal = "NORMAL"
}
