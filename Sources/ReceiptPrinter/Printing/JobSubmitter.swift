import KioskTime
/// Submits one receipt to a queue and follows it to an end, reporting "printed" only when CUPS
/// says completed.
///
/// Why it gives up early: a kiosk receipt that prints ten minutes later, after the veteran has
/// gone, is worse than none (it lies in the tray with his masked data). So when the printer
/// stops with a fault a person must fix (paper out, cover open, paused), or the job is stopped,
/// or the time limit passes, the job is canceled and the outcome says why; the receipt can be
/// reprinted once the fault is cleared.
public struct JobSubmitter: Sendable {
    public let queue: any PrinterQueue
    /// Drives the timeout and the polling pause; its wall time stamps the printed documents.
    public let clock: any KioskClock
    /// How long a job may take from submission to completed.
    public var timeout: Duration
    /// Pause between job-state polls (a completed job takes ~11 ms on a local cupsd).
    public var pollInterval: Duration

    public static let defaultTimeout: Duration = .seconds(20)
    public static let defaultPollInterval: Duration = .milliseconds(10)

    public init(queue: any PrinterQueue, clock: any KioskClock = SystemClock(), timeout: Duration = JobSubmitter.defaultTimeout,
                pollInterval: Duration = JobSubmitter.defaultPollInterval) {
        self.queue = queue
        self.clock = clock
        self.timeout = timeout
        self.pollInterval = pollInterval
    }

    /// Checks the queue, submits, follows.
    public func print(_ bytes: [UInt8], title: String) async -> PrintOutcome {
        let before = await queue.status()
        guard before.canPrint else {
            return PrintOutcome(result: .notSubmitted, jobID: nil, status: before)
        }
        let job: Int32
        do {
            job = try await queue.submit(bytes, title: title)
        } catch {
            let status = await queue.status()
            let fallback = CupsPrinterQueue.status(for: error, queue: queue.queue, server: queue.serverDescription)
            return PrintOutcome(result: .notSubmitted, jobID: nil, status: status.canPrint ? fallback : status)
        }
        return await follow(job)
    }

    /// Polls the job until completed / aborted / canceled / stopped, a blocking printer fault,
    /// or the timeout.
    public func follow(_ job: Int32) async -> PrintOutcome {
        let deadline = clock.deadline(after: timeout)
        var seenReasons: [String] = []
        while true {
            let info: PrintJobInfo
            do {
                info = try await queue.job(job)
            } catch {
                // The scheduler went away (or forgot the job) mid-way: whatever happens to the job
                // later, it was not seen to print.
                // Asking again reconnects, which tells "scheduler down" from other failures.
                let now = await queue.status()
                let status = now.canPrint ? CupsPrinterQueue.status(for: error, queue: queue.queue, server: queue.serverDescription) : now
                return PrintOutcome(result: .stopped, jobID: job, status: status)
            }
            switch info.state {
            case .completed:
                return PrintOutcome(result: .printed, jobID: job, status: await queue.status())
            case .aborted:
                return PrintOutcome(result: .aborted, jobID: job, status: withSeen(await queue.status(), seenReasons, fallback: .error))
            case .canceled:
                return PrintOutcome(result: .canceled, jobID: job, status: withSeen(await queue.status(), seenReasons, fallback: .unknown))
            case .stopped:
                await queue.cancel(job)
                return PrintOutcome(result: .stopped, jobID: job, status: withSeen(await queue.status(), seenReasons, fallback: .error))
            case .pending, .held, .processing:
                let status = await queue.status()
                for reason in status.reasons where !seenReasons.contains(reason) { seenReasons.append(reason) }
                if Self.needsPerson(status.condition) {
                    await queue.cancel(job)
                    return PrintOutcome(result: .stopped, jobID: job, status: status)
                }
            }
            if deadline.hasPassed {
                await queue.cancel(job)
                return PrintOutcome(result: .timedOut, jobID: job, status: withSeen(await queue.status(), seenReasons, fallback: .unknown))
            }
            try? await clock.sleep(for: pollInterval)
        }
    }

    /// Faults that will not clear by themselves while the veteran waits.
    static func needsPerson(_ condition: PrinterStatus.Condition) -> Bool {
        switch condition {
        case .mediaEmpty, .coverOpen, .paused, .notAccepting, .queueMissing, .schedulerDown, .error: true
        default: false
        }
    }

    /// After a failure the queue may look ready again (CUPS clears reasons set during a job):
    /// report the fault seen while the job waited, else a generic one.
    private func withSeen(_ status: PrinterStatus, _ seen: [String], fallback: PrinterStatus.Condition) -> PrinterStatus {
        guard status.canPrint else { return status }
        var status = status
        let seenCondition = PrinterStatus.classify(state: nil, reasons: seen, accepting: nil)
        status.condition = (seenCondition == .ready || seenCondition == .mediaLow) ? fallback : seenCondition
        for reason in seen where !status.reasons.contains(reason) { status.reasons.append(reason) }
        return status
    }
}
