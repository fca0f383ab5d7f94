import Foundation
import KioskDomain

/// The kiosk's receipt printer: lays out acknowledgements and the other documents from the
/// templates and prints them on the queue, following each job to an end.
///
/// Which receipts can be printed again (补打) is the case store's business, not this service's
/// memory: the kiosk hands the stored case to `reprint`, and a restart loses nothing.
public actor ReceiptService {
    public let model: PrinterModel
    public let submitter: JobSubmitter
    private let templates: [String: ReceiptTemplate]
    private var history: [DiagnosticsReport.JobLine] = []
    /// Jobs submitted before the scheduler went away. cupsd resumes spooled jobs when it comes
    /// back, which would print a receipt long after the veteran left: they are canceled as soon
    /// as the scheduler answers again.
    private var orphans: [Int32] = []

    public init(model: PrinterModel, submitter: JobSubmitter, assets: AssetDirectory) throws(DataFileError) {
        self.model = model
        self.submitter = submitter
        var templates: [String: ReceiptTemplate] = [:]
        for name in ["acknowledgement", "refusal", "test-page", "diagnostics", "readiness"] {
            templates[name] = try ReceiptTemplate.load(name, from: assets)
        }
        self.templates = templates
    }

    private var now: Date { submitter.clock.wallTime }

    /// ESC/POS bytes of an acknowledgement (the same bytes `print` submits).
    public func acknowledgementBytes(_ filedCase: FiledCase, printedAt: Date, reprint: Bool = false) throws(DataFileError) -> [UInt8] {
        ESCPOSRenderer(model: model).render(try acknowledgementDocument(filedCase, printedAt: printedAt, reprint: reprint))
    }

    /// The acknowledgement as plain text (what the demo's file printer keeps beside the bytes).
    public func acknowledgementText(_ filedCase: FiledCase, printedAt: Date, reprint: Bool = false) throws(DataFileError) -> String {
        PlainTextRenderer(model: model).render(try acknowledgementDocument(filedCase, printedAt: printedAt, reprint: reprint))
    }

    private func acknowledgementDocument(_ filedCase: FiledCase, printedAt: Date, reprint: Bool) throws(DataFileError) -> ReceiptDocument {
        try AcknowledgementReceipt(filedCase: filedCase, printedAt: printedAt, isReprint: reprint).document(template: templates["acknowledgement"]!)
    }

    /// Prints the acknowledgement of a case just filed.
    public func printAcknowledgement(_ filedCase: FiledCase) async -> PrintOutcome {
        await printCase(filedCase, reprint: false)
    }

    /// Prints a stored case's acknowledgement again, marked 【补打】.
    public func reprint(_ filedCase: FiledCase) async -> PrintOutcome {
        await printCase(filedCase, reprint: true)
    }

    public func printTestPage(terminalID: String) async throws(DataFileError) -> PrintOutcome {
        let page = try TestPage(model: model, queue: submitter.queue.queue, terminalID: terminalID, printedAt: now).document(template: templates["test-page"]!)
        return await submit(ESCPOSRenderer(model: model).render(page), kind: "测试页")
    }

    public func printDiagnostics(terminalID: String) async throws(DataFileError) -> PrintOutcome {
        let status = await submitter.queue.status()
        let report = try DiagnosticsReport(status: status, model: model, terminalID: terminalID, printedAt: now, recentJobs: history)
            .document(template: templates["diagnostics"]!)
        return await submit(ESCPOSRenderer(model: model).render(report), kind: "诊断报告")
    }

    /// Prints the technician's readiness report (every check of a diagnostics run).
    public func printReadiness(_ report: ReadinessReport) async throws(DataFileError) -> PrintOutcome {
        let document = try report.document(template: templates["readiness"]!)
        return await submit(ESCPOSRenderer(model: model).render(document), kind: "就绪报告")
    }

    public func printRefusal(_ notice: RefusalNotice) async throws(DataFileError) -> PrintOutcome {
        let doc = try notice.document(template: templates["refusal"]!)
        return await submit(ESCPOSRenderer(model: model).render(doc), kind: "不予受理告知书")
    }

    public func status() async -> PrinterStatus { await submitter.queue.status() }

    private func printCase(_ filedCase: FiledCase, reprint: Bool) async -> PrintOutcome {
        let bytes: [UInt8]
        do {
            bytes = try acknowledgementBytes(filedCase, printedAt: now, reprint: reprint)
        } catch {
            return PrintOutcome(result: .notSubmitted, jobID: nil,
                                status: PrinterStatus(condition: .error, queue: submitter.queue.queue, server: submitter.queue.serverDescription, stateMessage: error.description))
        }
        return await submit(bytes, kind: reprint ? "回执（补打）" : "回执")
    }

    private func submit(_ bytes: [UInt8], kind: String) async -> PrintOutcome {
        await cancelOrphans()
        // The job title is visible in CUPS logs: it names the kind of document only.
        let outcome = await submitter.print(bytes, title: "kiosk-\(kind)")
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
}
