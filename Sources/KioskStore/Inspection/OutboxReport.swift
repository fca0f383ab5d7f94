import KioskTime
import Foundation

/// The outbox as `kioskctl outbox list` prints it: the queue's health, then each entry, with
/// ISO 8601 times in China time. No personal data (errors were scrubbed when stored).
public struct OutboxReport: Sendable, Equatable, Codable {
    public var stats: OutboxStats
    public var entries: [Line]

    public struct Line: Sendable, Equatable, Codable {
        public var caseID: String
        public var localReference: String
        public var state: OutboxState
        public var attempts: Int
        public var enqueuedAt: String
        public var nextAttemptAt: String
        public var lastAttemptAt: String?
        public var lastError: String?
        public var centralCaseNumber: String?
        public var acknowledgedAt: String?
        /// Whether this entry counts toward the alert (attempts ≥ threshold while pending, or dead).
        public var alerting: Bool
    }

    public init(stats: OutboxStats, entries: [OutboxEntry]) {
        self.stats = stats
        self.entries = entries.map { entry in
            Line(caseID: entry.caseID.uuidString, localReference: entry.localReference, state: entry.state,
                 attempts: entry.attempts, enqueuedAt: ChinaTime.iso(entry.enqueuedAt),
                 nextAttemptAt: ChinaTime.iso(entry.nextAttemptAt), lastAttemptAt: entry.lastAttemptAt.map(ChinaTime.iso),
                 lastError: entry.lastError, centralCaseNumber: entry.centralCaseNumber,
                 acknowledgedAt: entry.acknowledgedAt.map(ChinaTime.iso),
                 alerting: entry.state == .dead || (entry.state == .pending && entry.attempts >= stats.alertThreshold))
        }
    }

    /// Summary line and a tab-separated table with Chinese headings.
    public var chineseText: String {
        let oldest = stats.oldestPendingAge.map { "，最早一件已等待 \(Self.duration($0))" } ?? ""
        var lines = ["待报送 \(stats.pending) 件\(oldest)；已报送 \(stats.delivered) 件；被拒收 \(stats.dead) 件；"
                     + "失败达 \(stats.alertThreshold) 次的 \(stats.alerting) 件" + (stats.needsAttention ? "（需要处理）" : "")]
        lines.append("本地编号\t状态\t失败次数\t入队时间\t下次尝试\t中心编号\t最近错误")
        for line in entries {
            lines.append([line.alerting ? "⚠ \(line.localReference)" : line.localReference, OutboxState.chinese(line.state),
                          "\(line.attempts)", line.enqueuedAt, line.state == .pending ? line.nextAttemptAt : "—",
                          line.centralCaseNumber ?? "—", line.lastError ?? "—"].joined(separator: "\t"))
        }
        if entries.isEmpty { lines.append("（队列为空）") }
        return lines.joined(separator: "\n")
    }

    /// A span in Chinese units, shared by the outbox and status reports.
    public static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds)
        if total < 60 { return "\(total) 秒" }
        if total < 3600 { return "\(total / 60) 分钟" }
        if total < 86_400 { return "\(total / 3600) 小时 \(total % 3600 / 60) 分钟" }
        return "\(total / 86_400) 天 \(total % 86_400 / 3600) 小时"
    }
}
