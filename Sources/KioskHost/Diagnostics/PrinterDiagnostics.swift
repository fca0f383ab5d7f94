import KioskOperations
import ReceiptPrinter

/// The receipt printer as CUPS (or the demo's file queue) reports it: the queue, its state and
/// reasons, the paper; and a test page when the technician asks for one (it uses paper).
enum PrinterDiagnostics {
    static func checks(_ target: DiagnosticsTarget, testPrint: Bool) async -> [DiagnosticCheck] {
        guard let receipts = target.receipts else {
            return [.fail("printer.queue", "打印队列", measured: "未配置", expected: "队列存在并接收作业",
                          remedy: "在配置文件 [devices] printer_queue 中填写 CUPS 队列名后重启 kioskd")]
        }
        let status = await receipts.status()
        let queue = status.queue ?? "?"
        var checks: [DiagnosticCheck] = []
        switch status.condition {
        case .queueMissing, .schedulerDown:
            checks.append(.fail("printer.queue", "打印队列", measured: "\(queue)：\(status.title)", expected: "队列存在并接收作业",
                                remedy: status.remedy))
            return checks
        case .notAccepting:
            checks.append(.fail("printer.queue", "打印队列", measured: "\(queue)：拒收作业", expected: "队列存在并接收作业",
                                remedy: status.remedy))
        default:
            checks.append(.pass("printer.queue", "打印队列", measured: "\(queue)（\(status.server)）", expected: "队列存在并接收作业"))
        }
        let reasons = status.reasons.isEmpty ? "无" : status.reasons.joined(separator: ",")
        let state = "\(status.printerState ?? "?")，原因：\(reasons)"
        switch status.condition {
        case .ready, .mediaLow, .mediaEmpty:
            checks.append(.pass("printer.state", "打印机状态", measured: state, expected: "idle 或 processing，无故障原因"))
        default:
            checks.append(.fail("printer.state", "打印机状态", measured: "\(status.title)：\(state)", expected: "idle 或 processing，无故障原因",
                                remedy: status.remedy))
        }
        switch status.condition {
        case .mediaEmpty:
            checks.append(.fail("printer.paper", "纸张", measured: "缺纸", expected: "有纸", remedy: status.remedy))
        case .mediaLow:
            checks.append(.warn("printer.paper", "纸张", measured: "纸将尽", expected: "有纸", remedy: status.remedy))
        default:
            checks.append(.pass("printer.paper", "纸张", measured: "有纸（未报告缺纸）", expected: "有纸"))
        }
        if testPrint {
            checks.append(await testPage(receipts, terminalID: target.terminalID))
        }
        return checks
    }

    private static func testPage(_ receipts: ReceiptService, terminalID: String) async -> DiagnosticCheck {
        let title = "测试页"
        do {
            let outcome = try await receipts.printTestPage(terminalID: terminalID)
            if outcome.printed {
                return .pass("printer.test_page", title, measured: "已打印（作业 \(outcome.jobID.map(String.init) ?? "?")）", expected: "打印完成")
            }
            return .fail("printer.test_page", title, measured: "未打印：\(outcome.result.rawValue)，\(outcome.status.title)",
                         expected: "打印完成", remedy: outcome.status.remedy)
        } catch {
            return .fail("printer.test_page", title, measured: "模板错误：\(error.technicalDescription)", expected: "打印完成",
                         remedy: error.remedy)
        }
    }
}
