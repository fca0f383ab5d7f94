import Foundation
import IDCardReader
import KioskDomain

/// A card the simulator places on its reader, as written in a JSON script:
///
/// ```json
/// { "type": "resident", "fields": { "name": "测试甲", "birthDate": "1990-03-07" },
///   "expired": false, "failNextReads": 2, "removeAfterSeconds": 5, "fingerprint": false }
/// ```
/// Missing fields get synthetic values (a valid number for the birth date and sex, division
/// 110101 for resident cards, 810000 for permits), so a script says only what a test cares about.
public struct ScriptedCard: Sendable, Equatable, Codable {
    public struct Fields: Sendable, Equatable, Codable {
        public var name: String?
        public var englishName: String?
        /// "male", "female", or the chip's code "0", "1", "2", "9".
        public var sex: String?
        public var ethnicity: String?
        public var birthDate: CivilDate?
        public var address: String?
        public var number: String?
        public var authority: String?
        public var validFrom: CivilDate?
        /// `YYYY-MM-DD` or `长期`.
        public var validTo: String?
        public var passNumber: String?
        public var issueCount: Int?
        public var nationality: String?
        public var cardVersion: String?

        public init() {}
    }

    public var type: CardKind
    public var fields: Fields
    /// Forces validity dates in the past (2006-01-01 to 2016-01-01).
    public var expired: Bool
    /// The next N reads of this card answer `41` (read failed) before one succeeds.
    public var failNextReads: Int
    /// Seconds after the previous card left (or after start) until this one is placed.
    public var placeAfterSeconds: Double
    /// Seconds on the reader before it is taken away; absent: it stays.
    public var removeAfterSeconds: Double?
    /// Whether the chip holds two fingerprint templates (answered to `30 10`).
    public var fingerprint: Bool
    /// The appended address (追加住址) answered to `30 03`; absent: `91` no content.
    public var appendedAddress: String?

    public init(type: CardKind, fields: Fields = Fields(), expired: Bool = false, failNextReads: Int = 0,
                placeAfterSeconds: Double = 0, removeAfterSeconds: Double? = nil, fingerprint: Bool = false,
                appendedAddress: String? = nil) {
        self.type = type
        self.fields = fields
        self.expired = expired
        self.failNextReads = failNextReads
        self.placeAfterSeconds = placeAfterSeconds
        self.removeAfterSeconds = removeAfterSeconds
        self.fingerprint = fingerprint
        self.appendedAddress = appendedAddress
    }

    enum CodingKeys: String, CodingKey {
        case type, fields, expired, failNextReads, placeAfterSeconds, removeAfterSeconds, fingerprint, appendedAddress
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(CardKind.self, forKey: .type)
        fields = try c.decodeIfPresent(Fields.self, forKey: .fields) ?? Fields()
        expired = try c.decodeIfPresent(Bool.self, forKey: .expired) ?? false
        failNextReads = try c.decodeIfPresent(Int.self, forKey: .failNextReads) ?? 0
        placeAfterSeconds = try c.decodeIfPresent(Double.self, forKey: .placeAfterSeconds) ?? 0
        removeAfterSeconds = try c.decodeIfPresent(Double.self, forKey: .removeAfterSeconds)
        fingerprint = try c.decodeIfPresent(Bool.self, forKey: .fingerprint) ?? false
        appendedAddress = try c.decodeIfPresent(String.self, forKey: .appendedAddress)
    }

    /// The card the chip holds, defaults filled in; throws naming the field that is wrong.
    public func identityCard(file: String = "card", key: String = "") throws(DataFileError) -> IdentityCard {
        let prefix = key.isEmpty ? "fields." : key + ".fields."
        let sex: CardSex
        switch fields.sex ?? "male" {
        case "male": sex = .male
        case "female": sex = .female
        case let code:
            guard let s = CardSex(code: code) else {
                throw DataFileError(file: file, key: prefix + "sex", expected: "male, female, 0, 1, 2 or 9", found: code)
            }
            sex = s
        }
        let birth = fields.birthDate ?? CivilDate(year: 1990, month: 1, day: 1)!
        var validFrom = fields.validFrom ?? CivilDate(year: 2020, month: 1, day: 1)!
        var validTo: CardExpiry = .date(CivilDate(year: 2040, month: 1, day: 1)!)
        if let text = fields.validTo {
            if text == "长期" {
                validTo = .longTerm
            } else if let d = CivilDate(iso: text) {
                validTo = .date(d)
            } else {
                throw DataFileError(file: file, key: prefix + "validTo", expected: "YYYY-MM-DD or 长期", found: text)
            }
        }
        if expired {
            validFrom = CivilDate(year: 2006, month: 1, day: 1)!
            validTo = .date(CivilDate(year: 2016, month: 1, day: 1)!)
        }
        let photo = WLTPhoto(bytes: CardTextEncoder.syntheticPhoto(seed: fields.number ?? fields.name ?? type.rawValue))
        let fingerprints = fingerprint ? 2 : 0
        switch type {
        case .residentID, .residencePermit:
            let ethnicity: Ethnicity?
            if type == .residentID {
                let code = fields.ethnicity ?? "01"
                guard let e = Ethnicity(code: code) else {
                    throw DataFileError(file: file, key: prefix + "ethnicity", expected: "a GB/T 3304 code 01–56, 97 or 98", found: code)
                }
                ethnicity = e
            } else {
                ethnicity = nil
            }
            let division = type == .residentID ? "110101" : "810000"
            return IdentityCard(kind: type, name: fields.name ?? (type == .residentID ? "测试居民" : "测试港澳"), sex: sex,
                                ethnicity: ethnicity, birthDate: birth,
                                address: fields.address ?? (type == .residentID ? "北京市东城区测试胡同1号" : "香港特别行政区测试道1号"),
                                number: fields.number ?? SyntheticNumbers.residentID(division: division, birth: birth, female: sex == .female),
                                authority: fields.authority ?? (type == .residentID ? "北京市公安局东城分局" : "广东省公安厅"),
                                validFrom: validFrom, validTo: validTo,
                                passNumber: type == .residencePermit ? (fields.passNumber ?? "H00000001") : nil,
                                issueCount: type == .residencePermit ? (fields.issueCount ?? 1) : nil,
                                photo: photo, fingerprintTemplates: fingerprints)
        case .foreignPermanentResident:
            return IdentityCard(kind: type, name: fields.name ?? "测试外籍", englishName: fields.englishName ?? "TEST, PERSON",
                                sex: sex, birthDate: birth, number: fields.number ?? "USA110090010015",
                                authority: fields.authority ?? "1500", validFrom: validFrom, validTo: validTo,
                                nationality: fields.nationality ?? "USA", cardVersion: fields.cardVersion ?? "01",
                                photo: photo, fingerprintTemplates: fingerprints)
        }
    }
}

/// Synthetic numbers that pass the foundation's validator (check character from
/// `ResidentIDNumber.checkCharacter`), for scripts that do not give one.
public enum SyntheticNumbers {
    public static func residentID(division: String, birth: CivilDate, female: Bool, sequence: Int = 1) -> String {
        let seq = female ? (sequence * 2) % 1000 : (sequence * 2 + 1) % 1000
        let s = String(seq)
        let body = division + birth.description.replacingOccurrences(of: "-", with: "") + String(repeating: "0", count: 3 - s.count) + s
        let check = ResidentIDNumber.checkCharacter(for: body.map { Int(String($0))! })
        return body + String(check)
    }
}
