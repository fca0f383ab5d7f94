import Foundation
import KioskDomain

/// The kiosk's receipt printer: lays out acknowledgements from the templates, prints them
/// through the CUPS queue, and keeps the last few in memory so they can be printed again with
/// 补打 on the copy (the case store will take this over).
public actor ReceiptService {
    public let model: PrinterModel
    public let submitter: JobSubmitter
    private let templates: [String: ReceiptTemplate]
    /// How many recent acknowledgements can be reprinted.
    public let reprintCapacity: Int
    private var recent: [FiledCase] = []
    private var history: [DiagnosticsReport.JobLine] = []
    /// Jobs submitted before the scheduler went away. cupsd resumes spooled jobs when it comes
    /// back, which would print a receipt long after the veteran left: they are canceled as soon
    /// as the scheduler answers again.
    private var orphans: [Int32] = []

    public init(model: PrinterModel, submitter: JobSubmitter, assets: AssetDirectory, reprintCapacity: Int = 5) throws(DataFileError) {
        self.model = model
        self.submitter = submitter
        self.reprintCapacity = reprintCapacity
        var templates: [String: ReceiptTemplate] = [:]
        for name in ["acknowledgement", "refusal", "test-page", "diagnostics"] {
            templates[name] = try ReceiptTemplate.load(name, from: assets)
        }
        self.templates = templates
    }

    /// ESC/POS bytes of an acknowledgement (the same bytes `print` submits).
    public func acknowledgementBytes(_ filedCase: FiledCase, printedAt: Date, reprint: Bool = false) throws(DataFileError) -> [UInt8] {
        let doc = try Acknowledgement(filedCase: filedCase, printedAt: printedAt, isReprint: reprint).document(template: templates["acknowledgement"]!)
        return ESCPOSRenderer(model: model).render(doc)
    }

    /// Prints the acknowledgement and remembers the case for reprinting (even if printing
    /// failed: that is exactly when a reprint is needed).
    public func printAcknowledgement<C: Clock>(_ filedCase: FiledCase, now: Date, clock: C) async throws(DataFileError) -> PrintOutcome where C.Duration == Duration {
        remember(filedCase)
        return await printCase(filedCase, now: now, reprint: false, clock: clock)
    }

    /// Reprints the remembered acknowledgement of this case, marked 补打. Nil when it is not
    /// among the last `reprintCapacity` cases.
    public func reprint<C: Clock>(caseID: UUID, now: Date, clock: C) async throws(DataFileError) -> PrintOutcome? where C.Duration == Duration {
        guard let filedCase = recent.first(where: { $0.id == caseID }) else { return nil }
        return await printCase(filedCase, now: now, reprint: true, clock: clock)
    }

    /// The ids of the cases that can be reprinted, newest first.
    public var reprintable: [UUID] { recent.map(\.id) }

    public func printTestPage<C: Clock>(terminalID: String, now: Date, clock: C) async throws(DataFileError) -> PrintOutcome where C.Duration == Duration {
        let page = try TestPage(model: model, queue: submitter.queue.queue, terminalID: terminalID, printedAt: now).document(template: templates["test-page"]!)
        return await submit(ESCPOSRenderer(model: model).render(page), kind: "测试页", now: now, clock: clock)
    }

    public func printDiagnostics<C: Clock>(terminalID: String, now: Date, clock: C) async throws(DataFileError) -> PrintOutcome where C.Duration == Duration {
        let status = await submitter.queue.status()
        let report = try DiagnosticsReport(status: status, model: model, terminalID: terminalID, printedAt: now, recentJobs: history)
            .document(template: templates["diagnostics"]!)
        return await submit(ESCPOSRenderer(model: model).render(report), kind: "诊断报告", now: now, clock: clock)
    }

    public func printRefusal<C: Clock>(_ notice: RefusalNotice, clock: C) async throws(DataFileError) -> PrintOutcome where C.Duration == Duration {
        let doc = try notice.document(template: templates["refusal"]!)
        return await submit(ESCPOSRenderer(model: model).render(doc), kind: "不予受理告知书", now: notice.printedAt, clock: clock)
    }

    public func status() async -> PrinterStatus { await submitter.queue.status() }

    private func printCase<C: Clock>(_ filedCase: FiledCase, now: Date, reprint: Bool, clock: C) async -> PrintOutcome where C.Duration == Duration {
        let bytes: [UInt8]
        do {
            bytes = try acknowledgementBytes(filedCase, printedAt: now, reprint: reprint)
        } catch {
            return PrintOutcome(result: .notSubmitted, jobID: nil,
                                status: PrinterStatus(condition: .error, queue: submitter.queue.queue, server: submitter.queue.server.description, stateMessage: error.description))
        }
        return await submit(bytes, kind: reprint ? "回执（补打）" : "回执", now: now, clock: clock)
    }

    private func submit<C: Clock>(_ bytes: [UInt8], kind: String, now: Date, clock: C) async -> PrintOutcome where C.Duration == Duration {
        await cancelOrphans()
        // The job title is visible in CUPS logs: it names the kind of document only.
        let outcome = await submitter.print(bytes, title: "kiosk-\(kind)", clock: clock)
        if outcome.result == .stopped, outcome.status.condition == .schedulerDown, let job = outcome.jobID {
            orphans.append(job)
        }
        history.insert(.init(jobID: outcome.jobID, kind: kind, outcome: outcome.printed ? "已打印" : "未打印（\(outcome.status.title)）", at: now), at: 0)
        if history.count > 10 { history.removeLast(history.count - 10) }
        return outcome
    }

    /// Cancels jobs left from a scheduler outage; keeps those the scheduler cannot take yet.
    public func cancelOrphans() async {
        var left: [Int32] = []
        for job in orphans where !(await submitter.queue.cancel(job)) { left.append(job) }
        orphans = left
    }

    /// Jobs waiting to be canceled once the scheduler answers (see `cancelOrphans`).
    public var orphanedJobs: [Int32] { orphans }

    private func remember(_ filedCase: FiledCase) {
        recent.removeAll { $0.id == filedCase.id }
        recent.insert(filedCase, at: 0)
        if recent.count > reprintCapacity { recent.removeLast(recent.count - reprintCapacity) }
    }
}
