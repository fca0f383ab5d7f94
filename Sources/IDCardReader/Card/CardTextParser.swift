import KioskDomain

/// Lays out the 256-byte text block by card type (reference §4). The type flag is the UCS-2
/// character at offset 248: 'J' permit, 'I' foreigner card, anything else a resident ID card
/// (whose reserved tail holds spaces).
public enum CardTextParser {
    public static let textLength = 256
    static let typeFlagOffset = 248

    public static func parse(text: [UInt8], photo: WLTPhoto, fingerprintTemplates: Int = 0) throws(CardDataProblem) -> IdentityCard {
        guard text.count == textLength else { throw .wrongTextLength(text.count) }
        let block = TextBlock(bytes: text)
        switch block.string(typeFlagOffset, 2) {
        case "J": return try permit(block, photo: photo, fingerprints: fingerprintTemplates)
        case "I": return try foreigner(block, photo: photo, fingerprints: fingerprintTemplates)
        case "Y": throw .unsupportedCardType("Y")
        default: return try resident(block, photo: photo, fingerprints: fingerprintTemplates)
        }
    }

    static func resident(_ b: TextBlock, photo: WLTPhoto, fingerprints: Int) throws(CardDataProblem) -> IdentityCard {
        let code = b.string(32, 4)
        guard let ethnicity = Ethnicity(code: code) else {
            throw .invalidField(field: "ethnicity", expected: "a GB/T 3304 code 01–56, 97 or 98 (found \(code.count) characters)")
        }
        var card = try common(b, kind: .residentID, photo: photo, fingerprints: fingerprints)
        card.ethnicity = ethnicity
        return card
    }

    static func permit(_ b: TextBlock, photo: WLTPhoto, fingerprints: Int) throws(CardDataProblem) -> IdentityCard {
        var card = try common(b, kind: .residencePermit, photo: photo, fingerprints: fingerprints)
        card.passNumber = b.string(220, 18)
        let count = b.string(238, 4)
        guard let n = Int(count), n >= 0 else {
            throw .invalidField(field: "issueCount", expected: "two digits (found \"\(count)\")")
        }
        card.issueCount = n
        return card
    }

    /// Name, sex, birth date, address, number, authority and validity: the same offsets on the
    /// resident card and the permit.
    static func common(_ b: TextBlock, kind: CardKind, photo: WLTPhoto, fingerprints: Int) throws(CardDataProblem) -> IdentityCard {
        IdentityCard(kind: kind, name: b.string(0, 30), sex: try sex(b.string(30, 2)),
                     birthDate: try date(b.string(36, 16), field: "birthDate"), address: b.string(52, 70),
                     number: b.string(122, 36), authority: b.string(158, 30),
                     validFrom: try date(b.string(188, 16), field: "validFrom"),
                     validTo: try expiry(b.string(204, 16)), photo: photo, fingerprintTemplates: fingerprints)
    }

    static func foreigner(_ b: TextBlock, photo: WLTPhoto, fingerprints: Int) throws(CardDataProblem) -> IdentityCard {
        IdentityCard(kind: .foreignPermanentResident, name: b.string(158, 30), englishName: b.string(0, 120),
                     sex: try sex(b.string(120, 2)), birthDate: try date(b.string(220, 16), field: "birthDate"),
                     number: b.string(122, 30), authority: b.string(240, 8),
                     validFrom: try date(b.string(188, 16), field: "validFrom"),
                     validTo: try expiry(b.string(204, 16)), nationality: b.string(152, 6),
                     cardVersion: b.string(236, 4), photo: photo, fingerprintTemplates: fingerprints)
    }

    static func sex(_ code: String) throws(CardDataProblem) -> CardSex {
        guard let sex = CardSex(code: code) else {
            throw .invalidField(field: "sex", expected: "0, 1, 2 or 9 (found \(code.count) characters)")
        }
        return sex
    }

    static func date(_ text: String, field: String) throws(CardDataProblem) -> CivilDate {
        guard text.count == 8, let date = CivilDate(iso: text) else {
            throw .invalidField(field: field, expected: "a real date YYYYMMDD (found \(text.count) characters)")
        }
        return date
    }

    static func expiry(_ text: String) throws(CardDataProblem) -> CardExpiry {
        if text == "长期" { return .longTerm }
        guard text.count == 8, let date = CivilDate(iso: text) else {
            throw .invalidField(field: "validTo", expected: "a real date YYYYMMDD or 长期 (found \(text.count) characters)")
        }
        return .date(date)
    }
}

/// Offsets into the text block, decoded as cleaned UCS-2 strings.
struct TextBlock {
    let bytes: [UInt8]
    func string(_ offset: Int, _ length: Int) -> String {
        UCS2Text.decode(bytes[offset..<(offset + length)])
    }
}
