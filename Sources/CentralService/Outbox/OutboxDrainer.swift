import Foundation
import KioskDomain
import KioskStore
import Logging
import KioskTime

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
/// - A refusal of the terminal itself (`TerminalFault`: its key or id refused by the identity
///   check before the queue runs, a `403 wrong_terminal` on a case, queued cases filed under
///   another terminal id) holds the whole queue and raises one alert, instead of dead-lettering
///   every case one by one (see `OutboxDrainer+TerminalFault.swift`).
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
        /// oldest first; more pipelines a backlog (still started oldest first), and a server that
        /// commits in groups (central-sim does) stores several with one durable commit.
        public var maxInFlight: Int
        /// How long the queue is held after a terminal fault before the terminal is checked again.
        public var terminalFaultPause: TimeInterval = 300

        public init(batchSize: Int = 50, backoff: BackoffPolicy = BackoffPolicy(), alertAfterAttempts: Int = 5,
                    idlePoll: TimeInterval = 2, maxInFlight: Int = 1) {
            self.batchSize = batchSize
            self.backoff = backoff
            self.alertAfterAttempts = alertAfterAttempts
            self.idlePoll = idlePoll
            self.maxInFlight = max(1, maxInFlight)
        }
    }

    let store: any OutboxStore
    let submitter: any CaseSubmitter
    let configuration: Configuration
    let clock: any KioskClock
    private let onAlert: @Sendable (DrainAlert) -> Void
    let logger: Logger
    private var random: SeededRandom
    private var serviceFailures = 0
    var pausedUntil: Date?
    var lastError: String?
    /// The fault holding the whole queue, until the terminal is accepted again.
    var terminalFault: TerminalFault?
    /// Whether the service accepted the terminal's id and key since this drainer started.
    var identityConfirmed = false

    public init(store: any OutboxStore, submitter: any CaseSubmitter, configuration: Configuration = Configuration(),
                seed: UInt64 = UInt64.random(in: .min ... .max),
                clock: any KioskClock = SystemClock(),
                logger: Logger = Logger(label: "kiosk.outbox"),
                onAlert: @escaping @Sendable (DrainAlert) -> Void = { _ in }) {
        self.store = store
        self.submitter = submitter
        self.configuration = configuration
        self.random = SeededRandom(seed: seed)
        self.clock = clock
        self.logger = logger
        self.onAlert = onAlert
    }

    func now() -> Date { clock.wallTime }

    /// The queue for the status API: pending count, oldest age, failures, pause.
    public func status() async throws -> OutboxStatus {
        let at = now()
        let stats = try await store.outboxStats(now: at)
        return OutboxStatus(pending: stats.pending, oldestPendingSeconds: stats.oldestPendingAge.map { Int($0) },
                            failing: stats.failing, dead: stats.dead,
                            pausedUntil: pausedUntil.flatMap { $0 > at ? $0 : nil }, lastError: lastError,
                            terminalFault: terminalFault)
    }

    /// What a child task of a pass finished.
    private enum Step: Sendable {
        /// The next cases to send, unsealed, in queue order.
        case loaded(Result<[FiledCase], any Error>)
        /// With the case's personal values, to scrub from whatever the server said.
        case answered(OutboxEntry, SubmitOutcome, personalValues: [String])
        /// These acknowledgements went to the store: committed, or `failure`.
        case recorded([(entry: OutboxEntry, replayed: Bool)], failure: (any Error)?)
    }

    /// One pass over the due entries, oldest first. Returns early when the service is
    /// unavailable or still paused.
    ///
    /// Submissions start strictly in queue order, at most `maxInFlight` at a time. The store's
    /// work is kept off the wire's critical path: the next cases are read and unsealed while
    /// earlier ones are in flight, and acknowledgements are committed in batches, each batch
    /// holding the answers that arrived while the previous one was being written. An answer is
    /// counted as delivered once its batch is committed; if the process dies before that, the
    /// next run sends the case again and the central service answers with the stored receipt.
    /// A store call that fails stops the pass from sending more, but the answers already in hand
    /// are still recorded before the first such error is thrown.
    public func drainOnce() async throws -> DrainReport {
        var report = DrainReport()
        if let pausedUntil, pausedUntil > now() { return report }
        let due = try await store.dueOutbox(now: now(), limit: configuration.batchSize)
        guard !due.isEmpty else { return report }
        if let fault = await checkIdentity() {
            holdQueue(fault, entry: due[0], report: &report)
            return report
        }
        let store = self.store
        let submitter = self.submitter
        let limit = configuration.maxInFlight
        let lookahead = max(2 * limit, 4)
        try await withThrowingTaskGroup(of: Step.self) { group in
            var ready: [FiledCase] = []   // loaded, not yet sent; ready[0] is due[next]
            var requested = 0             // due[..<requested] are loaded or being loaded
            var loading = false
            var next = 0
            var inFlight = 0
            var stopped = false
            var answered: [(entry: OutboxEntry, acknowledgement: Acknowledgement, replayed: Bool)] = []
            var recording = false
            var failure: (any Error)?
            while true {
                try Task.checkCancellation()
                if !stopped, !loading, requested < due.count, ready.count < lookahead {
                    let ids = due[requested..<min(due.count, requested + lookahead)].map(\.caseID)
                    requested += ids.count
                    loading = true
                    group.addTask {
                        do { return .loaded(.success(try await store.loadCases(ids: ids))) } catch { return .loaded(.failure(error)) }
                    }
                }
                while !stopped, inFlight < limit, !ready.isEmpty {
                    let entry = due[next]
                    let filed = ready.removeFirst()
                    next += 1
                    report.attempted += 1
                    inFlight += 1
                    let personal = filed.personalValues
                    group.addTask { .answered(entry, await submitter.submit(filed), personalValues: personal) }
                }
                if !recording, !answered.isEmpty {
                    let batch = answered
                    answered = []
                    recording = true
                    group.addTask {
                        let entries = batch.map { ($0.entry, $0.replayed) }
                        do {
                            try await store.markDelivered(batch.map(\.acknowledgement))
                            return .recorded(entries, failure: nil)
                        } catch {
                            return .recorded(entries, failure: error)
                        }
                    }
                }
                guard let step = try await group.next() else { break }
                switch step {
                case .loaded(let result):
                    loading = false
                    switch result {
                    case .success(let cases):
                        if !stopped, let (fault, caseID) = foreignCases(cases) {
                            holdQueue(fault, entry: due.first { $0.caseID == caseID } ?? due[0], report: &report)
                            (stopped, ready) = (true, [])
                        } else if !stopped {
                            ready += cases
                        }
                    case .failure(let error): (failure, stopped, ready) = (failure ?? error, true, [])
                    }
                case .recorded(let batch, let error?):
                    recording = false
                    (failure, stopped, ready) = (failure ?? error, true, [])
                    logger.error("acknowledgements not recorded", metadata: ["cases": "\(batch.count)", "error": "\(error)"])
                case .recorded(let batch, nil):
                    recording = false
                    for (entry, replayed) in batch {
                        report.delivered += 1
                        if replayed { report.replayed += 1 }
                        logger.info("case delivered", metadata: ["case": "\(entry.localReference)", "replayed": "\(replayed)"])
                    }
                case .answered(let entry, let outcome, let personal):
                    inFlight -= 1
                    if case let .accepted(receipt, replayed, response) = outcome, receipt.caseId == entry.caseID {
                        answered.append((entry, Acknowledgement(caseID: entry.caseID, centralCaseNumber: receipt.caseNumber,
                                                                acknowledgedAt: now(), response: response), replayed))
                        serviceFailures = 0
                    } else {
                        do {
                            if try await handle(outcome, for: entry, personalValues: personal, report: &report) == .stopPass,
                               !stopped {
                                // Answers still in flight when the pass stops are recorded all the same.
                                report.servicePauses += 1
                                (stopped, ready) = (true, [])
                            }
                        } catch {
                            (failure, stopped, ready) = (failure ?? error, true, [])
                        }
                    }
                }
            }
            if let failure { throw failure }
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
            let stats = try await store.outboxStats(now: at)
            if untilEmpty && stats.pending == 0 { break }
            var wake = stats.nextAttemptAt ?? at.addingTimeInterval(configuration.idlePoll)
            if let pausedUntil, pausedUntil > wake { wake = pausedUntil }
            let delay = min(max(0, wake.timeIntervalSince(at)), configuration.idlePoll)
            if delay > 0 || pass.attempted == 0 {
                try await clock.sleep(for: .milliseconds(Int64(max(delay, 0.005) * 1000)))
            }
        }
        return total
    }

    private enum Next { case carryOn, stopPass }

    /// Everything the server said (problem text, reasons) is outside text: it reaches the
    /// technician's terminal (alerts, status), the logs and the store only through
    /// `PersonalDataScrubber`, which drops control characters (no escape sequences into a
    /// terminal, no forged log lines) and hides this case's personal values and long digit runs.
    private func handle(_ outcome: SubmitOutcome, for entry: OutboxEntry, personalValues: [String],
                        report: inout DrainReport) async throws -> Next {
        let at = now()
        func clean(_ text: String) -> String { PersonalDataScrubber.scrub(text, knownValues: personalValues) }
        switch outcome {
        case .accepted:
            // drainOnce records the receipts that name the case; this one names another case.
            // Never record another case's number against this one: treat it as a broken answer.
            return try await handle(.retryable(reason: "the receipt names another case", retryAfter: nil, scope: .request),
                                    for: entry, personalValues: personalValues, report: &report)
        case let .refused(status, problem) where Self.refusesTerminal(status: status, problem: problem):
            let error = clean("HTTP \(status) \(problem.summary)")
            lastError = error
            try await store.markAttemptFailed(caseID: entry.caseID, error: error,
                                              nextAttemptAt: at.addingTimeInterval(configuration.terminalFaultPause), permanent: false)
            holdQueue(TerminalFault(kind: .wrongTerminal, terminalID: signingTerminalID, detail: error, since: at), entry: entry, report: &report)
            return .stopPass
        case let .refused(status, problem):
            let error = clean("HTTP \(status) \(problem.summary)")
            try await store.markAttemptFailed(caseID: entry.caseID, error: error, nextAttemptAt: at, permanent: true)
            serviceFailures = 0
            report.dead += 1
            raise(DrainAlert(kind: .dead, caseID: entry.caseID, localReference: entry.localReference,
                             attempts: entry.attempts + 1, lastError: error), into: &report)
            return .carryOn
        case let .retryable(rawReason, retryAfter, scope):
            let reason = clean(rawReason)
            lastError = reason
            let attempts = entry.attempts + 1
            let failures = scope == .service ? serviceFailures + 1 : attempts
            let delay = configuration.backoff.delay(afterFailures: failures, retryAfter: retryAfter, unit: random.unit())
            let next = at.addingTimeInterval(delay)
            try await store.markAttemptFailed(caseID: entry.caseID, error: reason, nextAttemptAt: next, permanent: false)
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

    func raise(_ alert: DrainAlert, into report: inout DrainReport) {
        report.alerts.append(alert)
        logger.error("outbox alert", metadata: ["kind": "\(alert.kind.rawValue)", "case": "\(alert.localReference)",
                                                "attempts": "\(alert.attempts)"])
        onAlert(alert)
    }
}
