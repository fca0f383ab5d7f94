/// A resident identity number (公民身份号码, GB 11643-1999) that passed every check.
///
/// 6-digit division code at issue + birth date YYYYMMDD + 3-digit sequence (odd = male) + an
/// ISO 7064 MOD 11-2 check character. The value is personal data: print `masked`, never `value`.
public struct ResidentIDNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The normalised 18 characters (ASCII digits, upper-case X).
    public let value: String
    public let divisionCode: String
    public let birthDate: CivilDate
    public let sex: Sex

    /// Validates `raw` as typed or read: full-width digits, lower-case x and spaces are normalised
    /// first; then length, characters, division code (historical codes included), birth date
    /// (real, not in the future), and the check character — each failure with its own message.
    public init(validating raw: String, today: CivilDate, divisions: DivisionCodes) throws(IDNumberProblem) {
        let text = ResidentIDNumber.normalise(raw)
        guard !text.isEmpty else { throw .empty }
        let chars = Array(text)
        if chars.count == 15, chars.allSatisfy(\.isASCIIDigit) { throw .legacyFifteenDigits }
        guard chars.count == 18 else { throw .wrongLength(chars.count) }
        for (i, c) in chars.enumerated() {
            let ok = i < 17 ? c.isASCIIDigit : (c.isASCIIDigit || c == "X")
            if !ok { throw .invalidCharacter(position: i + 1, character: String(c)) }
        }
        let code = String(chars[0..<6])
        guard divisions.contains(code) else { throw .unknownDivision(code) }
        let dateText = String(chars[6..<14])
        guard let birth = CivilDate(iso: dateText), birth.year >= ResidentIDNumber.earliestBirthYear else {
            throw .invalidBirthDate(dateText)
        }
        guard birth <= today else { throw .birthDateInFuture(birth) }
        let expected = ResidentIDNumber.checkCharacter(for: chars[0..<17].map { Int(String($0))! })
        guard chars[17] == expected else { throw .wrongCheckCharacter(expected: String(expected), found: String(chars[17])) }
        value = text
        divisionCode = code
        birthDate = birth
        sex = Int(String(chars[16]))! % 2 == 1 ? .male : .female
    }

    /// GB 11643's own example is born 1880: the bound is generous on purpose.
    public static let earliestBirthYear = 1860

    /// MOD 11-2 weights `7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2` and remainder → check character.
    public static func checkCharacter(for digits: [Int]) -> Character {
        precondition(digits.count == 17)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Array("10X98765432")[sum % 11]
    }

    /// Full-width digits and letters to ASCII, `x` to `X`, spaces removed.
    public static func normalise(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF38, 0xFF58: out.append("X") // Ｘ ｘ
            case 0x78: out.append("X")
            default:
                if scalar.properties.isWhitespace { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `110***********002X`: first 3 + last 4; the birth date never shows.
    public var masked: String { Masking.idNumber(value) }

    /// Masked, so that string interpolation in a log line cannot leak the number.
    public var description: String { masked }
}

/// Why an ID number was refused, with the message the veteran reads.
public enum IDNumberProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case legacyFifteenDigits
    case wrongLength(Int)
    case invalidCharacter(position: Int, character: String)
    case unknownDivision(String)
    case invalidBirthDate(String)
    case birthDateInFuture(CivilDate)
    case wrongCheckCharacter(expected: String, found: String)

    /// A stable code for JSON output and tests.
    public var code: String {
        switch self {
        case .empty: "empty"
        case .legacyFifteenDigits: "legacy_15_digits"
        case .wrongLength: "wrong_length"
        case .invalidCharacter: "invalid_character"
        case .unknownDivision: "unknown_division"
        case .invalidBirthDate: "invalid_birth_date"
        case .birthDateInFuture: "birth_date_in_future"
        case .wrongCheckCharacter: "wrong_check_character"
        }
    }

    public var chineseMessage: String {
        switch self {
        case .empty:
            "请输入身份证号码"
        case .legacyFifteenDigits:
            "这是15位的第一代身份证号码，已停止使用，请输入18位公民身份号码"
        case let .wrongLength(n):
            "身份证号码应为18位，当前为\(n)位，请核对"
        case let .invalidCharacter(position, _):
            position == 18 ? "身份证号码最后一位只能是数字或X，请核对" : "身份证号码第\(position)位应为数字，请核对"
        case .unknownDivision:
            "身份证号码前6位（地区码）不存在，请核对"
        case .invalidBirthDate:
            "身份证号码中的出生日期（第7至14位）不是有效日期，请核对"
        case .birthDateInFuture:
            "身份证号码中的出生日期晚于今天，请核对"
        case .wrongCheckCharacter:
            "身份证号码校验位不正确，可能有数字输错，请逐位核对"
        }
    }

    /// For technicians; carries no digits of the number beyond the division code.
    public var description: String {
        switch self {
        case .empty: "empty input"
        case .legacyFifteenDigits: "15-digit first-generation number (invalid since 2013-01-01)"
        case let .wrongLength(n): "expected 18 characters, found \(n)"
        case let .invalidCharacter(position, _): "invalid character at position \(position)"
        case let .unknownDivision(code): "division code \(code) not in the 1981–2024 list"
        case .invalidBirthDate: "birth date is not a real date"
        case .birthDateInFuture: "birth date is in the future"
        case .wrongCheckCharacter: "check character does not match (ISO 7064 MOD 11-2)"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
