import Foundation

/// `POST /v1/ratings`: one 好差评 rating of a case (一事一评), sent through the kiosk's outbox
/// with the rating's UUID as Idempotency-Key. No personal data: a case number, a score and the
/// standard reasons.
public struct RatingSubmission: Codable, Sendable, Equatable {
    public var ratingId: UUID
    public var caseNumber: String
    /// 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意.
    public var score: Int
    /// The scheme's standard reasons the applicant tapped (may be empty).
    public var reasons: [String]
    public var ratedAt: Date
    /// Where the rating was given: `kiosk` (the 现场服务 channel).
    public var channel: String

    public init(ratingId: UUID, caseNumber: String, score: Int, reasons: [String], ratedAt: Date, channel: String = "kiosk") {
        self.ratingId = ratingId
        self.caseNumber = caseNumber
        self.score = score
        self.reasons = reasons
        self.ratedAt = ratedAt
        self.channel = channel
    }
}

/// The central service's record of a rating (201, or the same again for a replay).
public struct RatingReceipt: Codable, Sendable, Equatable {
    public var ratingId: UUID
    public var caseNumber: String
    public var score: Int
    public var receivedAt: Date

    public init(ratingId: UUID, caseNumber: String, score: Int, receivedAt: Date) {
        self.ratingId = ratingId
        self.caseNumber = caseNumber
        self.score = score
        self.receivedAt = receivedAt
    }
}

/// `GET /v1/terminals/{terminalId}/ratings`: what a terminal delivered, oldest first.
public struct RatingList: Codable, Sendable, Equatable {
    public var ratings: [RatingReceipt]
    public init(ratings: [RatingReceipt]) { self.ratings = ratings }
}

/// What became of one rating's delivery.
public enum RatingOutcome: Sendable, Equatable {
    /// Stored (or a replay of the stored one): the central service holds it exactly once.
    case delivered(RatingReceipt, replayed: Bool)
    /// Refused for good (unknown case, another terminal's case, invalid): sending again won't help.
    case refused(status: Int, Problem)
    /// Worth trying again later.
    case retryable(reason: String, retryAfter: TimeInterval?)
}
