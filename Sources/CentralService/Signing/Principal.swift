import Foundation

/// Who signed a request: a kiosk terminal, a receiving department (部门), or an operator of the
/// fleet (运维), who sees every terminal's heartbeat and nothing of any case.
///
/// The two hold different credentials on purpose: a terminal may file cases and read back only
/// its own, while a department reads the fields routed to it across cases — including bank
/// accounts — so a terminal's key (kept on a machine in a public hall) must never open those.
public enum Principal: Sendable, Hashable, CustomStringConvertible {
    case terminal(String)
    case department(String)
    case `operator`(String)

    /// The header naming the signer, and its value. A department's name is Chinese, so it is
    /// sent percent-encoded (UTF-8), which keeps the header ASCII.
    public var header: (String, String) {
        switch self {
        case .terminal(let id): (Wire.terminal, id)
        case .department(let name):
            (Wire.department, name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name)
        case .operator(let name): (Wire.operator, name)
        }
    }

    public var terminalID: String? {
        if case .terminal(let id) = self { id } else { nil }
    }

    public var department: String? {
        if case .department(let name) = self { name } else { nil }
    }

    public var operatorName: String? {
        if case .operator(let name) = self { name } else { nil }
    }

    public var description: String {
        switch self {
        case .terminal(let id): "terminal \(id)"
        case .department(let name): "department \(name)"
        case .operator(let name): "operator \(name)"
        }
    }
}
