import Foundation
import KioskDomain

/// The technician's test page: model facts, a column ruler that must fill each line exactly,
/// the character repertoire receipts use, a wrap check, a QR code and a cut.
public struct TestPage: Sendable {
    public var model: PrinterModel
    public var queue: String
    public var terminalID: String
    public var printedAt: Date

    public init(model: PrinterModel, queue: String, terminalID: String, printedAt: Date) {
        self.model = model
        self.queue = queue
        self.terminalID = terminalID
        self.printedAt = printedAt
    }

    public var context: TemplateContext {
        let digits = "1234567890"
        let ascii = String(String(repeating: digits, count: model.columns / 10 + 1).prefix(model.columns))
        let cjk = String(repeating: "一二三四五六七八九十", count: model.columns / 20 + 1).prefix(model.columns / 2)
        return TemplateContext(values: [
            "model_name": model.name, "model_id": model.id, "paper_width": String(model.paperWidthMM),
            "dots": String(model.printableDots), "columns": String(model.columns), "encoding": model.encoding.rawValue,
            "queue": queue, "terminal_id": terminalID, "printed_at": ReceiptTime.format(printedAt),
            "ruler_ascii": ascii, "ruler_cjk": String(cjk), "qr_payload": "KIOSK-TEST-\(terminalID)",
        ])
    }

    public func document(template: ReceiptTemplate) throws(DataFileError) -> ReceiptDocument {
        try template.render(context)
    }
}

/// The printer diagnostics report: the queue's state as CUPS reports it, the conclusion and
/// remedy, and the recent jobs (kinds and outcomes only, never case contents).
public struct DiagnosticsReport: Sendable {
    public struct JobLine: Sendable, Equatable {
        public var jobID: Int32?
        public var kind: String
        public var outcome: String
        public var at: Date
        public init(jobID: Int32?, kind: String, outcome: String, at: Date) {
            self.jobID = jobID
            self.kind = kind
            self.outcome = outcome
            self.at = at
        }
    }

    public var status: PrinterStatus
    public var model: PrinterModel
    public var terminalID: String
    public var printedAt: Date
    public var recentJobs: [JobLine]

    public init(status: PrinterStatus, model: PrinterModel, terminalID: String, printedAt: Date, recentJobs: [JobLine]) {
        self.status = status
        self.model = model
        self.terminalID = terminalID
        self.printedAt = printedAt
        self.recentJobs = recentJobs
    }

    public var context: TemplateContext {
        let jobs = recentJobs.map { job in
            ["job_id": job.jobID.map { "#\($0)" } ?? "-", "job_kind": job.kind, "job_outcome": job.outcome,
             "job_time": ReceiptTime.format(job.at)]
        }
        return TemplateContext(values: [
            "terminal_id": terminalID, "printed_at": ReceiptTime.format(printedAt), "server": status.server,
            "queue": status.queue ?? "", "device_uri": status.deviceURI ?? "", "printer_state": status.printerState ?? "",
            "accepting": status.accepting.map { $0 ? "是" : "否" } ?? "", "reasons": status.reasons.joined(separator: ", "),
            "state_message": status.stateMessage ?? "", "status_title": status.title, "remedy": status.remedy,
            "job_count": recentJobs.isEmpty ? "" : String(recentJobs.count), "model_name": model.name,
        ], lists: ["jobs": jobs])
    }

    public func document(template: ReceiptTemplate) throws(DataFileError) -> ReceiptDocument {
        try template.render(context)
    }
}
