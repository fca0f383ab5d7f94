import Foundation
import KioskDomain
import Logging

/// Anything that can submit a case; `CentralClient` in production.
public protocol CaseSubmitter: Sendable {
    func submit(_ filed: FiledCase) async -> SubmitOutcome
}

extension CentralClient: CaseSubmitter {}

/// Delivers the outbox to the central service, exactly once across crashes and faults.
///
/// - Oldest first: each pass takes the due entries in confirmation order.
/// - Exactly once: the case UUID is the Idempotency-Key, so a retry after a lost answer (or a
///   crash after the central service stored the case but before the store recorded it) comes
///   back as a replay of the original receipt, which counts as success.
/// - A failing case gets its own next-attempt time (exponential backoff with jitter, Retry-After
///   honoured) and does not hold up the others; after `alertAfterAttempts` failures an alert is
///   raised. A refused case (422/409) leaves the queue until a technician retries it.
/// - When the service as a whole is unavailable (connection refused, 503, signature refused),
///   the pass stops and the drainer waits, instead of counting a failure against every case.
public actor OutboxDrainer {
    public struct Configuration: Sendable {
        /// Entries taken per pass.
        public var batchSize: Int
        public var backoff: BackoffPolicy
        /// Consecutive failures of one case before an alert is raised.
        public var alertAfterAttempts: Int
        /// Longest sleep between passes, so newly confirmed cases go out promptly.
        public var idlePoll: TimeInterval
        /// Submissions in flight at once. 1 (the default) sends strictly one after the other,
        /// oldest first; more pipelines a backlog (still started oldest first) so that the
        /// server's durable commits overlap with the next requests.
        public var maxInFlight: Int

        public init(batchSize: Int = 50, backoff: BackoffPolicy = BackoffPolicy(), alertAfterAttempts: Int = 5,
                    idlePoll: TimeInterval = 2, maxInFlight: Int = 1) {
            self.batchSize = batchSize
            self.backoff = backoff
            self.alertAfterAttempts = alertAfterAttempts
            self.idlePoll = idlePoll
            self.maxInFlight = max(1, maxInFlight)
        }
    }

    private let store: any OutboxStore
    private let submitter: any CaseSubmitter
    private let configuration: Configuration
    private let now: @Sendable () -> Date
    private let sleep: @Sendable (TimeInterval) async throws -> Void
    private let onAlert: @Sendable (DrainAlert) -> Void
    private let logger: Logger
    private var random: SplitMix64
    private var serviceFailures = 0
    private var pausedUntil: Date?
    private var lastError: String?

    public init(store: any OutboxStore, submitter: any CaseSubmitter, configuration: Configuration = Configuration(),
                seed: UInt64 = UInt64.random(in: .min ... .max),
                now: @escaping @Sendable () -> Date = { Date() },
                sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
                logger: Logger = Logger(label: "kiosk.outbox"),
                onAlert: @escaping @Sendable (DrainAlert) -> Void = { _ in }) {
        self.store = store
        self.submitter = submitter
        self.configuration = configuration
        self.random = SplitMix64(seed: seed)
        self.now = now
        self.sleep = sleep
        self.logger = logger
        self.onAlert = onAlert
    }

    /// The queue for the status API: pending count, oldest age, failures, pause.
    public func status() async throws -> OutboxStatus {
        let at = now()
        let summary = try await store.outboxSummary(now: at)
        return OutboxStatus(pending: summary.pending, oldestPendingSeconds: summary.oldestPendingAge(now: at),
                            failing: summary.failing, refused: summary.refused,
                            pausedUntil: pausedUntil.flatMap { $0 > at ? $0 : nil }, lastError: lastError)
    }

    /// One pass over the due entries, oldest first. Returns early when the service is
    /// unavailable or still paused.
    public func drainOnce() async throws -> DrainReport {
        var report = DrainReport()
        if let pausedUntil, pausedUntil > now() { return report }
        let due = try await store.pendingSubmissions(dueAt: now(), limit: configuration.batchSize)
        let submitter = self.submitter
        let limit = configuration.maxInFlight
        try await withThrowingTaskGroup(of: (PendingSubmission, SubmitOutcome).self) { group in
            var next = 0
            var inFlight = 0
            var stopped = false
            while true {
                // Start the oldest entries not yet sent, up to the in-flight limit.
                while !stopped, next < due.count, inFlight < limit {
                    try Task.checkCancellation()
                    let entry = due[next]
                    next += 1
                    let filed = try await store.caseForSubmission(id: entry.caseID)
                    report.attempted += 1
                    inFlight += 1
                    group.addTask { (entry, await submitter.submit(filed)) }
                }
                guard let (entry, outcome) = try await group.next() else { break }
                inFlight -= 1
                // Answers still in flight when the pass stops are recorded all the same.
                if try await handle(outcome, for: entry, report: &report) == .stopPass, !stopped {
                    report.servicePauses += 1
                    stopped = true
                }
            }
        }
        return report
    }

    /// Passes until the queue is empty (`untilEmpty`), `deadline` passes or the task is
    /// cancelled, sleeping until the next entry is due.
    public func run(untilEmpty: Bool, deadline: Date? = nil) async throws -> DrainReport {
        var total = DrainReport()
        while !Task.isCancelled {
            if let deadline, now() >= deadline { break }
            let pass = try await drainOnce()
            total.add(pass)
            // A full batch that went through: more is probably due, go on without looking.
            if pass.attempted == configuration.batchSize && pass.servicePauses == 0 && pass.retried == 0 { continue }
            let at = now()
            let summary = try await store.outboxSummary(now: at)
            if untilEmpty && summary.pending == 0 { break }
            var wake = summary.nextAttemptAt ?? at.addingTimeInterval(configuration.idlePoll)
            if let pausedUntil, pausedUntil > wake { wake = pausedUntil }
            let delay = min(max(0, wake.timeIntervalSince(at)), configuration.idlePoll)
            if delay > 0 || pass.attempted == 0 {
                try await sleep(max(delay, 0.005))
            }
        }
        return total
    }

    private enum Next { case carryOn, stopPass }

    private func handle(_ outcome: SubmitOutcome, for entry: PendingSubmission, report: inout DrainReport) async throws -> Next {
        let at = now()
        switch outcome {
        case let .accepted(receipt, _, _) where receipt.caseId != entry.caseID:
            // Never record another case's number against this one: treat it as a broken answer.
            return try await handle(.retryable(reason: "the receipt names another case", retryAfter: nil, scope: .request),
                                    for: entry, report: &report)
        case let .accepted(receipt, replayed, response):
            try await store.recordDelivery(caseID: entry.caseID, receipt: receipt, acknowledgedAt: at, response: response)
            serviceFailures = 0
            report.delivered += 1
            if replayed { report.replayed += 1 }
            logger.info("case delivered", metadata: ["case": "\(entry.localReference)", "replayed": "\(replayed)"])
            return .carryOn
        case let .refused(status, problem):
            let error = "HTTP \(status) \(problem.summary)"
            try await store.recordFailedAttempt(caseID: entry.caseID, error: error, nextAttemptAt: at, permanent: true)
            serviceFailures = 0
            report.refused += 1
            raise(DrainAlert(kind: .refused, caseID: entry.caseID, localReference: entry.localReference,
                             attempts: entry.attempts + 1, lastError: error), into: &report)
            return .carryOn
        case let .retryable(reason, retryAfter, scope):
            lastError = reason
            let attempts = entry.attempts + 1
            let failures = scope == .service ? serviceFailures + 1 : attempts
            let delay = configuration.backoff.delay(afterFailures: failures, retryAfter: retryAfter, unit: random.unit())
            let next = at.addingTimeInterval(delay)
            try await store.recordFailedAttempt(caseID: entry.caseID, error: reason, nextAttemptAt: next, permanent: false)
            report.retried += 1
            logger.notice("submission failed", metadata: ["case": "\(entry.localReference)", "reason": "\(reason)",
                                                          "retryIn": "\(Int(delay * 1000)) ms"])
            if attempts == configuration.alertAfterAttempts {
                raise(DrainAlert(kind: .stuck, caseID: entry.caseID, localReference: entry.localReference,
                                 attempts: attempts, lastError: reason), into: &report)
            }
            guard scope == .service else { return .carryOn }
            serviceFailures += 1
            pausedUntil = next
            return .stopPass
        }
    }

    private func raise(_ alert: DrainAlert, into report: inout DrainReport) {
        report.alerts.append(alert)
        logger.error("outbox alert", metadata: ["kind": "\(alert.kind.rawValue)", "case": "\(alert.localReference)",
                                                "attempts": "\(alert.attempts)"])
        onAlert(alert)
    }
}
