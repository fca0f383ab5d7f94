import Foundation

/// A case as the veteran confirmed it at the terminal: what is stored, submitted to the central
/// service and printed on the acknowledgement (受理回执).
///
/// It is a self-contained snapshot — item wording, departments and due dates are copied in at
/// confirmation — so a receipt can be reprinted and a queued case submitted exactly as the
/// veteran saw it, even after the region profile is updated.
public struct FiledCase: Codable, Sendable, Equatable, Identifiable {
    /// The kiosk's case UUID; also the Idempotency-Key of the submission.
    public var id: UUID
    /// The local reference printed while the case is still queued, e.g. `CQ01-20261123-0007`.
    public var localReference: String
    /// The central case number once the central service accepted the case.
    public var centralCaseNumber: String?
    /// Region code of the profile (`chongqing`, `sichuan`, `jiangxi`, `hebei`, `ordos`).
    public var region: String
    /// Category code (e.g. `self_employed_soldier`) and its wording for display.
    public var category: String
    public var categoryTitle: String
    /// When the veteran confirmed the case, as an instant; `filedOn` is its date in China time.
    public var filedAt: Date
    public var filedOn: CivilDate
    public var terminalID: String
    public var hall: String
    /// 申请人: personal data, sealed at rest, masked on paper and screens.
    public var applicant: Applicant
    /// The items submitted (and display-only ones, flagged), in processing order.
    public var items: [Item]
    /// The overall due date (办结时限), or nil when the limit is per department or unknown.
    public var overallDueDate: CivilDate?
    /// The overall limit as the policy words it, e.g. `8个工作日`.
    public var overallLimitText: String
    /// 一套材料: the paper originals and copies to hand in at the window.
    public var materials: [MaterialToHandIn]
    /// 一张表单: every answered field, with the departments that receive it.
    public var fields: [FieldValue]
    /// 送达方式 as chosen (e.g. `邮寄`, `自取`).
    public var delivery: String?
    /// Consultation phone printed on the receipt (a public office number, not personal data).
    public var consultationPhone: String?

    public init(id: UUID, localReference: String, centralCaseNumber: String? = nil, region: String,
                category: String, categoryTitle: String, filedAt: Date, filedOn: CivilDate,
                terminalID: String, hall: String, applicant: Applicant, items: [Item],
                overallDueDate: CivilDate?, overallLimitText: String, materials: [MaterialToHandIn],
                fields: [FieldValue], delivery: String? = nil, consultationPhone: String? = nil) {
        self.id = id
        self.localReference = localReference
        self.centralCaseNumber = centralCaseNumber
        self.region = region
        self.category = category
        self.categoryTitle = categoryTitle
        self.filedAt = filedAt
        self.filedOn = filedOn
        self.terminalID = terminalID
        self.hall = hall
        self.applicant = applicant
        self.items = items
        self.overallDueDate = overallDueDate
        self.overallLimitText = overallLimitText
        self.materials = materials
        self.fields = fields
        self.delivery = delivery
        self.consultationPhone = consultationPhone
    }

    /// The applicant's personal data. Everything here is personal: never logged, sealed at rest.
    public struct Applicant: Codable, Sendable, Equatable {
        public var name: String
        /// Normalised 18-character resident ID number (validated by `ResidentIDNumber`).
        public var idNumber: String
        public var sex: Sex?
        public var ethnicity: String?
        public var birthDate: CivilDate?
        public var phone: String?
        public var address: String?
        /// JPEG bytes of the 制卡相片, when an item needs it.
        public var photo: Data?

        public init(name: String, idNumber: String, sex: Sex? = nil, ethnicity: String? = nil,
                    birthDate: CivilDate? = nil, phone: String? = nil, address: String? = nil, photo: Data? = nil) {
            self.name = name
            self.idNumber = idNumber
            self.sex = sex
            self.ethnicity = ethnicity
            self.birthDate = birthDate
            self.phone = phone
            self.address = address
            self.photo = photo
        }
    }

    /// One item (事项) of the case, as printed.
    public struct Item: Codable, Sendable, Equatable {
        /// Canonical item code shared across regions (e.g. `report`, `household`).
        public var code: String
        /// The region's own wording.
        public var title: String
        public var department: String
        /// Due date, or nil for "instant" / "per department" / calendar unknown (see `limitText`).
        public var dueDate: CivilDate?
        /// The limit as worded for people: `即办`, `3个工作日`, `以部门通知为准`.
        public var limitText: String
        /// Display-only items (e.g. Sichuan's 养老保险关系转移) are shown but never submitted.
        public var displayOnly: Bool

        public init(code: String, title: String, department: String, dueDate: CivilDate?,
                    limitText: String, displayOnly: Bool = false) {
            self.code = code
            self.title = title
            self.department = department
            self.dueDate = dueDate
            self.limitText = limitText
            self.displayOnly = displayOnly
        }
    }

    /// One paper to hand in, deduplicated across items.
    public struct MaterialToHandIn: Codable, Sendable, Equatable {
        public var name: String
        /// 原件, 复印件（核验原件后收取）, 扫描件, 电子照片 …
        public var form: String
        public var count: Int
        /// Titles of the items that need it.
        public var forItems: [String]

        public init(name: String, form: String, count: Int, forItems: [String]) {
            self.name = name
            self.form = form
            self.count = count
            self.forItems = forItems
        }
    }

    /// One answered field of the one form.
    public struct FieldValue: Codable, Sendable, Equatable {
        public var code: String
        public var label: String
        public var value: String
        /// Departments that receive this field (data minimisation).
        public var departments: [String]
        /// Personal data (sealed at rest, masked on paper): names, ID numbers, phones, addresses, accounts.
        public var personal: Bool

        public init(code: String, label: String, value: String, departments: [String], personal: Bool) {
            self.code = code
            self.label = label
            self.value = value
            self.departments = departments
            self.personal = personal
        }
    }
}

/// 性别, as encoded in the ID number's 17th digit and printed on the card.
public enum Sex: String, Codable, Sendable, Equatable {
    case male
    case female

    public var chinese: String { self == .male ? "男" : "女" }
}
