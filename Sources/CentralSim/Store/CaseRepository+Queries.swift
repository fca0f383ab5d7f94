import CentralService
import Foundation
import GRDB
import KioskDomain

extension CaseRepository {
    /// Progress of one case, states computed for `now` on the simulated clock, with the terminal
    /// that submitted it (the only terminal allowed to read it).
    func progress(caseNumber: String, now: Date) async throws -> (terminalID: String, progress: CaseProgress)? {
        try await database.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT case_id, terminal_id, accepted_at FROM cases WHERE case_number = ?",
                                             arguments: [caseNumber]) else { return nil }
            let caseID: String = row["case_id"]
            let acceptedAt = Date(timeIntervalSince1970: row["accepted_at"])
            return (row["terminal_id"], CaseProgress(caseId: UUID(uuidString: caseID)!, caseNumber: caseNumber, acceptedAt: acceptedAt,
                                                     items: try items(caseID: caseID, acceptedAt: acceptedAt, now: now, db: db)))
        }
    }

    /// The cases a terminal submitted, oldest first.
    func cases(terminalID: String, now: Date) async throws -> [CentralCaseSummary] {
        try await summaries(where: "terminal_id = ?", arguments: [terminalID], now: now)
    }

    /// An applicant's cases filed at `terminalID`, found by ID number (stored as a keyed digest).
    func cases(idNumber: String, terminalID: String, now: Date) async throws -> [CentralCaseSummary] {
        try await summaries(where: "id_number_digest = ? AND terminal_id = ?",
                            arguments: [lookupKey.digest(idNumber), terminalID], now: now)
    }

    /// What one department receives: its items, and only the fields routed to it.
    func departmentView(department: String, caseNumber: String, now: Date) async throws -> DepartmentView? {
        try await database.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT case_id, region, accepted_at, submission FROM cases WHERE case_number = ?
                """, arguments: [caseNumber]) else { return nil }
            let caseID: String = row["case_id"]
            let acceptedAt = Date(timeIntervalSince1970: row["accepted_at"])
            let all = try items(caseID: caseID, acceptedAt: acceptedAt, now: now, db: db)
            let mine = all.filter { $0.department == department }
            guard !mine.isEmpty else { return nil }
            let text: String = row["submission"]
            let submission = try Wire.decoder.decode(CaseSubmission.self, from: Data(text.utf8))
            let fields = submission.fields.filter { $0.departments.contains(department) }
                .map { DepartmentView.Field(code: $0.code, label: $0.label, value: $0.value) }
            return DepartmentView(department: department, caseNumber: caseNumber, region: row["region"],
                                  items: mine, fields: fields)
        }
    }

    func recordHeartbeat(terminalID: String, beat: Data, now: Date) async throws {
        try await database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO heartbeats (terminal_id, received_at, beat) VALUES (?, ?, ?)
                ON CONFLICT(terminal_id) DO UPDATE SET received_at = excluded.received_at, beat = excluded.beat
                """, arguments: [terminalID, now.timeIntervalSince1970, beat])
        }
    }

    /// Every terminal with a key or a heartbeat, with its last heartbeat and case count; `only`
    /// narrows the list to one terminal (what a terminal may see of the fleet: itself).
    func terminals(known: [String], only: String? = nil) async throws -> TerminalList {
        try await database.pool.read { db in
            var beats: [String: (Date, Heartbeat?)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT terminal_id, received_at, beat FROM heartbeats") {
                let data: Data = row["beat"]
                beats[row["terminal_id"]] = (Date(timeIntervalSince1970: row["received_at"]),
                                             try? Wire.decoder.decode(Heartbeat.self, from: data))
            }
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT terminal_id, COUNT(*) AS n FROM cases GROUP BY terminal_id") {
                counts[row["terminal_id"]] = row["n"]
            }
            let ids = Set(known).union(beats.keys).union(counts.keys).filter { only == nil || $0 == only }.sorted()
            return TerminalList(terminals: ids.map { id in
                TerminalList.Terminal(terminalId: id, lastHeartbeatAt: beats[id]?.0, lastHeartbeat: beats[id]?.1 ?? nil,
                                      casesReceived: counts[id] ?? 0)
            })
        }
    }

    private func summaries(where condition: String, arguments: StatementArguments, now: Date) async throws -> [CentralCaseSummary] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT case_id, case_number, local_reference, terminal_id, region, accepted_at
                FROM cases WHERE \(condition) ORDER BY accepted_at, case_number
                """, arguments: arguments).map { row in
                let caseID: String = row["case_id"]
                let acceptedAt = Date(timeIntervalSince1970: row["accepted_at"])
                var states: [String: Int] = [:]
                for item in try items(caseID: caseID, acceptedAt: acceptedAt, now: now, db: db) {
                    states[item.state.rawValue, default: 0] += 1
                }
                return CentralCaseSummary(caseId: UUID(uuidString: caseID)!, caseNumber: row["case_number"],
                                   localReference: row["local_reference"], terminalId: row["terminal_id"],
                                   region: row["region"], acceptedAt: acceptedAt, itemStates: states)
            }
        }
    }

    private func items(caseID: String, acceptedAt: Date, now: Date, db: Database) throws -> [CaseProgress.ItemProgress] {
        try Row.fetchAll(db, sql: "SELECT * FROM items WHERE case_id = ? ORDER BY position", arguments: [caseID]).map { row in
            let dependsText: String = row["depends_on"]
            let reason: String? = row["refused_reason"]
            let plan = ProgressSimulator.Plan(
                dependsOn: dependsText.isEmpty ? [] : dependsText.split(separator: ",").map(String.init),
                startsAfter: row["starts_after"], completesAfter: row["completes_after"],
                refusal: reason.map { ProgressSimulator.Refusal(reason: $0, basis: row["refused_basis"] ?? "") })
            let (state, since) = simulator.state(of: plan, acceptedAt: acceptedAt, now: now)
            let due: String? = row["due_date"]
            return CaseProgress.ItemProgress(
                code: row["code"], title: row["title"], department: row["department"], state: state,
                dueDate: due.flatMap { CivilDate(iso: $0) }, dependsOn: plan.dependsOn,
                reason: state == .refused ? plan.refusal?.reason : nil,
                basis: state == .refused ? plan.refusal?.basis : nil, updatedAt: since)
        }
    }
}
