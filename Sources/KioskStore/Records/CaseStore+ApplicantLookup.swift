import Foundation
import GRDB
import KioskDomain

/// An applicant's own cases, for 补打 and the offline progress view, found by the ID number's
/// lookup tag (`Sealer.applicantTag`) through an index: every case the kiosk still holds,
/// however many it holds, in one query.
extension CaseStore {
    /// The applicant's cases filed at this kiosk, newest first, personal data opened. Purged cases
    /// are not found (their tag is cleared with their ID number). Each case found is opened and
    /// its ID number compared, so a tag collision can never show one veteran another's case.
    public func applicantCases(idNumber: String, limit: Int = 5) throws -> [FiledCase] {
        let tag = sealer.applicantTag(idNumber: idNumber)
        let ids: [String] = try mapping {
            try pool.read { db in
                try String.fetchAll(db, sql: """
                    SELECT id FROM cases WHERE applicant_tag = ? AND purged_at IS NULL
                    ORDER BY filed_at DESC, id LIMIT ?
                    """, arguments: [tag, max(0, limit)])
            }
        }
        return ids.compactMap(UUID.init(uuidString:)).compactMap { id in
            guard let filed = try? loadCase(id: id), filed.applicant.idNumber == idNumber else { return nil }
            return filed
        }
    }

    /// Gives every case stored before lookup tags existed its tag; run when the store opens.
    /// Idempotent, and safe beside another opener doing the same (each row is written only while
    /// it still has no tag). A case whose applicant does not open is left without a tag: it could
    /// not be shown anyway. Returns how many cases got a tag.
    @discardableResult
    static func backfillApplicantTags(_ pool: DatabasePool, sealer: Sealer, path: String) throws(StoreError) -> Int {
        try DatabaseErrorMapping.mapping(path: path) {
            let ids = try pool.read { db in
                try String.fetchAll(db, sql: "SELECT id FROM cases WHERE applicant_tag IS NULL AND purged_at IS NULL")
            }
            guard !ids.isEmpty else { return 0 }
            return try pool.write { db -> Int in
                var tagged = 0
                for id in ids.compactMap(UUID.init(uuidString:)) {
                    guard let filed = try? CaseRows.load(id: id, sealer: sealer, db) else { continue }
                    try db.execute(sql: "UPDATE cases SET applicant_tag = ? WHERE id = ? AND applicant_tag IS NULL",
                                   arguments: [sealer.applicantTag(idNumber: filed.applicant.idNumber), id.uuidString])
                    tagged += db.changesCount
                }
                return tagged
            }
        }
    }
}
