import Foundation
import GRDB

/// One check of a stored diagnostics run, in the store's terms (KioskOperations maps its
/// `DiagnosticCheck` to and from this).
public struct StoredDiagnosticResult: Sendable, Equatable, Codable {
    public var check: String
    public var title: String
    /// `pass`, `warn` or `fail`.
    public var status: String
    public var measured: String
    public var expected: String
    public var remedy: String?

    public init(check: String, title: String, status: String, measured: String, expected: String, remedy: String?) {
        self.check = check
        self.title = title
        self.status = status
        self.measured = measured
        self.expected = expected
        self.remedy = remedy
    }
}

/// A stored run: when, by whom, how long, its results in order.
public struct StoredDiagnosticRun: Sendable, Equatable, Codable {
    public var id: UUID
    public var at: Date
    public var technician: String
    public var durationSeconds: Double
    public var results: [StoredDiagnosticResult]
}

extension CaseStore {
    /// Stores a whole run in one transaction. Every text is scrubbed: a measurement that looked
    /// like personal data (a long digit run, say) is stored masked.
    public func recordDiagnosticRun(id: UUID, technician: String, at: Date, durationSeconds: Double,
                                    results: [StoredDiagnosticResult]) throws {
        let scrub = { (text: String) in PersonalDataScrubber.scrub(text) }
        try mapping {
            try pool.write { db in
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO diagnostics (at, check_code, passed, detail, run_id, technician, status, measured, expected, remedy, duration)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for result in results {
                    try insert.execute(arguments: [
                        at.timeIntervalSince1970, scrub(result.check), result.status == "fail" ? 0 : 1, scrub(result.title),
                        id.uuidString, scrub(technician), scrub(result.status), scrub(result.measured), scrub(result.expected),
                        result.remedy.map(scrub), durationSeconds,
                    ])
                }
            }
        }
    }

    /// The newest `limit` runs, newest first (by row id: the terminal's clock can be changed).
    public func diagnosticRuns(limit: Int = 20) throws -> [StoredDiagnosticRun] {
        try mapping {
            try pool.read { db in
                let ids = try String.fetchAll(db, sql: """
                    SELECT run_id FROM diagnostics WHERE run_id IS NOT NULL GROUP BY run_id ORDER BY max(id) DESC LIMIT ?
                    """, arguments: [limit])
                return try ids.map { runID in
                    let rows = try Row.fetchAll(db, sql: "SELECT * FROM diagnostics WHERE run_id = ? ORDER BY id", arguments: [runID])
                    let first = rows.first
                    return StoredDiagnosticRun(
                        id: UUID(uuidString: runID) ?? UUID(), at: Date(timeIntervalSince1970: first?["at"] ?? 0),
                        technician: first?["technician"] ?? "", durationSeconds: first?["duration"] ?? 0,
                        results: rows.map { row in
                            StoredDiagnosticResult(check: row["check_code"], title: row["detail"], status: row["status"],
                                                   measured: row["measured"], expected: row["expected"], remedy: row["remedy"])
                        })
                }
            }
        }
    }

    /// Appends an audit row that concerns no case (technician mode, bulk operator actions).
    public func recordAudit(_ event: AuditEvent, detail: String = "") throws {
        let now = configuration.now()
        try mapping { try pool.write { db in try Audit.append(event, caseID: nil, detail: detail, at: now, db) } }
    }

    /// Operator action: makes every case the central service refused for `kind` due again, in
    /// one transaction. `kind` is the service's problem code (`wrong_terminal`,
    /// `validation_failed`) or an HTTP status (`403`), as the stored last error begins
    /// (`HTTP 403 wrong_terminal: …`). Returns the local references retried, oldest first.
    public func retryRefused(kind: String) throws -> [String] {
        let now = configuration.now()
        let pattern: String
        if kind.allSatisfy(\.isNumber) { pattern = "HTTP \(kind) %" } else { pattern = "HTTP ___ \(kind):%" }
        return try mapping {
            try pool.write { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT o.case_id, c.local_reference FROM outbox o JOIN cases c ON c.id = o.case_id
                    WHERE o.state = 'dead' AND o.last_error LIKE ? ORDER BY o.enqueued_at
                    """, arguments: [pattern])
                for row in rows {
                    let id: String = row["case_id"]
                    try db.execute(sql: "UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE case_id = ?",
                                   arguments: [now.timeIntervalSince1970, id])
                    try Audit.append(.retryRequested, caseID: UUID(uuidString: id), detail: "from=dead kind=\(kind)", at: now, db)
                }
                try Audit.append(.retryAllRefused, caseID: nil, detail: "kind=\(kind) count=\(rows.count)", at: now, db)
                return rows.map { $0["local_reference"] }
            }
        }
    }
}
