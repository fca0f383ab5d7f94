import CentralService
import Foundation
import GRDB

/// 好差评 ratings central-sim holds: stored once per rating UUID (the Idempotency-Key), only for
/// a case the rating terminal submitted. The only place of central-sim that knows SQL for them.
struct RatingRepository: Sendable {
    let database: SimDatabase

    enum SubmitResult: Sendable, Equatable {
        case created(RatingReceipt)
        /// The same rating again: the stored receipt.
        case replayed(RatingReceipt)
        /// Same rating UUID, different content.
        case conflict
        case unknownCase
        case notYourCase
    }

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE ratings (
                rating_id TEXT PRIMARY KEY,
                case_number TEXT NOT NULL REFERENCES cases(case_number),
                terminal_id TEXT NOT NULL,
                score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
                reasons TEXT NOT NULL,
                rated_at REAL NOT NULL,
                received_at REAL NOT NULL,
                digest TEXT NOT NULL
            ) STRICT;
            CREATE INDEX ratings_by_terminal ON ratings(terminal_id, received_at);
            """)
    }

    /// Stores the rating once, committed with `synchronous = FULL` before the answer is sent.
    func submit(_ rating: RatingSubmission, terminalID: String, digest: String, now: Date) async throws -> SubmitResult {
        let receivedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        return try await database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
            var result = SubmitResult.conflict
            try db.inTransaction(.immediate) {
                if let row = try Row.fetchOne(db, sql: "SELECT * FROM ratings WHERE rating_id = ?", arguments: [rating.ratingId.uuidString]) {
                    let stored: String = row["digest"]
                    result = stored == digest ? .replayed(Self.receipt(row)) : .conflict
                    return .rollback
                }
                guard let owner = try String.fetchOne(db, sql: "SELECT terminal_id FROM cases WHERE case_number = ?",
                                                      arguments: [rating.caseNumber]) else {
                    result = .unknownCase
                    return .rollback
                }
                guard owner == terminalID else { result = .notYourCase; return .rollback }
                let reasons = String(decoding: try JSONEncoder().encode(rating.reasons), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO ratings (rating_id, case_number, terminal_id, score, reasons, rated_at, received_at, digest)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [rating.ratingId.uuidString, rating.caseNumber, terminalID, rating.score, reasons,
                                     rating.ratedAt.timeIntervalSince1970, receivedAt.timeIntervalSince1970, digest])
                result = .created(RatingReceipt(ratingId: rating.ratingId, caseNumber: rating.caseNumber, score: rating.score,
                                                receivedAt: receivedAt))
                return .commit
            }
            return result
        }
    }

    /// A terminal's ratings, oldest first.
    func ratings(terminalID: String) async throws -> [RatingReceipt] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ratings WHERE terminal_id = ? ORDER BY received_at, rating_id",
                             arguments: [terminalID]).map(Self.receipt)
        }
    }

    private static func receipt(_ row: Row) -> RatingReceipt {
        let id: String = row["rating_id"]
        return RatingReceipt(ratingId: UUID(uuidString: id) ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                             caseNumber: row["case_number"], score: row["score"],
                             receivedAt: Date(timeIntervalSince1970: row["received_at"]))
    }
}
