import Foundation
import GRDB

/// A 好差评 rating in the store's own little outbox. The rating's UUID is the Idempotency-Key,
/// so a retry after a lost answer (or a crash after the central service stored it) is a replay.
public struct StoredRating: Sendable, Equatable, Codable {
    public var id: UUID
    /// The case as filed here, when it was (its central number is used once it has one).
    public var caseID: UUID?
    /// The central case number (or, rated before delivery, the local reference until resolved).
    public var caseNumber: String
    public var score: Int
    public var reasons: [String]
    public var ratedAt: Date
    public var state: OutboxState
    public var attempts: Int
    public var lastError: String?

    public init(id: UUID, caseID: UUID?, caseNumber: String, score: Int, reasons: [String], ratedAt: Date,
                state: OutboxState = .pending, attempts: Int = 0, lastError: String? = nil) {
        self.id = id
        self.caseID = caseID
        self.caseNumber = caseNumber
        self.score = score
        self.reasons = reasons
        self.ratedAt = ratedAt
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
    }
}

extension CaseStore {
    /// Stores a rating durably before anything is sent. Storing the same rating twice is a no-op.
    public func storeRating(_ rating: StoredRating) throws {
        let reasons = String(decoding: try JSONEncoder().encode(rating.reasons), as: UTF8.self)
        try mapping {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO ratings (id, case_id, case_number, score, reasons, rated_at, state, attempts, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?) ON CONFLICT(id) DO NOTHING
                    """, arguments: [rating.id.uuidString, rating.caseID?.uuidString, rating.caseNumber, rating.score, reasons,
                                     rating.ratedAt.timeIntervalSince1970, rating.ratedAt.timeIntervalSince1970])
                try Audit.append(.ratingStored, caseID: rating.caseID, detail: "score=\(rating.score)", at: rating.ratedAt, db)
            }
        }
    }

    /// Pending ratings due now, oldest first, with the central case number resolved. A rating of a
    /// case filed here waits until that case has been delivered (it has no central number before).
    public func dueRatings(now: Date, limit: Int) throws -> [StoredRating] {
        try mapping {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT r.*, c.central_case_number AS resolved FROM ratings r LEFT JOIN cases c ON c.id = r.case_id
                    WHERE r.state = 'pending' AND r.next_attempt_at <= ? AND (r.case_id IS NULL OR c.central_case_number IS NOT NULL)
                    ORDER BY r.rated_at, r.id LIMIT ?
                    """, arguments: [now.timeIntervalSince1970, max(0, limit)]).map(Self.rating)
            }
        }
    }

    /// Every rating, newest first (inspection and tests).
    public func ratings(limit: Int = 1000) throws -> [StoredRating] {
        try mapping {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT r.*, c.central_case_number AS resolved FROM ratings r LEFT JOIN cases c ON c.id = r.case_id
                    ORDER BY r.rated_at DESC, r.id LIMIT ?
                    """, arguments: [max(0, limit)]).map(Self.rating)
            }
        }
    }

    /// The central service holds the rating.
    public func markRatingDelivered(id: UUID, at: Date) throws {
        try mapping {
            try pool.write { db in
                try db.execute(sql: "UPDATE ratings SET state = 'delivered', delivered_at = ?, last_error = NULL WHERE id = ?",
                               arguments: [at.timeIntervalSince1970, id.uuidString])
                try Audit.append(.ratingDelivered, caseID: nil, detail: "rating=\(id.uuidString.lowercased())", at: at, db)
            }
        }
    }

    /// An attempt failed; `permanent` (the service refused it) takes it out of the queue.
    public func markRatingFailed(id: UUID, error: String, nextAttemptAt: Date, permanent: Bool) throws {
        try mapping {
            try pool.write { db in
                try db.execute(sql: """
                    UPDATE ratings SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, state = ?
                    WHERE id = ? AND state = 'pending'
                    """, arguments: [PersonalDataScrubber.scrub(error), nextAttemptAt.timeIntervalSince1970,
                                     permanent ? "dead" : "pending", id.uuidString])
            }
        }
    }

    private static func rating(_ row: Row) throws -> StoredRating {
        let id: String = row["id"], caseID: String? = row["case_id"], state: String = row["state"], reasons: String = row["reasons"]
        guard let uuid = UUID(uuidString: id), let outboxState = OutboxState(rawValue: state),
              let list = try? JSONDecoder().decode([String].self, from: Data(reasons.utf8)) else {
            throw StoreError.corruptRecord(table: "ratings", column: "id", detail: "bad id, state or reasons for \(id)")
        }
        let resolved: String? = row["resolved"]
        return StoredRating(id: uuid, caseID: caseID.flatMap(UUID.init(uuidString:)), caseNumber: resolved ?? row["case_number"],
                            score: row["score"], reasons: list, ratedAt: Date(timeIntervalSince1970: row["rated_at"]),
                            state: outboxState, attempts: row["attempts"], lastError: row["last_error"])
    }
}
