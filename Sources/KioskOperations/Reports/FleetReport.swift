import CentralService
import Foundation

/// `kioskctl fleet`: every terminal the central service knows, its last heartbeat and state,
/// with the ones that stopped beating flagged as stale.
public struct FleetReport: Codable, Sendable, Equatable {
    public var generatedAt: Date
    public var staleAfterSeconds: Int
    public var terminals: [Row]

    public struct Row: Codable, Sendable, Equatable {
        public var terminalId: String
        public var lastHeartbeatAt: Date?
        /// Seconds since the last heartbeat; nil when none ever came.
        public var heartbeatAgeSeconds: Int?
        /// The state the terminal reported (`ok`, `degraded`, `out_of_service`), `unknown` without a heartbeat.
        public var state: String
        public var stale: Bool
        public var pendingCases: Int?
        public var oldestPendingSeconds: Int?
        public var refusedCases: Int?
        /// Devices not `ok`, as `name=state`.
        public var deviceProblems: [String]
        public var casesReceived: Int
    }

    /// A terminal is stale when its last heartbeat is older than `staleAfter` (or never came).
    public init(list: TerminalList, now: Date, staleAfter: Duration) {
        generatedAt = now
        staleAfterSeconds = Int(staleAfter.components.seconds)
        terminals = list.terminals.sorted { $0.terminalId < $1.terminalId }.map { terminal in
            let age = terminal.lastHeartbeatAt.map { Int(now.timeIntervalSince($0).rounded(.down)) }
            let beat = terminal.lastHeartbeat
            return Row(terminalId: terminal.terminalId, lastHeartbeatAt: terminal.lastHeartbeatAt, heartbeatAgeSeconds: age,
                       state: beat?.status ?? "unknown", stale: age.map { $0 > Int(staleAfter.components.seconds) } ?? true,
                       pendingCases: beat?.pendingCases, oldestPendingSeconds: beat?.oldestPendingSeconds,
                       refusedCases: beat?.refusedCases,
                       deviceProblems: (beat?.devices ?? [:]).filter { $0.value != "ok" }.map { "\($0.key)=\($0.value)" }.sorted(),
                       casesReceived: terminal.casesReceived)
        }
    }

    /// Every terminal fresh and `ok`.
    public var allHealthy: Bool { terminals.allSatisfy { !$0.stale && $0.state == "ok" } }

    public var text: String {
        var lines = ["终端             上次心跳                   状态            待发送  被拒  设备问题"]
        for row in terminals {
            let beat = row.lastHeartbeatAt.map { StatusReport.timestamp($0) + " (\(row.heartbeatAgeSeconds ?? 0)s)" } ?? "从未"
            let flag = row.stale ? "失联 " : ""
            lines.append([pad(row.terminalId, 16), pad(beat, 26), pad(flag + row.state, 15),
                          pad(row.pendingCases.map(String.init) ?? "-", 6), pad(row.refusedCases.map(String.init) ?? "-", 4),
                          row.deviceProblems.isEmpty ? "-" : row.deviceProblems.joined(separator: ",")].joined(separator: " "))
        }
        let stale = terminals.filter(\.stale).count
        lines.append("共 \(terminals.count) 台，失联 \(stale) 台（超过 \(staleAfterSeconds) 秒无心跳）")
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        let shown = text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return text + String(repeating: " ", count: max(0, width - shown))
    }
}
