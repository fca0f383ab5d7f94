import Foundation
import GRDB

extension CaseStore {
    /// Purges the sealed personal data (applicant, photo, personal fields, server response) of
    /// every case the central service acknowledged at least `purgeAfterDays` days before `now`,
    /// and of every case it refused for good (`dead`) whose last attempt is `purgeRefusedAfterDays`
    /// old — a refused case nobody retried is not kept forever. The clear metadata (region, items,
    /// departments, dates, outbox history) stays for statistics.
    ///
    /// The case's data key is destroyed (crypto-shredding, see `CaseKey`), so copies of its
    /// ciphertext that survive elsewhere no longer open; freed pages are zeroed (`secure_delete`)
    /// and the WAL is checkpointed and truncated afterwards, so the ciphertext leaves the files,
    /// not only the tables. Returns how many cases were purged. Idempotent; `now` is injected so
    /// tests need not wait days.
    @discardableResult
    public func purgeExpired(now: Date) throws -> Int {
        try Self.purge(pool, path: path, purgeAfterDays: configuration.purgeAfterDays,
                       purgeRefusedAfterDays: configuration.purgeRefusedAfterDays, now: now)
    }

    /// The purge itself, shared by `purgeExpired(now:)` and the start-up purge (`purgeOnOpen`).
    static func purge(_ pool: DatabasePool, path: String, purgeAfterDays: Int, purgeRefusedAfterDays: Int,
                      now: Date) throws(StoreError) -> Int {
        let cutoff = now.addingTimeInterval(-Double(purgeAfterDays) * 86_400)
        let refusedCutoff = now.addingTimeInterval(-Double(purgeRefusedAfterDays) * 86_400)
        let purged = try DatabaseErrorMapping.mapping(path: path) {
            try pool.write { db -> Int in
                let ids = try String.fetchAll(db, sql: """
                    SELECT c.id FROM cases c JOIN outbox o ON o.case_id = c.id
                    WHERE c.purged_at IS NULL
                      AND ((o.state = 'delivered' AND o.acknowledged_at <= ?)
                        OR (o.state = 'dead' AND coalesce(o.last_attempt_at, o.enqueued_at) <= ?))
                    """, arguments: [cutoff.timeIntervalSince1970, refusedCutoff.timeIntervalSince1970])
                for id in ids {
                    try db.execute(sql: "UPDATE cases SET sealed_applicant = NULL, applicant_tag = NULL, purged_at = ? WHERE id = ?",
                                   arguments: [now.timeIntervalSince1970, id])
                    try db.execute(sql: "UPDATE case_fields SET sealed_value = NULL WHERE case_id = ? AND personal = 1",
                                   arguments: [id])
                    try db.execute(sql: "DELETE FROM case_photos WHERE case_id = ?", arguments: [id])
                    try db.execute(sql: "UPDATE outbox SET sealed_response = NULL WHERE case_id = ?", arguments: [id])
                    if let caseID = UUID(uuidString: id) { try CaseKeys.destroy(caseID: caseID, db) }
                    try Audit.append(.personalDataPurged, caseID: UUID(uuidString: id), detail: "", at: now, db)
                }
                return ids.count
            }
        }
        if purged > 0 {
            // Best effort: a reader holding an old snapshot can delay the truncation to a later purge.
            _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        }
        return purged
    }
}
