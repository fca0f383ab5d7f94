import Foundation
import KioskStore
import KioskTime
import Logging

/// Anything that can deliver a rating; `CentralClient` in production.
public protocol RatingSubmitter: Sendable {
    func submitRating(_ rating: RatingSubmission) async -> RatingOutcome
}

extension CentralClient: RatingSubmitter {}

/// Delivers stored 好差评 ratings exactly once, as `OutboxDrainer` does cases: the rating is in
/// the store before anything is sent, its UUID is the Idempotency-Key (a resend after a lost
/// answer or a kill is a replay), and it is marked delivered only after the answer. Ratings are
/// few and small, so one at a time, oldest first; a failing one backs off on its own.
public actor RatingDrainer {
    private let store: CaseStore
    private let submitter: any RatingSubmitter
    private let backoff: BackoffPolicy
    private let clock: any KioskClock
    private let logger: Logger
    private var random: SeededRandom

    public init(store: CaseStore, submitter: any RatingSubmitter, backoff: BackoffPolicy = BackoffPolicy(),
                seed: UInt64 = UInt64.random(in: .min ... .max), clock: any KioskClock = SystemClock(),
                logger: Logger = Logger(label: "kiosk.ratings")) {
        self.store = store
        self.submitter = submitter
        self.backoff = backoff
        self.clock = clock
        self.logger = logger
        random = SeededRandom(seed: seed)
    }

    /// One pass over the due ratings. Returns how many were delivered; stops at the first
    /// failure that is not the rating's own (the service is away: the rest would fail too).
    @discardableResult
    public func drainOnce(limit: Int = 50) async throws -> Int {
        var delivered = 0
        for rating in try await store.dueRatings(now: clock.wallTime, limit: limit) {
            let submission = RatingSubmission(ratingId: rating.id, caseNumber: rating.caseNumber, score: rating.score,
                                              reasons: rating.reasons, ratedAt: rating.ratedAt)
            switch await submitter.submitRating(submission) {
            case .delivered(_, let replayed):
                try await store.markRatingDelivered(id: rating.id, at: clock.wallTime)
                // The rating's id only: no case number or score in the log either.
                logger.info("rating delivered", metadata: ["rating": "\(rating.id.uuidString.lowercased())", "replayed": "\(replayed)"])
                delivered += 1
            case .refused(let status, let problem):
                try await store.markRatingFailed(id: rating.id, error: "HTTP \(status) \(problem.error)", nextAttemptAt: clock.wallTime, permanent: true)
                logger.warning("rating refused", metadata: ["rating": "\(rating.id.uuidString.lowercased())", "status": "\(status)"])
            case .retryable(let reason, let retryAfter):
                let delay = backoff.delay(afterFailures: rating.attempts + 1, retryAfter: retryAfter, unit: random.unit())
                try await store.markRatingFailed(id: rating.id, error: reason, nextAttemptAt: clock.wallTime.addingTimeInterval(delay), permanent: false)
                return delivered
            }
        }
        return delivered
    }

    /// Passes until nothing deliverable is left (or `deadline`), sleeping briefly between failed
    /// passes; returns how many were delivered.
    public func drainAll(deadline: Date? = nil) async throws -> Int {
        var delivered = 0
        while !Task.isCancelled {
            delivered += try await drainOnce()
            // Pending ratings that can go (their case has a central number), due now or later.
            if try await store.dueRatings(now: .distantFuture, limit: 1).isEmpty { return delivered }
            if let deadline, clock.wallTime >= deadline { return delivered }
            try await clock.sleep(for: .milliseconds(200))
        }
        return delivered
    }
}
