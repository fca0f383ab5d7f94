import Foundation
import KioskDomain

/// 终端就绪报告: the technician's proof on paper that the terminal is ready again — every check
/// of a diagnostics run with its result and, where it is not a pass, the remedy. Built from the
/// run's lines (states, counts, masked values; never a veteran's data).
public struct ReadinessReport: Sendable {
    public struct Line: Sendable, Equatable {
        /// `pass`, `warn` or `fail`.
        public var status: String
        public var title: String
        public var measured: String
        public var remedy: String?

        public init(status: String, title: String, measured: String, remedy: String?) {
            self.status = status
            self.title = title
            self.measured = measured
            self.remedy = remedy
        }
    }

    public var terminalID: String
    public var technician: String
    public var runAt: Date
    public var lines: [Line]

    public init(terminalID: String, technician: String, runAt: Date, lines: [Line]) {
        self.terminalID = terminalID
        self.technician = technician
        self.runAt = runAt
        self.lines = lines
    }

    public var context: TemplateContext {
        let count = { (status: String) in String(lines.filter { $0.status == status }.count) }
        let failed = lines.contains { $0.status == "fail" }
        let warned = lines.contains { $0.status == "warn" }
        let checks = lines.map { line in
            ["check_mark": line.status == "pass" ? "[通过]" : line.status == "warn" ? "[注意]" : "[故障]",
             "check_title": line.title, "check_measured": line.measured, "check_remedy": line.remedy ?? ""]
        }
        return TemplateContext(values: [
            "terminal_id": terminalID, "run_at": ReceiptTime.format(runAt), "technician": technician.isEmpty ? "—" : technician,
            "conclusion": failed ? "未就绪" : warned ? "可用，请留意提示" : "就绪",
            "passed": count("pass"), "warned": count("warn"), "failed": count("fail"),
        ], lists: ["checks": checks])
    }

    public func document(template: ReceiptTemplate) throws(DataFileError) -> ReceiptDocument {
        try template.render(context)
    }
}
