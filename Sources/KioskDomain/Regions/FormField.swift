/// A field of the registration form (登记表), declared once per profile with the region's label.
/// Items list the fields they need; the plan's "一张表单" is the union over the selected items,
/// and each field goes only to the departments whose items need it (Sichuan's data minimisation).
public struct FormField: Codable, Sendable, Equatable {
    /// Stable code (`name`, `id_number`, `householder_name`, …).
    public var code: String
    /// The region's label, e.g. `公民身份号码` or `身份证号码`.
    public var label: String
    public var group: Group
    /// Choices the form offers, where the seed prints them (`□是 □否`, `□投靠 □新立户`).
    public var choices: [String]
    /// Personal data (name, ID number, phone, address, account): sealed at rest, masked on paper
    /// and screens. Required in every profile: a field nobody classified must not default to
    /// "not personal" and end up in clear columns.
    public var personal: Bool
    /// How much harm a leak would do (PIPL's 敏感个人信息 are `sensitive`); required beside
    /// `personal` and consistent with it.
    public var sensitivity: Sensitivity
    public var seed: String?

    /// Sensitivity levels under PIPL and GB/T 35273.
    public enum Sensitivity: String, StrictStringEnum {
        /// Not personal data on its own (a district, an insurance type, a date of the process).
        case none
        /// 个人信息: names, phones, addresses, sex, ethnicity, birth date.
        case personal
        /// 敏感个人信息: identity document numbers, bank accounts, health, marital history,
        /// signatures, military unit codes — anything whose leak can do serious harm.
        case sensitive
    }

    /// Sections of the form, in the order a form is filled.
    public enum Group: String, StrictStringEnum {
        case basic, contact, service, settlement, idcard, insurance, subsidy, delivery, training, organisation, reserve, commitment

        public var chinese: String {
            switch self {
            case .basic: "基本信息"
            case .contact: "联系方式"
            case .service: "服役信息"
            case .settlement: "落户信息"
            case .idcard: "身份证信息"
            case .insurance: "社会保险"
            case .subsidy: "经济补助"
            case .delivery: "送达信息"
            case .training: "培训与就业"
            case .organisation: "组织关系"
            case .reserve: "预备役"
            case .commitment: "承诺"
            }
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case code, label, group, choices, personal, sensitivity, seed }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        label = try c.decode(String.self, forKey: .label)
        group = try c.decode(Group.self, forKey: .group)
        choices = try c.list(.choices)
        let code = self.code
        func missing(_ key: CodingKeys, _ expected: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: decoder.codingPath + [key],
                                 debugDescription: "\(expected) for field \(code) (the key is required in every field)"))
        }
        guard let personal = try c.decodeIfPresent(Bool.self, forKey: .personal) else {
            throw missing(.personal, "\"personal\": true or false")
        }
        guard let sensitivity = try c.decodeIfPresent(Sensitivity.self, forKey: .sensitivity) else {
            throw missing(.sensitivity, "\"sensitivity\": one of \(Sensitivity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard personal == (sensitivity != .none) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [CodingKeys.sensitivity],
                debugDescription: "a sensitivity consistent with personal=\(personal) for field \(code) "
                    + (personal ? "(personal or sensitive)" : "(none)") + ", found \(sensitivity.rawValue)"))
        }
        self.personal = personal
        self.sensitivity = sensitivity
        seed = try c.decodeIfPresent(String.self, forKey: .seed)
    }
}

/// An item's use of a field; a bare code or `{"code": …, "when": {…}}` (Chongqing asks 户主姓名
/// only for 投靠, 立户地址 only for 新立户).
public struct FieldUse: Codable, Sendable, Equatable {
    public var code: String
    public var when: Condition?

    public init(code: String, when: Condition? = nil) {
        self.code = code
        self.when = when
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case code, when }

    public init(from decoder: any Decoder) throws {
        if let code = try? decoder.singleValueContainer().decode(String.self) {
            self.init(code: code)
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code), when: try c.decodeIfPresent(Condition.self, forKey: .when))
    }
}
