/// One region's 军人退役"一件事一次办" as its policy document words it: the categories served, the
/// items, departments, conditional questions, materials, form fields, limits, delivery, fees and
/// phones. Loaded from `Assets/regions/<code>.json` and validated by `RegionProfile.validate`.
///
/// Everything that differs between regions is here, in data — code never asks which region it
/// is dealing with.
public struct RegionProfile: Codable, Sendable, Equatable {
    /// The format version of the file (1).
    public var schemaVersion: Int
    /// `chongqing`, `sichuan`, `jiangxi`, `hebei`, `ordos`; also the file name.
    public var code: String
    /// `重庆市`.
    public var name: String
    /// The 6-digit administrative division code (`500000`).
    public var divisionCode: String
    /// The seed file the profile is encoded from, for reviewers.
    public var seed: String
    public var policy: PolicyDocument
    /// The bundle's own name as the region words it (`军人退役"一件事"联办服务`).
    public var serviceName: String
    /// The department that receives the case and the common fields (牵头部门 / 综合窗口).
    public var leadDepartment: String
    public var departments: [Department]
    public var categories: [VeteranCategory]
    public var questions: [Question]
    public var prerequisites: [Prerequisite]
    public var materials: [Material]
    public var fields: [FormField]
    /// Materials every case needs, whatever items are chosen (the seed's 公共 materials).
    public var commonMaterials: [MaterialUse]
    /// Fields every case asks (identity, contact, commitment); received by the lead department.
    public var commonFields: [FieldUse]
    public var items: [ServiceItem]
    /// 办结时限 of the whole bundle.
    public var overallLimit: TimeLimit
    /// 申报渠道 as worded in the seed.
    public var channels: [String]
    public var delivery: [DeliveryOption]
    public var fees: [Fee]
    public var phones: [ContactPhone]
    /// Other facts from the seed the kiosk shows (windows open in March and September, …).
    public var notes: [String]
    /// Months in which the bundle's window is open (Ordos: 3 and 9); empty means all year.
    public var serviceMonths: [Int]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion, code, name, divisionCode, seed, policy, serviceName, leadDepartment, departments, categories,
             questions, prerequisites, materials, fields, commonMaterials, commonFields, items, overallLimit,
             channels, delivery, fees, phones, notes, serviceMonths
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        divisionCode = try c.decode(String.self, forKey: .divisionCode)
        seed = try c.decode(String.self, forKey: .seed)
        policy = try c.decode(PolicyDocument.self, forKey: .policy)
        serviceName = try c.decode(String.self, forKey: .serviceName)
        leadDepartment = try c.decode(String.self, forKey: .leadDepartment)
        departments = try c.decode([Department].self, forKey: .departments)
        categories = try c.decode([VeteranCategory].self, forKey: .categories)
        questions = try c.list(.questions)
        prerequisites = try c.list(.prerequisites)
        materials = try c.list(.materials)
        fields = try c.list(.fields)
        commonMaterials = try c.list(.commonMaterials)
        commonFields = try c.list(.commonFields)
        items = try c.decode([ServiceItem].self, forKey: .items)
        overallLimit = try c.decode(TimeLimit.self, forKey: .overallLimit)
        channels = try c.list(.channels)
        delivery = try c.list(.delivery)
        fees = try c.list(.fees)
        phones = try c.list(.phones)
        notes = try c.list(.notes)
        serviceMonths = try c.list(.serviceMonths)
    }

    public func item(_ code: String) -> ServiceItem? { items.first { $0.code == code } }
    public func material(_ code: String) -> Material? { materials.first { $0.code == code } }
    public func field(_ code: String) -> FormField? { fields.first { $0.code == code } }
    public func question(_ code: String) -> Question? { questions.first { $0.code == code } }
    public func department(_ code: String) -> Department? { departments.first { $0.code == code } }
    public func category(_ code: String) -> VeteranCategory? { categories.first { $0.code == code } }

    /// The items a category may choose, in the profile's order (display-only ones included).
    public func items(for category: VeteranCategory) -> [ServiceItem] {
        guard let allowed = category.items else { return items }
        return items.filter { allowed.contains($0.code) }
    }
}

/// 政策文件: the document the profile is encoded from.
public struct PolicyDocument: Codable, Sendable, Equatable {
    /// 文号, e.g. `渝退役军人局〔2023〕22号`; nil when the document has none (Sichuan's 实施方案).
    public var number: String?
    public var title: String
    /// Date of issue; nil when the seed gives only a year (`dateText` then says so).
    public var date: CivilDate?
    public var dateText: String?
    public var issuers: [String]
    /// Higher documents it implements (国办函〔2024〕53号 …).
    public var basis: [String]

    enum CodingKeys: String, CodingKey, CaseIterable { case number, title, date, dateText, issuers, basis }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        title = try c.decode(String.self, forKey: .title)
        date = try c.decodeIfPresent(CivilDate.self, forKey: .date)
        dateText = try c.decodeIfPresent(String.self, forKey: .dateText)
        issuers = try c.list(.issuers)
        basis = try c.list(.basis)
    }
}

/// 办理部门.
public struct Department: Codable, Sendable, Equatable {
    /// `veterans`, `police`, `hrss`, `medical`, `military` (人武), `organisation`, `league`, `window`.
    public var code: String
    /// The seed's wording (`公安派出所`, `区县兵役机关`).
    public var name: String

    enum CodingKeys: String, CodingKey, CaseIterable { case code, name }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
    }
}

/// 退役类型 served, and which items it may choose.
public struct VeteranCategory: Codable, Sendable, Equatable {
    /// `self_employed_soldier`, `assigned_job_soldier`, `demobilized_officer`, `monthly_pension_veteran`.
    public var code: String
    /// The seed's wording (`自主就业退役士兵`).
    public var name: String
    /// The items this category may choose; nil means every item (Sichuan's 办事指南 restrict it).
    public var items: [String]?
    public var note: String?
    public var seed: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case code, name, items, note, seed }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        items = try c.decodeIfPresent([String].self, forKey: .items)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        seed = try c.decodeIfPresent(String.self, forKey: .seed)
    }
}

/// 结果送达 / 出件方式.
public struct DeliveryOption: Codable, Sendable, Equatable {
    /// `mail`, `pickup`, `sms`, `phone`, `online_query`.
    public var code: String
    public var label: String
    public var note: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case code, label, note }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        label = try c.decode(String.self, forKey: .label)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// 收费: a fee the seed states for an item, optionally only in some circumstances.
public struct Fee: Codable, Sendable, Equatable {
    public var item: String
    public var label: String
    /// Amount in 元.
    public var yuan: Int
    public var when: Condition?
    /// The basis (`渝价〔2004〕592号`).
    public var basis: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case item, label, yuan, when, basis }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        item = try c.decode(String.self, forKey: .item)
        label = try c.decode(String.self, forKey: .label)
        yuan = try c.decode(Int.self, forKey: .yuan)
        when = try c.decodeIfPresent(Condition.self, forKey: .when)
        basis = try c.decodeIfPresent(String.self, forKey: .basis)
    }
}

/// 咨询电话 / 监督电话 (public office numbers).
public struct ContactPhone: Codable, Sendable, Equatable {
    /// Where or what it is for (`东胜区`, `监督电话`).
    public var label: String
    public var number: String
    /// `consultation` or `supervision`.
    public var kind: String

    enum CodingKeys: String, CodingKey, CaseIterable { case label, number, kind }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        number = try c.decode(String.self, forKey: .number)
        kind = try c.decode(String.self, forKey: .kind)
    }
}
