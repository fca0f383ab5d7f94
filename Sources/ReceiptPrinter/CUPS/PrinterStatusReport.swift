import Foundation

/// `kioskctl printer status` output: the status plus its message and remedy, as text or as one
/// JSON document. No personal data can appear: it holds queue facts only.
public struct PrinterStatusReport: Encodable, Sendable {
    public var condition: String
    public var canPrint: Bool
    public var title: String
    public var message: String
    public var remedy: String
    public var server: String
    public var queue: String?
    public var printerState: String?
    public var reasons: [String]
    public var accepting: Bool?
    public var stateMessage: String?
    public var deviceURI: String?

    public init(_ status: PrinterStatus) {
        condition = status.condition.rawValue
        canPrint = status.canPrint
        title = status.title
        message = status.message
        remedy = status.remedy
        server = status.server
        queue = status.queue
        printerState = status.printerState
        reasons = status.reasons
        accepting = status.accepting
        stateMessage = status.stateMessage
        deviceURI = status.deviceURI
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public var text: String {
        var lines = [
            "打印机：\(title)（\(condition)）",
            "服务：\(server)  队列：\(queue ?? "-")  状态：\(printerState ?? "-")  接收作业：\(accepting.map { $0 ? "是" : "否" } ?? "-")",
            "原因：\(reasons.isEmpty ? "无" : reasons.joined(separator: ", "))",
        ]
        if let stateMessage { lines.append("信息：\(stateMessage)") }
        if let deviceURI { lines.append("设备：\(deviceURI)") }
        lines.append("提示：\(message)")
        lines.append("处理：\(remedy)")
        return lines.joined(separator: "\n")
    }
}

extension CupsPrinterQueue {
    /// The status to report when even opening the queue failed (no scheduler, no default queue).
    public static func openFailureStatus(_ error: CupsError, queue: String?, server: CupsServer) -> PrinterStatus {
        status(for: error, queue: queue, server: server.description)
    }
}
