import KioskDomain

/// The three card kinds that share the reader's 256-byte text block (reference §4).
public enum CardKind: String, Sendable, Codable, CaseIterable {
    /// 居民身份证 — the second-generation resident ID card.
    case residentID = "resident"
    /// 港澳台居民居住证 — type flag 'J'.
    case residencePermit = "permit"
    /// 外国人永久居留身份证 (2017) — type flag 'I'.
    case foreignPermanentResident = "foreigner"

    public var chineseName: String {
        switch self {
        case .residentID: "居民身份证"
        case .residencePermit: "港澳台居民居住证"
        case .foreignPermanentResident: "外国人永久居留身份证"
        }
    }
}

/// The sex code on the chip: 0 unknown, 1 male, 2 female, 9 unspecified (GB/T 2261.1).
public enum CardSex: String, Sendable, Codable, Equatable {
    case unknown, male, female, unspecified

    public init?(code: String) {
        switch code {
        case "0": self = .unknown
        case "1": self = .male
        case "2": self = .female
        case "9": self = .unspecified
        default: return nil
        }
    }

    public var code: String {
        switch self {
        case .unknown: "0"
        case .male: "1"
        case .female: "2"
        case .unspecified: "9"
        }
    }

    public var sex: Sex? {
        switch self {
        case .male: .male
        case .female: .female
        default: nil
        }
    }

    public var chinese: String {
        switch self {
        case .unknown: "未知"
        case .male: "男"
        case .female: "女"
        case .unspecified: "未说明"
        }
    }
}

/// The end of a card's validity: a date, or 长期 (no expiry, issued to people aged 46 and over).
public enum CardExpiry: Sendable, Equatable, CustomStringConvertible {
    case date(CivilDate)
    case longTerm

    /// A card is valid through its last date; 长期 never expires.
    public func isExpired(on today: CivilDate) -> Bool {
        if case let .date(last) = self { return last < today }
        return false
    }

    public var description: String {
        switch self {
        case let .date(d): d.description
        case .longTerm: "长期"
        }
    }
}

/// The WLT-compressed chip photo, kept opaque: no open decoder exists (reference §4), so it is
/// stored and forwarded but never interpreted. Its description never prints the bytes.
public struct WLTPhoto: Sendable, Equatable, CustomStringConvertible {
    public let bytes: [UInt8]
    public init(bytes: [UInt8]) { self.bytes = bytes }
    public var description: String { "WLT photo, \(bytes.count) bytes (not decoded)" }
}

/// Everything read from a card's chip, parsed and cleaned but not yet judged (see `CardVerifier`).
///
/// Personal data: `description` is masked so that string interpolation into a log cannot leak it.
public struct IdentityCard: Sendable, Equatable, CustomStringConvertible {
    public var kind: CardKind
    /// The Chinese name (for a foreigner card: the Chinese name field, possibly empty).
    public var name: String
    /// Foreigner cards only.
    public var englishName: String?
    public var sex: CardSex
    /// Resident ID cards only (the permit leaves this field reserved).
    public var ethnicity: Ethnicity?
    public var birthDate: CivilDate
    /// Resident ID cards and permits.
    public var address: String?
    /// 公民身份号码 (resident ID, permit) or the permanent residence card number (foreigner).
    public var number: String
    /// 签发机关 (foreigner cards carry an authority code instead).
    public var authority: String
    public var validFrom: CivilDate
    public var validTo: CardExpiry
    /// Permits only: 通行证号码 and 签发次数.
    public var passNumber: String?
    public var issueCount: Int?
    /// Foreigner cards only: ISO 3166 alpha-3 nationality and card version.
    public var nationality: String?
    public var cardVersion: String?
    public var photo: WLTPhoto
    /// Fingerprint templates present in a `30 10` answer; skipped, never kept (biometric data
    /// the kiosk has no use for).
    public var fingerprintTemplates: Int

    public init(kind: CardKind, name: String, englishName: String? = nil, sex: CardSex, ethnicity: Ethnicity? = nil,
                birthDate: CivilDate, address: String? = nil, number: String, authority: String,
                validFrom: CivilDate, validTo: CardExpiry, passNumber: String? = nil, issueCount: Int? = nil,
                nationality: String? = nil, cardVersion: String? = nil, photo: WLTPhoto, fingerprintTemplates: Int = 0) {
        self.kind = kind
        self.name = name
        self.englishName = englishName
        self.sex = sex
        self.ethnicity = ethnicity
        self.birthDate = birthDate
        self.address = address
        self.number = number
        self.authority = authority
        self.validFrom = validFrom
        self.validTo = validTo
        self.passNumber = passNumber
        self.issueCount = issueCount
        self.nationality = nationality
        self.cardVersion = cardVersion
        self.photo = photo
        self.fingerprintTemplates = fingerprintTemplates
    }

    public var maskedName: String { Masking.name(name.isEmpty ? (englishName ?? "") : name) }
    public var maskedNumber: String { Masking.idNumber(number) }

    public var description: String {
        "\(kind.chineseName) \(maskedName) \(maskedNumber) valid to \(validTo)"
    }
}
