import Foundation
import KioskDomain

/// A card reading as a technician sees it (`kioskctl reader read`): personal fields masked
/// unless `reveal` is set explicitly; the birth date hidden entirely when masked (it is the part
/// of the number that masking protects).
public struct CardReadingReport: Encodable, Sendable {
    public struct Problem: Encodable, Sendable {
        public var code: String
        public var message: String
        public var detail: String
    }

    public var device: String
    public var samIdentity: String?
    public var cardRead: Bool
    public var masked: Bool
    public var cardType: String?
    public var cardTypeName: String?
    public var name: String?
    public var englishName: String?
    public var sex: String?
    public var ethnicity: String?
    public var birthDate: String?
    public var address: String?
    public var number: String?
    public var authority: String?
    public var validFrom: String?
    public var validTo: String?
    public var passNumber: String?
    public var issueCount: Int?
    public var nationality: String?
    public var photoBytes: Int?
    public var fingerprintTemplates: Int?
    public var expired: Bool?
    public var numberValid: Bool?
    public var inconsistencies: [String] = []
    public var acceptable: Bool
    /// What the veteran would be told, when the card cannot be used or was not read.
    public var message: String?
    public var problem: Problem?

    public init(_ result: ReadOnce.Result, reveal: Bool) {
        switch result {
        case let .read(connection, reading):
            self.init(connection: connection, reading: reading, reveal: reveal)
        case let .failed(connection, failure):
            self.init(device: connection.label, samIdentity: connection.samIdentity, cardRead: false, masked: !reveal, acceptable: false,
                      message: failure.chineseMessage, problem: Problem(code: "read_failed", message: failure.chineseMessage, detail: failure.description))
        case let .noCard(connection):
            self.init(device: connection.label, samIdentity: connection.samIdentity, cardRead: false, masked: !reveal, acceptable: false,
                      message: SAMStatus.findFailed.chineseMessage, problem: Problem(code: "no_card", message: SAMStatus.findFailed.chineseMessage, detail: "no card answered find (20 01) within the wait (a card already read stays silent until lifted and placed again)"))
        }
    }

    init(device: String, samIdentity: String?, cardRead: Bool, masked: Bool, acceptable: Bool, message: String?, problem: Problem?) {
        self.device = device
        self.samIdentity = samIdentity
        self.cardRead = cardRead
        self.masked = masked
        self.acceptable = acceptable
        self.message = message
        self.problem = problem
    }

    init(connection: ReaderConnection, reading: CardReading, reveal: Bool) {
        let card = reading.card
        self.init(device: connection.label, samIdentity: connection.samIdentity, cardRead: true, masked: !reveal,
                  acceptable: reading.isAcceptable, message: reading.chineseRefusal, problem: nil)
        cardType = card.kind.rawValue
        cardTypeName = card.kind.chineseName
        name = reveal ? card.name : Masking.name(card.name)
        englishName = card.englishName.map { reveal ? $0 : Masking.name($0) }
        sex = card.sex.chinese
        ethnicity = card.ethnicity?.shortName
        birthDate = reveal ? card.birthDate.description : "****-**-**"
        address = card.address.map { reveal ? $0 : Masking.address($0) }
        number = reveal ? card.number : Masking.idNumber(card.number)
        authority = card.authority
        validFrom = card.validFrom.description
        validTo = card.validTo.description
        passNumber = card.passNumber.map { reveal ? $0 : Masking.idNumber($0) }
        issueCount = card.issueCount
        nationality = card.nationality
        photoBytes = card.photo.bytes.count
        fingerprintTemplates = card.fingerprintTemplates
        expired = reading.expired
        inconsistencies = reading.inconsistencies.map(\.rawValue)
        if card.kind != .foreignPermanentResident {
            numberValid = reading.idNumberProblem == nil
            if let p = reading.idNumberProblem {
                problem = Problem(code: p.code, message: p.chineseMessage, detail: p.description)
            }
        }
    }

    /// The human form, one field per line, labels in Chinese and English.
    public var lines: [String] {
        var out: [String] = []
        if cardRead {
            out.append((acceptable ? "读卡成功 card read: " : "读卡完成，证件不可用 card read, not usable: ") + (cardTypeName ?? ""))
        } else {
            out.append("未读到证件 no card read: \(message ?? "")")
        }
        out.append("  读卡器 reader:        \(device)" + (samIdentity.map { " (SAM \($0))" } ?? ""))
        func add(_ label: String, _ value: String?) { if let value, !value.isEmpty { out.append("  \(label) \(value)") } }
        add("姓名 name:           ", name)
        add("英文名 English name: ", englishName)
        add("性别 sex:            ", sex)
        add("民族 ethnicity:      ", ethnicity)
        add("出生 birth date:     ", cardRead ? birthDate : nil)
        add("住址 address:        ", address)
        add("号码 number:         ", number)
        add("通行证 pass number:  ", passNumber)
        add("国籍 nationality:    ", nationality)
        add("签发 authority:      ", authority)
        if let validFrom, let validTo { add("有效期 validity:     ", "\(validFrom) 至 \(validTo)" + (expired == true ? "（已过期 expired）" : "")) }
        if let photoBytes { add("照片 photo:          ", "WLT \(photoBytes) 字节（未解码 not decoded）") }
        if let numberValid { add("号码校验 check:      ", numberValid ? "通过 valid" : "未通过 invalid") }
        if !inconsistencies.isEmpty { add("不一致 mismatch:     ", inconsistencies.joined(separator: ", ")) }
        if cardRead, let message { add("提示 message:        ", message) }
        if let problem { add("原因 reason:         ", "\(problem.code): \(problem.detail)") }
        if masked && cardRead { out.append("  （个人信息已脱敏；--reveal 显示完整信息 personal data masked; --reveal shows it）") }
        return out
    }
}
