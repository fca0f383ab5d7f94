import Foundation
import KioskOperations
import ReceiptPrinter

/// Prints a run's readiness report (终端就绪报告) on the receipt printer and reports how it went
/// as one more check (`printer.report`), so a report that did not come out is itself a finding.
enum ReadinessPrinting {
    static func print(_ checks: [DiagnosticCheck], technician: String, runAt: Date, target: DiagnosticsTarget) async -> DiagnosticCheck {
        let title = "就绪报告"
        let expected = "已打印"
        guard let receipts = target.receipts else {
            return .fail("printer.report", title, measured: "未配置打印机", expected: expected,
                         remedy: "在配置文件 [devices] printer_queue 中填写 CUPS 队列名后重启 kioskd")
        }
        let report = ReadinessReport(terminalID: target.terminalID, technician: technician, runAt: runAt, lines: checks.map {
            ReadinessReport.Line(status: $0.status.rawValue, title: $0.title, measured: $0.measured, remedy: $0.remedy)
        })
        do {
            let outcome = try await receipts.printReadiness(report)
            if outcome.printed {
                return .pass("printer.report", title, measured: "已打印（作业 \(outcome.jobID.map(String.init) ?? "?")）", expected: expected)
            }
            return .fail("printer.report", title, measured: "未打印：\(outcome.status.title)", expected: expected, remedy: outcome.status.remedy)
        } catch {
            return .fail("printer.report", title, measured: "模板错误：\(error.technicalDescription)", expected: expected, remedy: error.remedy)
        }
    }
}
