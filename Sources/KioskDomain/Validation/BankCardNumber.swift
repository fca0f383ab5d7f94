/// A bank card number (银行卡号) for the one-time subsidy: 16–19 digits.
///
/// A Luhn failure is only a warning: some UnionPay cards were issued with numbers that fail it,
/// so the veteran is asked to re-check, not refused (braintree/card-validator#112).
public struct BankCardNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String
    /// False when the Luhn check fails: show `luhnWarning` and ask for confirmation.
    public let passesLuhn: Bool

    public init(validating raw: String) throws(BankCardProblem) {
        let text = ResidentIDNumber.normalise(raw).filter { $0 != "-" }
        guard !text.isEmpty else { throw .empty }
        guard text.allSatisfy(\.isASCIIDigit) else { throw .invalidCharacter }
        guard (16...19).contains(text.count) else { throw .wrongLength(text.count) }
        value = text
        passesLuhn = BankCardNumber.luhn(text)
    }

    public static let luhnWarning = "银行卡号校验未通过，请对照银行卡逐位核对；如确认无误可继续"

    public static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (i, c) in digits.reversed().enumerated() {
            var d = Int(String(c)) ?? 0
            if i % 2 == 1 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return sum % 10 == 0
    }

    public var masked: String { Masking.bankCard(value) }
    public var description: String { masked }
}

public enum BankCardProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case empty, invalidCharacter, wrongLength(Int)

    public var code: String {
        switch self {
        case .empty: "empty"
        case .invalidCharacter: "invalid_character"
        case .wrongLength: "wrong_length"
        }
    }

    public var chineseMessage: String {
        switch self {
        case .empty: "请输入银行卡号"
        case .invalidCharacter: "银行卡号只能包含数字"
        case let .wrongLength(n): "银行卡号应为16至19位数字，当前为\(n)位"
        }
    }

    public var description: String {
        switch self {
        case .empty: "empty input"
        case .invalidCharacter: "non-digit characters"
        case let .wrongLength(n): "expected 16–19 digits, found \(n)"
        }
    }
}
