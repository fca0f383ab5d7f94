import CentralService
import Crypto
import Foundation
import GRDB

/// central-sim's own SQLite file: received cases, their items' simulated schedule, used
/// nonces and terminal heartbeats. STRICT tables, foreign keys on, WAL.
///
/// A case is committed with `synchronous = FULL` before the 201 is sent, as a real central
/// service must: once the kiosk hears "accepted", the case survives a power cut of the server.
final class SimDatabase: Sendable {
    let pool: DatabasePool

    init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: cases, items, nonces, heartbeats") { db in
            try db.execute(sql: """
                CREATE TABLE cases (
                    case_id TEXT PRIMARY KEY,
                    case_number TEXT NOT NULL UNIQUE,
                    terminal_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    local_reference TEXT NOT NULL,
                    id_number_digest TEXT NOT NULL,
                    submission TEXT NOT NULL,
                    submission_digest TEXT NOT NULL,
                    accepted_at REAL NOT NULL,
                    receipt BLOB NOT NULL
                ) STRICT;
                CREATE INDEX cases_by_terminal ON cases(terminal_id, accepted_at);
                CREATE INDEX cases_by_applicant ON cases(id_number_digest);
                CREATE TABLE items (
                    case_id TEXT NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    title TEXT NOT NULL,
                    department TEXT NOT NULL,
                    limit_text TEXT NOT NULL,
                    due_date TEXT,
                    depends_on TEXT NOT NULL,
                    starts_after REAL NOT NULL,
                    completes_after REAL NOT NULL,
                    refused_reason TEXT,
                    refused_basis TEXT,
                    PRIMARY KEY (case_id, position)
                ) STRICT;
                CREATE TABLE nonces (
                    terminal_id TEXT NOT NULL,
                    nonce TEXT NOT NULL,
                    seen_at REAL NOT NULL,
                    PRIMARY KEY (terminal_id, nonce)
                ) STRICT;
                CREATE INDEX nonces_by_age ON nonces(seen_at);
                CREATE TABLE heartbeats (
                    terminal_id TEXT PRIMARY KEY,
                    received_at REAL NOT NULL,
                    beat BLOB NOT NULL
                ) STRICT;
                CREATE TABLE case_counters (
                    prefix TEXT PRIMARY KEY,
                    last INTEGER NOT NULL
                ) STRICT;
                """)
        }
        migrator.registerMigration("v2: keyed id-number lookup") { db in
            // The plain SHA-256 lookup column is replaced by an HMAC under a secret made here;
            // existing rows are re-keyed from the stored submission.
            try db.execute(sql: "CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT")
            let secret = SymmetricKey(size: .bits256)
            let bytes = secret.withUnsafeBytes { Data($0) }
            try db.execute(sql: "INSERT INTO secrets (name, value) VALUES (?, ?)", arguments: [IDNumberLookupKey.secretName, bytes])
            for row in try Row.fetchAll(db, sql: "SELECT case_id, submission FROM cases") {
                let text: String = row["submission"]
                let submission = try Wire.decoder.decode(CaseSubmission.self, from: Data(text.utf8))
                try db.execute(sql: "UPDATE cases SET id_number_digest = ? WHERE case_id = ?",
                               arguments: [IDNumberLookupKey.digest(submission.applicant.idNumber, key: secret), row["case_id"]])
            }
        }
        migrator.registerMigration("v3: ratings", migrate: RatingRepository.createTable)
        return migrator
    }

    /// The secret ID-number lookup key of this database.
    func lookupKey() throws -> IDNumberLookupKey {
        try pool.read { try IDNumberLookupKey.load($0) }
    }

    /// Records a nonce; false when this terminal already used it (a replayed request).
    func useNonce(_ nonce: SignedNonce) async throws -> Bool {
        try await pool.write { try Self.useNonce(nonce, $0) }
    }

    /// `useNonce` inside the caller's transaction. Nonces older than `keep` are pruned now and
    /// then: the timestamp window refuses those anyway.
    static func useNonce(_ nonce: SignedNonce, _ db: Database) throws -> Bool {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO nonces (terminal_id, nonce, seen_at) VALUES (?, ?, ?)")
            .execute(arguments: [nonce.terminalID, nonce.nonce, nonce.at.timeIntervalSince1970])
        let inserted = db.changesCount == 1
        if inserted, Int.random(in: 0..<200) == 0 {
            try db.execute(sql: "DELETE FROM nonces WHERE seen_at < ?", arguments: [nonce.at.timeIntervalSince1970 - nonce.keep])
        }
        return inserted
    }
}
