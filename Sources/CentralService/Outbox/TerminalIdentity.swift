import Foundation
import KioskDomain

/// Whether the central service accepts this terminal as configured: its id known, its key
/// right. Asked before the outbox runs, because a misconfigured terminal would otherwise see
/// every queued case refused one by one ("被拒收，待处理") instead of one clear fault.
public enum TerminalIdentityVerdict: Sendable, Equatable {
    /// The service answered a signed request for this terminal's own data.
    case confirmed
    /// 401: the signature was refused — the key file does not belong to this terminal id.
    case keyRefused(String)
    /// 403: the service does not let this terminal id act (unknown or another terminal's).
    case terminalRefused(String)
    /// Nothing conclusive (service down, timeout): the queue's own handling applies.
    case unknown(String)
}

/// A terminal-wide fault that holds the whole outbox: no case is sent (or dead-lettered) until
/// the configuration is fixed. Carries codes and ids only — no personal data.
public struct TerminalFault: Sendable, Equatable, Codable, PersonReadableError {
    public enum Kind: String, Sendable, Codable {
        /// The service refused the terminal's key (401 on the identity check).
        case keyRefused = "key_refused"
        /// The service refused the terminal id (403 on the identity check, or `wrong_terminal`
        /// on a case).
        case wrongTerminal = "wrong_terminal"
        /// Queued cases were filed under another terminal id than the one configured now.
        case casesOfAnotherTerminal = "cases_of_another_terminal"
    }

    public var kind: Kind
    /// The configured terminal id.
    public var terminalID: String
    /// What the service said, or which id the cases carry; scrubbed.
    public var detail: String
    public var since: Date

    public init(kind: Kind, terminalID: String, detail: String, since: Date) {
        self.kind = kind
        self.terminalID = terminalID
        self.detail = detail
        self.since = since
    }

    public var chineseMessage: String { "终端暂停报送，请联系工作人员" }

    public var technicalDescription: String { "terminal fault \(kind.rawValue) for \(terminalID): \(detail)" }

    public var remedy: String {
        switch kind {
        case .keyRefused:
            "中心平台拒绝本终端的签名密钥：核对配置中的 terminal.key_file 是否为终端 \(terminalID) 的密钥（64 位十六进制，权限 0600），改正后重启 kioskd；队列中的案件会自动继续报送"
        case .wrongTerminal:
            "中心平台不认可终端号 \(terminalID) 报送这些案件：核对配置中的 terminal.id 与密钥是否为本终端登记的值，改正后重启 kioskd，再用 kioskctl outbox retry --all-refused wrong_terminal 重新报送已被拒收的案件"
        case .casesOfAnotherTerminal:
            "队列中的案件登记在其他终端号下（\(detail)），与当前配置的 \(terminalID) 不一致：恢复原终端号配置后重启 kioskd；不要删除数据库"
        }
    }
}

/// A submitter that can also ask the service whether it accepts the terminal as configured.
public protocol TerminalIdentityChecking: Sendable {
    /// The terminal id requests are signed as.
    var signingTerminalID: String { get }
    func verifyIdentity() async -> TerminalIdentityVerdict
}

extension CentralClient: TerminalIdentityChecking {
    public var signingTerminalID: String { configuration.terminalID }

    /// `GET /v1/terminals/{own id}/cases`, signed, answered raw (status, headers such as `Date`):
    /// the identity check and the diagnostics' central check both read it.
    public func identityProbe() async throws -> RawResponse {
        try await send("GET", "/v1/terminals/\(Self.escape(configuration.terminalID))/cases")
    }

    /// A signed read of the terminal's own case list: the cheapest call that needs both the id
    /// and the key to be right, and changes nothing at the service.
    public func verifyIdentity() async -> TerminalIdentityVerdict {
        let response: RawResponse
        do {
            response = try await identityProbe()
        } catch {
            return .unknown("\(Self.classify(transportError: error))")
        }
        // Only the problem's code is kept, and only its plain characters: this answer concerns no
        // case, so there are no personal values to scrub it against, and it ends up in alerts.
        let code = (try? Wire.decoder.decode(Problem.self, from: response.body))?.error
            .filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }.prefix(40) ?? ""
        switch response.status {
        case 200..<300: return .confirmed
        case 401: return .keyRefused("HTTP 401 \(code)")
        case 403: return .terminalRefused("HTTP 403 \(code)")
        default: return .unknown("HTTP \(response.status)")
        }
    }
}
