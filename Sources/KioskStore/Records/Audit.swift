import Foundation
import GRDB

/// Appends audit rows inside the caller's transaction, so an audit entry exists exactly when the
/// change it records was committed.
enum Audit {
    static func append(_ event: AuditEvent, caseID: UUID?, detail: String, at: Date, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO audit_log (at, event, case_id, detail) VALUES (?, ?, ?, ?)")
            .execute(arguments: [at.timeIntervalSince1970, event.rawValue, caseID?.uuidString,
                                   PersonalDataScrubber.scrub(detail)])
    }
}
