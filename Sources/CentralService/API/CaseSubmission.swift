import Foundation
import KioskDomain

/// The body of `POST /v1/cases`: one confirmed case as the kiosk submits it.
///
/// It is derived from `FiledCase` deterministically (display-only items are left out, dates
/// are whole seconds), so a case reloaded from the store after a crash produces the same
/// document and the central service recognises the replay by its Idempotency-Key.
public struct CaseSubmission: Codable, Sendable, Equatable {
    public var caseId: UUID
    public var localReference: String
    public var terminalId: String
    public var hall: String
    public var region: String
    public var category: String
    public var categoryTitle: String
    public var filedAt: Date
    public var filedOn: CivilDate
    public var applicant: Applicant
    public var items: [Item]
    public var materials: [Material]
    public var fields: [Field]
    public var delivery: String?

    /// 申请人. Personal data: the central service stores it, never logs it or echoes it in errors.
    public struct Applicant: Codable, Sendable, Equatable {
        public var name: String
        public var idNumber: String
        public var sex: String?
        public var ethnicity: String?
        public var birthDate: CivilDate?
        public var phone: String?
        public var address: String?
        /// The 制卡相片 as base64 JPEG, when an item needs it.
        public var photo: Data?
    }

    /// One item (事项) to be handled by its department.
    public struct Item: Codable, Sendable, Equatable {
        public var code: String
        public var title: String
        public var department: String
        public var limitText: String

        public init(code: String, title: String, department: String, limitText: String) {
            self.code = code
            self.title = title
            self.department = department
            self.limitText = limitText
        }
    }

    public struct Material: Codable, Sendable, Equatable {
        public var name: String
        public var form: String
        public var count: Int
        public var forItems: [String]
    }

    /// One answered form field and the departments it is routed to (data minimisation).
    public struct Field: Codable, Sendable, Equatable {
        public var code: String
        public var label: String
        public var value: String
        public var departments: [String]
        public var personal: Bool
    }
}

extension CaseSubmission {
    /// The submission for a confirmed case. Display-only items are not sent: the central
    /// service handles only what the kiosk files.
    public init(_ filed: FiledCase) {
        self.init(
            caseId: filed.id, localReference: filed.localReference, terminalId: filed.terminalID,
            hall: filed.hall, region: filed.region, category: filed.category,
            categoryTitle: filed.categoryTitle,
            filedAt: Date(timeIntervalSince1970: filed.filedAt.timeIntervalSince1970.rounded(.down)),
            filedOn: filed.filedOn,
            applicant: Applicant(
                name: filed.applicant.name, idNumber: filed.applicant.idNumber,
                sex: filed.applicant.sex?.rawValue, ethnicity: filed.applicant.ethnicity,
                birthDate: filed.applicant.birthDate, phone: filed.applicant.phone,
                address: filed.applicant.address, photo: filed.applicant.photo),
            items: filed.items.filter { !$0.displayOnly }.map {
                Item(code: $0.code, title: $0.title, department: $0.department, limitText: $0.limitText)
            },
            materials: filed.materials.map {
                Material(name: $0.name, form: $0.form, count: $0.count, forItems: $0.forItems)
            },
            fields: filed.fields.map {
                Field(code: $0.code, label: $0.label, value: $0.value, departments: $0.departments, personal: $0.personal)
            },
            delivery: filed.delivery)
    }
}
