import CentralService
import Foundation
import KioskOperations

/// The outbox to the central service: a terminal fault holding it (wrong id or key), what is
/// pending and how old the oldest is, cases refused and waiting for a technician, the last error.
enum OutboxDiagnostics {
    /// Oldest pending case older than this warns: the central service should answer in seconds.
    static let oldestWarnSeconds = 3600

    static func checks(_ target: DiagnosticsTarget) async -> [DiagnosticCheck] {
        guard let drainer = target.drainer else {
            return [.warn("outbox.queue", "报送队列", measured: "未运行报送", expected: "报送运行中",
                          remedy: "kioskd 未运行或未配置中心平台：启动 kioskd 后再自检")]
        }
        let status: OutboxStatus
        do {
            status = try await drainer.status()
        } catch {
            return [.fail("outbox.queue", "报送队列", measured: StorageDiagnostics.describe(error), expected: "可读取",
                          remedy: StorageDiagnostics.remedy(error))]
        }
        var checks: [DiagnosticCheck] = []
        if let fault = status.terminalFault {
            checks.append(.fail("outbox.terminal", "终端身份", measured: "报送已暂停：\(fault.kind.rawValue)（\(fault.detail)）",
                                expected: "中心平台认可本终端号与密钥", remedy: fault.remedy))
        } else {
            checks.append(.pass("outbox.terminal", "终端身份", measured: "未发现终端级拒收", expected: "中心平台认可本终端号与密钥"))
        }
        let oldest = status.oldestPendingSeconds.map { "，最早 \($0 / 60) 分钟前" } ?? ""
        let pending = "待报送 \(status.pending) 件\(oldest)"
        if let age = status.oldestPendingSeconds, age > oldestWarnSeconds {
            checks.append(.warn("outbox.pending", "待报送", measured: pending, expected: "最早一件不超过 60 分钟",
                                remedy: "报送积压：先看“中心平台”一项是否可达；可达仍积压则查看 kioskctl outbox list 中的错误"))
        } else {
            checks.append(.pass("outbox.pending", "待报送", measured: pending, expected: "最早一件不超过 60 分钟"))
        }
        if status.dead > 0 {
            checks.append(.warn("outbox.refused", "被拒收案件", measured: "\(status.dead) 件被拒收，待处理", expected: "0 件",
                                remedy: "用 kioskctl outbox list --state dead 查看原因；原因已排除后用 kioskctl outbox retry --all-refused <原因代码> 一次重新报送"))
        } else {
            checks.append(.pass("outbox.refused", "被拒收案件", measured: "0 件", expected: "0 件"))
        }
        if let error = status.lastError, status.pausedUntil != nil || status.failing > 0 {
            checks.append(.warn("outbox.last_error", "最近的报送错误", measured: error, expected: "无",
                                remedy: "报送在重试中：检查网络与中心平台；错误持续请联系省平台运维"))
        } else {
            checks.append(.pass("outbox.last_error", "最近的报送错误", measured: "无", expected: "无"))
        }
        return checks
    }
}
