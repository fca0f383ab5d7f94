/// A mainland mobile number (手机号码): 11 digits starting `1[3-9]` after removing `+86`,
/// spaces and hyphens. The value is personal data: print `masked`.
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public init(validating raw: String) throws(PhoneProblem) {
        var text = ResidentIDNumber.normalise(raw).filter { $0 != "-" && $0 != "(" && $0 != ")" }
        if text.hasPrefix("+86") { text.removeFirst(3) } else if text.hasPrefix("0086") { text.removeFirst(4) }
        guard !text.isEmpty else { throw .empty }
        guard text.allSatisfy(\.isASCIIDigit) else { throw .invalidCharacter }
        guard text.count == 11 else { throw .wrongLength(text.count) }
        let chars = Array(text)
        guard chars[0] == "1", ("3"..."9").contains(chars[1]) else { throw .notMobile }
        value = text
    }

    public var masked: String { Masking.phone(value) }
    public var description: String { masked }
}

public enum PhoneProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case empty, invalidCharacter, wrongLength(Int), notMobile

    public var code: String {
        switch self {
        case .empty: "empty"
        case .invalidCharacter: "invalid_character"
        case .wrongLength: "wrong_length"
        case .notMobile: "not_mobile"
        }
    }

    public var chineseMessage: String {
        switch self {
        case .empty: "请输入手机号码"
        case .invalidCharacter: "手机号码只能包含数字"
        case let .wrongLength(n): "手机号码应为11位，当前为\(n)位"
        case .notMobile: "请输入以13至19开头的11位手机号码"
        }
    }

    public var description: String {
        switch self {
        case .empty: "empty input"
        case .invalidCharacter: "non-digit characters"
        case let .wrongLength(n): "expected 11 digits, found \(n)"
        case .notMobile: "not a mobile prefix (1[3-9])"
        }
    }
}
