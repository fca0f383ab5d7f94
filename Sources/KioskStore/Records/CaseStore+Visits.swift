import Foundation
import GRDB
import KioskDomain

/// What the visit after filing needs from the store besides the applicant's own cases
/// (`CaseStore+ApplicantLookup`): the audit of a reprint, and the last progress the central
/// service reported per case.
extension CaseStore {
    /// Records that a case's acknowledgement was printed again (补打); `detail` names no person.
    public func recordReprint(caseID: UUID, printed: Bool, at: Date? = nil) throws {
        let when = at ?? configuration.now()
        try mapping {
            try pool.write { try Audit.append(.receiptReprinted, caseID: caseID, detail: printed ? "printed" : "not-printed", at: when, $0) }
        }
    }

    /// Keeps the latest progress the central service reported for a case (non-personal JSON).
    public func cacheProgress(caseNumber: String, progress: Data, fetchedAt: Date) throws {
        try mapping {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO progress_cache (case_number, fetched_at, progress) VALUES (?, ?, ?)
                    ON CONFLICT(case_number) DO UPDATE SET fetched_at = excluded.fetched_at, progress = excluded.progress
                    """, arguments: [caseNumber, fetchedAt.timeIntervalSince1970, progress])
            }
        }
    }

    /// The last progress kept for a case and when it was fetched, or nil.
    public func cachedProgress(caseNumber: String) throws -> (progress: Data, fetchedAt: Date)? {
        try mapping {
            try pool.read { db in
                try Row.fetchOne(db, sql: "SELECT progress, fetched_at FROM progress_cache WHERE case_number = ?", arguments: [caseNumber])
                    .map { (progress: $0["progress"], fetchedAt: Date(timeIntervalSince1970: $0["fetched_at"])) }
            }
        }
    }
}
