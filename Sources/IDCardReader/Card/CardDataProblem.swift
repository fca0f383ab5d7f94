/// Why the bytes of a read answer could not be turned into a card. Messages name the field and
/// what was expected, never the value found when it is personal data.
public enum CardDataProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The read answer's length fields do not add up to what arrived.
    case malformedPayload(String)
    /// The text block is not 256 bytes.
    case wrongTextLength(Int)
    /// A type flag this kiosk cannot lay out (e.g. 'Y', the 2023 foreigner card).
    case unsupportedCardType(String)
    /// A field that must hold a date, code or number does not.
    case invalidField(field: String, expected: String)

    public var chineseMessage: String {
        switch self {
        case .unsupportedCardType: "暂不支持此类证件，请使用居民身份证或居住证，或到人工窗口办理"
        default: "读卡失败，请重新放置"
        }
    }

    public var description: String {
        switch self {
        case let .malformedPayload(why): "read answer malformed: \(why)"
        case let .wrongTextLength(n): "text block: expected 256 bytes, found \(n)"
        case let .unsupportedCardType(flag): "card type flag '\(flag)' is not supported (resident, 'J', 'I' are)"
        case let .invalidField(field, expected): "text block field \(field): expected \(expected)"
        }
    }
}
