import CentralService
import Foundation
import KioskOperations

/// The central service: reachable, this terminal's signed request accepted (id and key right),
/// and the clock difference to the server's `Date` header (a signature outside the service's
/// window is refused, so a drifting clock stops every submission).
enum CentralDiagnostics {
    static func checks(_ target: DiagnosticsTarget) async -> [DiagnosticCheck] {
        guard let client = target.central else {
            return [.fail("central.reachable", "中心平台连接", measured: "未配置", expected: "可达",
                          remedy: "在配置文件 [central] url 中填写中心平台地址，[terminal] 中填写终端号与密钥文件")]
        }
        let url = client.configuration.baseURL.absoluteString
        let sentAt = target.clock.wallTime
        let response: CentralClient.RawResponse
        do {
            response = try await client.identityProbe()
        } catch {
            return [.fail("central.reachable", "中心平台连接", measured: "\(url)：\(error)", expected: "可达",
                          remedy: "检查网络、DNS 与防火墙；中心平台地址为 \(url)。报送会在恢复后自动继续")]
        }
        let receivedAt = target.clock.wallTime
        var checks: [DiagnosticCheck] = [.pass("central.reachable", "中心平台连接",
                                               measured: "\(url)（\(url.hasPrefix("https") ? "TLS" : "本机回环")，\(Int(receivedAt.timeIntervalSince(sentAt) * 1000)) ms）",
                                               expected: "可达")]
        let terminal = client.configuration.terminalID
        switch response.status {
        case 200..<300:
            checks.append(.pass("central.identity", "终端签名", measured: "终端 \(terminal) 的签名请求被接受", expected: "签名被接受"))
        case 401:
            checks.append(.fail("central.identity", "终端签名", measured: "HTTP 401：签名被拒绝", expected: "签名被接受",
                                remedy: TerminalFault(kind: .keyRefused, terminalID: terminal, detail: "", since: receivedAt).remedy))
        case 403:
            checks.append(.fail("central.identity", "终端签名", measured: "HTTP 403：终端号不被认可", expected: "签名被接受",
                                remedy: TerminalFault(kind: .wrongTerminal, terminalID: terminal, detail: "", since: receivedAt).remedy))
        default:
            checks.append(.fail("central.identity", "终端签名", measured: "HTTP \(response.status)", expected: "签名被接受",
                                remedy: "中心平台暂时异常：稍后再次自检；持续出现请联系省平台运维"))
        }
        checks.append(skew(response.headers["date"], sentAt: sentAt, receivedAt: receivedAt, target: target))
        return checks
    }

    static func skew(_ header: String?, sentAt: Date, receivedAt: Date, target: DiagnosticsTarget) -> DiagnosticCheck {
        let title = "时钟偏差"
        let expected = "≤ \(Int(target.skewWarnSeconds)) 秒"
        guard let header, let server = CentralClient.httpDate(header) else {
            return .warn("central.clock", title, measured: "中心平台未返回 Date 头", expected: expected,
                         remedy: "无法比对时钟：确认本机已启用 NTP（timedatectl）")
        }
        // The server stamped its Date somewhere between sending and receiving (1 s resolution).
        let local = sentAt.addingTimeInterval(receivedAt.timeIntervalSince(sentAt) / 2)
        let offset = local.timeIntervalSince(server)
        let measured = String(format: "本机%@ %.0f 秒", offset >= 0 ? "快" : "慢", abs(offset))
        let remedy = "校准系统时间：timedatectl set-ntp true，并确认 NTP 服务器可达；偏差超过 300 秒时中心平台拒收签名"
        if abs(offset) > target.skewFailSeconds { return .fail("central.clock", title, measured: measured, expected: expected, remedy: remedy) }
        if abs(offset) > target.skewWarnSeconds { return .warn("central.clock", title, measured: measured, expected: expected, remedy: remedy) }
        return .pass("central.clock", title, measured: measured, expected: expected)
    }
}
