import Foundation
import GRDB

/// The outbox: what the drainer (CentralService) and the operator's `kioskctl outbox` call.
///
/// Delivery is at-least-once from the kiosk's side and exactly-once at the central service,
/// because the case UUID is the Idempotency-Key: an acknowledgement lost in a crash is simply
/// replayed, and `markDelivered` accepts the replayed answer as success.
extension CaseStore {
    static let entryColumns = """
        o.case_id, c.local_reference, o.attempts, o.enqueued_at, o.next_attempt_at, o.last_error, o.state,
        o.last_attempt_at, c.central_case_number, o.acknowledged_at
        """

    /// Entries due for delivery at `now`, oldest first (by enqueue time, then filing time). A
    /// case that keeps failing is pushed back by its `nextAttemptAt` and so never blocks the others.
    public func dueOutbox(now: Date, limit: Int) throws -> [OutboxEntry] {
        try mapping {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT \(Self.entryColumns) FROM outbox o JOIN cases c ON c.id = o.case_id
                    WHERE o.state = 'pending' AND o.next_attempt_at <= ?
                    ORDER BY o.enqueued_at, c.filed_at, o.case_id LIMIT ?
                    """, arguments: [now.timeIntervalSince1970, max(0, limit)]).map(Self.entry)
            }
        }
    }

    /// Entries for an operator, oldest first; all states when `states` is empty.
    public func outboxEntries(states: Set<OutboxState> = [], limit: Int = 1000) throws -> [OutboxEntry] {
        let wanted = states.isEmpty ? Set(OutboxState.allCases) : states
        let placeholders = Array(repeating: "?", count: wanted.count).joined(separator: ", ")
        var arguments = StatementArguments(wanted.map(\.rawValue).sorted())
        arguments += [max(0, limit)]
        return try mapping {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT \(Self.entryColumns) FROM outbox o JOIN cases c ON c.id = o.case_id
                    WHERE o.state IN (\(placeholders))
                    ORDER BY o.enqueued_at, c.filed_at, o.case_id LIMIT ?
                    """, arguments: arguments).map(Self.entry)
            }
        }
    }

    /// Records the central service's acknowledgement. Idempotent: the same acknowledgement again
    /// is a no-op; a different case number for an already delivered case is refused
    /// (`conflictingAcknowledgement`) and the first one kept. A late success after the entry went
    /// dead still counts: the case is delivered. The response is sealed (it may echo the case).
    public func markDelivered(caseID: UUID, centralCaseNumber: String, acknowledgedAt: Date, response: Data) throws {
        try markDelivered([Acknowledgement(caseID: caseID, centralCaseNumber: centralCaseNumber,
                                           acknowledgedAt: acknowledgedAt, response: response)])
    }

    /// Records several acknowledgements in one transaction, each as `markDelivered(caseID:…)` does.
    ///
    /// Why a batch: the drainer acknowledges while its next submissions are on the wire, and one
    /// commit for the answers that arrived meanwhile costs about what one commit for one costs.
    /// A conflicting acknowledgement does not hold up the others: they are committed, then the
    /// first conflict (or unknown case) is thrown.
    public func markDelivered(_ acknowledgements: [Acknowledgement]) throws {
        guard !acknowledgements.isEmpty else { return }
        // The answer is sealed under its case's own key, so the purge shreds it with the rest.
        let keys = try mapping {
            try pool.read { db in try acknowledgements.map { try CaseKeys.load(caseID: $0.caseID, master: sealer.key, db) } }
        }
        let sealed = try zip(acknowledgements, keys).map { ack, caseKey in
            do {
                if let caseKey { return try sealer.seal(ack.response, .response(ack.caseID), with: caseKey) }
                return try sealer.seal(ack.response, .response(ack.caseID))
            } catch {
                throw StoreError.unsealFailed(id: ack.caseID, what: "sealing the response: \(error)")
            }
        }
        let now = configuration.now()
        let refusal = try mapping {
            try pool.write { db -> StoreError? in
                var refusal: StoreError?
                for (ack, sealedResponse) in zip(acknowledgements, sealed) {
                    do {
                        try Self.recordAcknowledgement(ack, sealedResponse: sealedResponse, at: now, db)
                    } catch let error as StoreError {
                        refusal = refusal ?? error
                    }
                }
                return refusal
            }
        }
        if let refusal { throw refusal }
    }

    private static func recordAcknowledgement(_ ack: Acknowledgement, sealedResponse: Data, at now: Date,
                                              _ db: Database) throws {
        let id = ack.caseID.uuidString
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT o.state, c.central_case_number FROM outbox o JOIN cases c ON c.id = o.case_id WHERE o.case_id = ?
            """), arguments: [id]) else { throw StoreError.caseNotFound(id) }
        if row["state"] == OutboxState.delivered.rawValue {
            let existing: String? = row["central_case_number"]
            guard existing == ack.centralCaseNumber else {
                throw StoreError.conflictingAcknowledgement(id: ack.caseID, existing: existing ?? "", new: ack.centralCaseNumber)
            }
            return
        }
        try db.cachedStatement(sql: """
            UPDATE outbox SET state = 'delivered', acknowledged_at = ?, sealed_response = ?, last_error = NULL
            WHERE case_id = ?
            """).execute(arguments: [ack.acknowledgedAt.timeIntervalSince1970, sealedResponse, id])
        try db.cachedStatement(sql: "UPDATE cases SET central_case_number = ? WHERE id = ?")
            .execute(arguments: [ack.centralCaseNumber, id])
        try Audit.append(.caseDelivered, caseID: ack.caseID, detail: "central=\(ack.centralCaseNumber)", at: now, db)
    }

    /// Records a failed attempt: counts it, keeps a scrubbed copy of the error, and schedules the
    /// next attempt (the drainer computes backoff). `permanent` (a 422, say) makes the entry dead
    /// until an operator retries it. A failure reported after the entry was delivered is ignored.
    public func markAttemptFailed(caseID: UUID, error: String, nextAttemptAt: Date, permanent: Bool) throws {
        let now = configuration.now()
        let knownValues = (try? personalValues(of: caseID)) ?? []
        let scrubbed = PersonalDataScrubber.scrub(error, knownValues: knownValues)
        let threshold = configuration.alertThreshold
        try mapping {
            try pool.write { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT state, attempts FROM outbox WHERE case_id = ?",
                                                 arguments: [caseID.uuidString]) else {
                    throw StoreError.caseNotFound(caseID.uuidString)
                }
                guard row["state"] != OutboxState.delivered.rawValue else { return }
                let attempts = (row["attempts"] as Int) + 1
                try db.execute(sql: """
                    UPDATE outbox SET attempts = ?, last_error = ?, last_attempt_at = ?, next_attempt_at = ?, state = ?
                    WHERE case_id = ?
                    """, arguments: [attempts, scrubbed, now.timeIntervalSince1970, nextAttemptAt.timeIntervalSince1970,
                                     (permanent ? OutboxState.dead : .pending).rawValue, caseID.uuidString])
                let event: AuditEvent = permanent ? .deliveryDead : (attempts == threshold ? .deliveryAlert : .deliveryFailed)
                try Audit.append(event, caseID: caseID, detail: "attempts=\(attempts)", at: now, db)
            }
        }
    }

    /// The queue's health at `now`.
    public func outboxStats(now: Date) throws -> OutboxStats {
        let threshold = configuration.alertThreshold
        return try mapping {
            try pool.read { db in
                let row = try Row.fetchOne(db, sql: """
                    SELECT
                        coalesce(sum(state = 'pending'), 0) AS pending,
                        min(CASE WHEN state = 'pending' THEN enqueued_at END) AS oldest,
                        coalesce(sum(state = 'pending' AND attempts >= ?), 0) AS alerting,
                        coalesce(sum(state = 'dead'), 0) AS dead,
                        coalesce(sum(state = 'delivered'), 0) AS delivered,
                        coalesce(sum(state = 'pending' AND attempts > 0), 0) AS failing,
                        min(CASE WHEN state = 'pending' THEN next_attempt_at END) AS next_attempt
                    FROM outbox
                    """, arguments: [threshold])
                let oldest: Double? = row?["oldest"]
                let nextAttempt: Double? = row?["next_attempt"]
                return OutboxStats(pending: row?["pending"] ?? 0,
                                   oldestPendingAge: oldest.map { max(0, now.timeIntervalSince1970 - $0) },
                                   alerting: row?["alerting"] ?? 0, dead: row?["dead"] ?? 0,
                                   delivered: row?["delivered"] ?? 0, alertThreshold: threshold,
                                   failing: row?["failing"] ?? 0,
                                   nextAttemptAt: nextAttempt.map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    /// Operator action: makes a dead or alerting entry due now. The attempt count is kept as
    /// history (the alert clears once the case is delivered). Refused for a delivered case.
    /// Returns the case's local reference, for the operator's confirmation.
    @discardableResult
    public func retry(caseID: UUID) throws -> String {
        let now = configuration.now()
        return try mapping {
            try pool.write { db in
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT o.state, c.local_reference FROM outbox o JOIN cases c ON c.id = o.case_id WHERE o.case_id = ?
                    """, arguments: [caseID.uuidString]) else {
                    throw StoreError.caseNotFound(caseID.uuidString)
                }
                let state: String = row["state"]
                guard state != OutboxState.delivered.rawValue else { throw StoreError.alreadyDelivered(id: caseID) }
                try db.execute(sql: "UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE case_id = ?",
                               arguments: [now.timeIntervalSince1970, caseID.uuidString])
                try Audit.append(.retryRequested, caseID: caseID, detail: "from=\(state)", at: now, db)
                return row["local_reference"]
            }
        }
    }

    /// The case's personal values, to scrub them from server error text.
    private func personalValues(of caseID: UUID) throws -> [String] {
        try loadCase(id: caseID).personalValues
    }

    static func entry(_ row: Row) throws -> OutboxEntry {
        let id: String = row["case_id"]
        guard let caseID = UUID(uuidString: id) else {
            throw StoreError.corruptRecord(table: "outbox", column: "case_id", detail: "not a UUID: \(id)")
        }
        let stateText: String = row["state"]
        guard let state = OutboxState(rawValue: stateText) else {
            throw StoreError.corruptRecord(table: "outbox", column: "state", detail: "unknown state \(stateText)")
        }
        return OutboxEntry(caseID: caseID, localReference: row["local_reference"], attempts: row["attempts"],
                           enqueuedAt: Date(timeIntervalSince1970: row["enqueued_at"]),
                           nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]),
                           lastError: row["last_error"], state: state,
                           lastAttemptAt: (row["last_attempt_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                           centralCaseNumber: row["central_case_number"],
                           acknowledgedAt: (row["acknowledged_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
