import Foundation
import KioskStore

/// `kioskctl status` as text for a technician: one line per part, problems with their remedy.
public enum StatusReport {
    public static func text(_ snapshot: StatusSnapshot) -> String {
        var lines: [String] = []
        lines.append("终端 \(snapshot.terminal)  地区 \(snapshot.region)  版本 \(snapshot.version)  运行 \(duration(snapshot.uptimeSeconds))")
        lines.append("状态: \(stateWord(snapshot.state)) (\(snapshot.state.rawValue))")
        for device in snapshot.devices {
            var line = "  设备 \(device.name): \(device.state)"
            if let model = device.model { line += "  型号 \(model)" }
            if let change = device.lastChange { line += "  变化于 \(timestamp(change))" }
            lines.append(line)
            if let error = device.lastError { lines.append("    错误: \(error)") }
            if let remedy = device.remedy { lines.append("    处理: \(remedy)") }
        }
        let central = snapshot.central
        let reach = central.reachable.map { $0 ? "可达" : "不可达" } ?? "未知"
        lines.append("  中心服务 \(central.url): \(reach)  上次心跳 \(central.lastHeartbeatAt.map(timestamp) ?? "无")")
        if let error = central.lastError { lines.append("    错误: \(error)") }
        let outbox = snapshot.outbox
        lines.append("  待发送 \(outbox.pending) 件" + (outbox.oldestAgeSeconds.map { "，最早 \(duration($0)) 前" } ?? "")
                     + "；被拒 \(outbox.refused) 件")
        let storage = snapshot.storage
        lines.append("  存储 \(storage.dataDirectory): 可用 \(storage.freeBytes.map(bytes) ?? "未知")，保留 \(bytes(storage.reserveBytes))")
        switch snapshot.preflight.passed {
        case nil: lines.append("  开机自检: 尚未运行")
        case true?: lines.append("  开机自检: 通过")
        case false?:
            lines.append("  开机自检: 未通过")
            for failure in snapshot.preflight.failures {
                lines.append("    \(failure.check): \(failure.reason)")
                lines.append("    处理: \(failure.remedy)")
            }
        }
        lines.append("  会话: " + (snapshot.session.active ? "进行中，画面 \(snapshot.session.screen)" : "空闲，画面 \(snapshot.session.screen)"))
        return lines.joined(separator: "\n") + "\n"
    }

    static func stateWord(_ state: StatusSnapshot.OverallState) -> String {
        switch state {
        case .ok: "正常服务"
        case .degraded: "部分功能异常"
        case .outOfService: "暂停服务"
        }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    static func duration(_ seconds: Double) -> String { OutboxReport.duration(seconds) }

    static func bytes(_ count: Int64) -> String {
        count >= 1 << 30 ? String(format: "%.1f GiB", Double(count) / Double(1 << 30)) : "\(count >> 20) MiB"
    }
}
