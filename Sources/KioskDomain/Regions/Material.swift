/// A paper or electronic material (申请材料) a region asks for, declared once per profile and
/// referenced by code from items. Declaring it once is what makes the "一套材料" possible: the
/// plan prints one line per paper however many items need it.
public struct Material: Codable, Sendable, Equatable {
    /// Stable code, shared across regions where it is the same paper (`discharge_certificate`).
    public var code: String
    /// The region's wording, e.g. `退出现役证书`.
    public var name: String
    /// What to hand in at the window (or upload, for electronic ones).
    public var form: Form
    /// What an online application uploads instead, where the seed says (Sichuan: 扫描件).
    public var onlineForm: Form?
    public var count: Int
    /// `份`, `张`.
    public var unit: String
    /// Remarks from the seed (`卡号清晰`, `重庆市户籍的身份证可通过数据共享获取`).
    public var note: String?
    /// Photo requirements, for electronic and printed photos.
    public var photo: PhotoRequirement?
    public var seed: String?

    /// 材料形式.
    public enum Form: String, StrictStringEnum {
        case original
        case copy
        case scan
        case electronic
        /// Produced by the system or the kiosk (the 登记表): nothing to prepare.
        case generated
        /// Issued during the case by another item (e.g. 落户介绍信 from 退役报到): nothing to bring.
        case issued
        /// A number or fact rather than a paper (Jiangxi: 本人社保卡账号).
        case information
        /// Named in the seed's list but checked by the department itself, so the applicant hands
        /// nothing in (Chongqing: 户口簿，本市户口簿公安内部核验，无需申请人提供).
        case verified

        public var chinese: String {
            switch self {
            case .original: "原件"
            case .copy: "复印件（核验原件后收取）"
            case .scan: "扫描件"
            case .electronic: "电子版"
            case .generated: "系统生成，无需准备"
            case .issued: "办理过程中出具，无需自备"
            case .information: "提供号码/信息"
            case .verified: "部门内部核验，无需提供"
            }
        }

        /// Whether the veteran brings it to the window.
        public var isPaper: Bool { self == .original || self == .copy }
    }

    /// A photo's rules as the seed states them; PhotoCheck enforces them.
    public struct PhotoRequirement: Codable, Sendable, Equatable {
        /// `JPG`.
        public var format: String?
        public var minKB: Int?
        public var maxKB: Int?
        /// `white`, `red`.
        public var background: String?
        /// `1寸`, `2寸`, `二代证标准`.
        public var size: String?
        public var description: String

        enum CodingKeys: String, CodingKey, CaseIterable { case format, minKB, maxKB, background, size, description }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            format = try c.decodeIfPresent(String.self, forKey: .format)
            minKB = try c.decodeIfPresent(Int.self, forKey: .minKB)
            maxKB = try c.decodeIfPresent(Int.self, forKey: .maxKB)
            background = try c.decodeIfPresent(String.self, forKey: .background)
            size = try c.decodeIfPresent(String.self, forKey: .size)
            description = try c.decode(String.self, forKey: .description)
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case code, name, form, onlineForm, count, unit, note, photo, seed }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        form = try c.decode(Form.self, forKey: .form)
        onlineForm = try c.decodeIfPresent(Form.self, forKey: .onlineForm)
        count = try c.decodeIfPresent(Int.self, forKey: .count) ?? 1
        unit = try c.decodeIfPresent(String.self, forKey: .unit) ?? "份"
        note = try c.decodeIfPresent(String.self, forKey: .note)
        photo = try c.decodeIfPresent(PhotoRequirement.self, forKey: .photo)
        seed = try c.decodeIfPresent(String.self, forKey: .seed)
    }
}

/// An item's (or the whole case's) use of a material: which one, when, and any remark specific
/// to this use (Jiangxi's 户口簿 is `拟投靠人居民户口簿` for 落户). In the file either the bare code
/// (`"discharge_certificate"`) or an object (`{"code": …, "when": {…}, "note": …}`).
public struct MaterialUse: Codable, Sendable, Equatable {
    public var code: String
    public var when: Condition?
    public var note: String?

    public init(code: String, when: Condition? = nil, note: String? = nil) {
        self.code = code
        self.when = when
        self.note = note
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case code, when, note }

    public init(from decoder: any Decoder) throws {
        if let code = try? decoder.singleValueContainer().decode(String.self) {
            self.init(code: code)
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code),
                  when: try c.decodeIfPresent(Condition.self, forKey: .when),
                  note: try c.decodeIfPresent(String.self, forKey: .note))
    }
}
