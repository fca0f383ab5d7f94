import Foundation
import KioskDomain
import KioskStore

/// What the drainer needs from the kiosk's store, in the store's own terms: `CaseStore`
/// conforms as it is. A protocol so the drainer can be tested against an in-memory outbox that
/// counts every call (`KioskTesting.MemoryOutbox`).
///
/// Every method is one committed transaction in the store, so a crash between any two calls
/// leaves the outbox consistent: at worst a delivered case is sent again, and the central
/// service answers the replay with the original receipt. The drainer reads and acknowledges in
/// batches (several cases per call) so the store's work stays off the wire's critical path.
public protocol OutboxStore: Sendable {
    /// Undelivered, not permanently refused entries whose next attempt is due, oldest first.
    func dueOutbox(now: Date, limit: Int) async throws -> [OutboxEntry]
    /// The cases to submit, personal data unsealed, in the order of `ids`.
    func loadCases(ids: [UUID]) async throws -> [FiledCase]
    /// The central service holds these cases: record their numbers and raw answers.
    func markDelivered(_ acknowledgements: [Acknowledgement]) async throws
    /// An attempt failed; `permanent` takes the entry out of the queue until a technician retries it.
    func markAttemptFailed(caseID: UUID, error: String, nextAttemptAt: Date, permanent: Bool) async throws
    /// The queue at a glance: pending, failing, refused (`dead`), the oldest and the next due.
    func outboxStats(now: Date) async throws -> OutboxStats
}

extension CaseStore: OutboxStore {}
