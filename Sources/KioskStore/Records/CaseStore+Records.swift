import Foundation
import GRDB

/// Audit log, device events and diagnostics. Details are scrubbed of anything that looks like
/// personal data before they are stored (see `PersonalDataScrubber`).
extension CaseStore {
    /// The newest audit rows first.
    public func auditLog(limit: Int = 100) throws -> [AuditRecord] {
        try mapping {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit])
                    .map(Self.auditRecord)
            }
        }
    }

    /// Records a device status change (`device` e.g. `reader`, `printer`; `event` a catalogue code).
    public func recordDeviceEvent(device: String, event: String, detail: String = "", at: Date? = nil) throws {
        let when = (at ?? configuration.now()).timeIntervalSince1970
        try mapping {
            try pool.write { db in
                try db.execute(sql: "INSERT INTO device_events (at, device, event, detail) VALUES (?, ?, ?, ?)",
                               arguments: [when, PersonalDataScrubber.scrub(device), PersonalDataScrubber.scrub(event),
                                           PersonalDataScrubber.scrub(detail)])
            }
        }
    }

    /// The newest device events first.
    public func deviceEvents(limit: Int = 100) throws -> [DeviceEventRecord] {
        try mapping {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM device_events ORDER BY id DESC LIMIT ?", arguments: [limit])
                    .map(Self.deviceEventRecord)
            }
        }
    }

    /// Records a diagnostics result.
    public func recordDiagnostic(check: String, passed: Bool, detail: String = "", at: Date? = nil) throws {
        let when = (at ?? configuration.now()).timeIntervalSince1970
        try mapping {
            try pool.write { db in
                try db.execute(sql: "INSERT INTO diagnostics (at, check_code, passed, detail) VALUES (?, ?, ?, ?)",
                               arguments: [when, PersonalDataScrubber.scrub(check), passed ? 1 : 0, PersonalDataScrubber.scrub(detail)])
            }
        }
    }

    /// The latest result of each check. Latest by row id, not by time: the terminal's clock can
    /// be changed (vxsuite does the same).
    public func latestDiagnostics() throws -> [DiagnosticRecord] {
        try mapping {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT * FROM diagnostics WHERE id IN (SELECT max(id) FROM diagnostics GROUP BY check_code)
                    ORDER BY check_code
                    """).map(Self.diagnosticRecord)
            }
        }
    }

    /// A full `PRAGMA integrity_check` (slower than the start-up quick check), for `kioskctl diag`.
    /// Returns the problems found; empty when the database is sound.
    public func integrityProblems() throws -> [String] {
        let result = try mapping { try pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } }
        return result == ["ok"] ? [] : result
    }

    private static func auditRecord(_ row: Row) -> AuditRecord {
        let caseID: String? = row["case_id"]
        return AuditRecord(id: row["id"], at: row["at"], event: row["event"],
                           caseID: caseID.flatMap(UUID.init(uuidString:)), detail: row["detail"])
    }

    private static func deviceEventRecord(_ row: Row) -> DeviceEventRecord {
        DeviceEventRecord(id: row["id"], at: row["at"], device: row["device"], event: row["event"], detail: row["detail"])
    }

    private static func diagnosticRecord(_ row: Row) -> DiagnosticRecord {
        let passed: Int = row["passed"]
        return DiagnosticRecord(id: row["id"], at: row["at"], check: row["check_code"], passed: passed == 1, detail: row["detail"])
    }
}
