import KioskDomain

/// Judges a card that was read: is it expired, does its number pass the foundation's validator
/// (`ResidentIDNumber`), do the number's birth date and sex agree with the chip's fields.
///
/// This is the one place where a number read from a card meets the validator; the reader, the
/// command line and the benchmark all come through here.
public struct CardVerifier: Sendable {
    public let divisions: DivisionCodes

    public init(divisions: DivisionCodes) { self.divisions = divisions }

    public func verify(_ card: IdentityCard, today: CivilDate) -> CardReading {
        var reading = CardReading(card: card, expired: card.validTo.isExpired(on: today))
        // Resident cards and permits carry a GB 11643 number (permits: 810000/820000/830000…);
        // the foreigner card's number has its own format and is not checked here.
        guard card.kind != .foreignPermanentResident else { return reading }
        do {
            let id = try ResidentIDNumber(validating: card.number, today: today, divisions: divisions)
            reading.idNumber = id
            if id.birthDate != card.birthDate { reading.inconsistencies.append(.birthDate) }
            if let sex = card.sex.sex, sex != id.sex { reading.inconsistencies.append(.sex) }
        } catch {
            reading.idNumberProblem = error
        }
        return reading
    }
}

/// A card as read and judged: what the reader hands to the kiosk in a `cardRead` event.
public struct CardReading: Sendable, Equatable, CustomStringConvertible {
    public var card: IdentityCard
    /// Past its validity's last day (长期 never is).
    public var expired: Bool
    /// The validated number, when the card carries a resident ID number that passed.
    public var idNumber: ResidentIDNumber?
    /// Why the number failed the validator (resident cards and permits only).
    public var idNumberProblem: IDNumberProblem?
    /// Chip fields that disagree with what the number encodes.
    public var inconsistencies: [Inconsistency] = []

    public enum Inconsistency: String, Sendable, Equatable, Codable {
        case birthDate, sex
    }

    public init(card: IdentityCard, expired: Bool, idNumber: ResidentIDNumber? = nil,
                idNumberProblem: IDNumberProblem? = nil, inconsistencies: [Inconsistency] = []) {
        self.card = card
        self.expired = expired
        self.idNumber = idNumber
        self.idNumberProblem = idNumberProblem
        self.inconsistencies = inconsistencies
    }

    /// Usable for a case: not expired, the number valid (where the card has one), consistent.
    public var isAcceptable: Bool {
        !expired && idNumberProblem == nil && inconsistencies.isEmpty
    }

    /// What the veteran reads when the card cannot be used; `nil` when it can.
    public var chineseRefusal: String? {
        if expired { return "您的证件已过有效期，请使用有效证件或到人工窗口办理" }
        if let idNumberProblem { return "证件号码校验未通过（\(idNumberProblem.chineseMessage)），请到人工窗口办理" }
        if !inconsistencies.isEmpty { return "证件信息不一致，请到人工窗口办理" }
        return nil
    }

    /// Masked: safe in logs.
    public var description: String {
        var text = card.description
        if expired { text += " (expired)" }
        if let idNumberProblem { text += " (number: \(idNumberProblem))" }
        if !inconsistencies.isEmpty { text += " (inconsistent: \(inconsistencies.map(\.rawValue).joined(separator: ",")))" }
        return text
    }
}
