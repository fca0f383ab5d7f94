import Foundation

extension DiagnosticRun {
    /// The run as a technician reads it on a terminal: one line per check, grouped by part, the
    /// remedy under every check that is not a pass, and the conclusion last.
    public var chineseText: String {
        var lines = ["终端自检  \(Self.timestamp(startedAt))  技术员：\(technician.isEmpty ? "—" : technician)  用时 \(String(format: "%.2f", durationSeconds)) 秒"]
        var group = ""
        for check in checks {
            if check.group != group {
                group = check.group
                lines.append("")
                lines.append("【\(DiagnosticGroup(rawValue: group)?.chinese ?? group)】")
            }
            let mark = check.status == .pass ? "✓" : check.status == .warn ? "!" : "✗"
            lines.append("  \(mark) \(check.status.chinese)  \(check.title)：\(check.measured)（应为：\(check.expected)）  [\(check.code)]")
            if let remedy = check.remedy { lines.append("      处理：\(remedy)") }
        }
        lines.append("")
        lines.append("结论：\(count(.pass)) 项通过，\(count(.warn)) 项注意，\(count(.fail)) 项故障 — "
                     + (worst == .fail ? "终端未就绪" : worst == .warn ? "终端可用，请留意提示" : "终端就绪"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// China time, to the second (`2026-12-06 10:15:03`).
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
