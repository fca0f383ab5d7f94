import Foundation
import GRDB

/// The `case_keys` table: each case's data key, wrapped by the master key, with the master key's
/// fingerprint (which master wrapped it, for rotation). The only SQL that touches data keys.
enum CaseKeys {
    static func insert(caseID: UUID, key: CaseKey, wrapped: Data, masterFingerprint: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO case_keys (case_id, key_id, master_fingerprint, wrapped_key) VALUES (?, ?, ?, ?)
            """, arguments: [caseID.uuidString, key.id, masterFingerprint, wrapped])
    }

    /// The case's data key, unwrapped; nil for a case stored before case keys, or once purged.
    /// A wrapped key that does not open under the master key is damage, not absence.
    static func load(caseID: UUID, master: SealingKey, _ db: Database) throws -> CaseKey? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT key_id, wrapped_key FROM case_keys WHERE case_id = ?"),
                                         arguments: [caseID.uuidString]) else { return nil }
        guard let key = CaseKey.unwrap(row["wrapped_key"], id: row["key_id"], by: master, caseID: caseID) else {
            throw StoreError.unsealFailed(id: caseID, what: "the case's data key")
        }
        return key
    }

    /// Destroys the case's data key: what is left of its ciphertext anywhere no longer opens.
    static func destroy(caseID: UUID, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM case_keys WHERE case_id = ?", arguments: [caseID.uuidString])
    }
}
