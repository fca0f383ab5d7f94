import KioskDomain

/// GB 11643-1999 resident ID number checks, as central-sim applies them to a submission:
/// 17 digits + check character (MOD 11-2), a real birth date, and what the number says about
/// birth date and sex.
enum ResidentIDCheck {
    enum Failure: String {
        case format = "invalid_format"
        case birthDate = "invalid_birth_date"
        case checksum = "invalid_checksum"

        var message: String {
            switch self {
            case .format: "身份证号码应为18位：17位数字加1位校验码（数字或X）"
            case .birthDate: "身份证号码中的出生日期无效"
            case .checksum: "身份证号码校验码不正确"
            }
        }
    }

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Nil when the number is valid.
    static func failure(_ number: String) -> Failure? {
        let chars = Array(number)
        guard chars.count == 18, chars[..<17].allSatisfy(\.isASCIIDigit),
              chars[17].isASCIIDigit || chars[17] == "X" else { return .format }
        guard birthDate(number) != nil else { return .birthDate }
        let sum = zip(chars[..<17], weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return checkCharacters[sum % 11] == chars[17] ? nil : .checksum
    }

    static func birthDate(_ number: String) -> CivilDate? {
        guard number.count == 18 else { return nil }
        let digits = number.dropFirst(6).prefix(8)
        guard let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
              let day = Int(digits.suffix(2)), year >= 1880 else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// `male` when the 17th digit is odd.
    static func sex(_ number: String) -> Sex? {
        guard number.count == 18, let digit = Array(number)[16].wholeNumberValue else { return nil }
        return digit % 2 == 1 ? .male : .female
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
