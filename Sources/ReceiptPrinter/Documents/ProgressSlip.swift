import Foundation
import KioskDomain

/// 办理进度单: where each of the applicant's cases stands, item by item, printed at his request
/// after a progress query. A 不予受理 item carries its reason and basis in full (一次性告知).
/// Masked like the acknowledgement: the ID number (when he was identified by it) only masked.
public struct ProgressSlip: Sendable, Equatable {
    public struct Case: Sendable, Equatable {
        public var caseNumber: String
        public var category: String
        public var acceptedOn: CivilDate
        public var items: [Item]
        public init(caseNumber: String, category: String, acceptedOn: CivilDate, items: [Item]) {
            self.caseNumber = caseNumber
            self.category = category
            self.acceptedOn = acceptedOn
            self.items = items
        }
    }

    public struct Item: Sendable, Equatable {
        public var title: String
        public var department: String
        /// 已受理 / 办理中 / 已办结 / 不予受理.
        public var state: String
        public var dueDate: CivilDate?
        /// What the applicant does next.
        public var next: String
        public var reason: String?
        public var basis: String?
        public init(title: String, department: String, state: String, dueDate: CivilDate?, next: String,
                    reason: String? = nil, basis: String? = nil) {
            self.title = title
            self.department = department
            self.state = state
            self.dueDate = dueDate
            self.next = next
            self.reason = reason
            self.basis = basis
        }
    }

    /// The ID number he was identified by (printed masked), or nil for a case-number query.
    public var applicantIDNumber: String?
    public var cases: [Case]
    /// Nil when fresh from the central service; else how old the kiosk's own records are ("3 小时").
    public var localAge: String?
    public var hall: String
    public var consultationPhone: String
    public var printedAt: Date

    public init(applicantIDNumber: String?, cases: [Case], localAge: String?, hall: String, consultationPhone: String, printedAt: Date) {
        self.applicantIDNumber = applicantIDNumber
        self.cases = cases
        self.localAge = localAge
        self.hall = hall
        self.consultationPhone = consultationPhone
        self.printedAt = printedAt
    }

    public var context: TemplateContext {
        var items: [[String: String]] = []
        for entry in cases {
            for (index, item) in entry.items.enumerated() {
                items.append([
                    "case_header": index == 0 ? "yes" : "",
                    "case_number": entry.caseNumber,
                    "category": entry.category,
                    "accepted_on": entry.acceptedOn.chinese,
                    "state": item.state,
                    "title": item.title,
                    "department": item.department,
                    "due_date": item.dueDate?.chinese ?? "",
                    "next": item.next,
                    "reason": item.reason ?? "",
                    "basis": item.basis ?? "",
                ])
            }
        }
        return TemplateContext(values: [
            "applicant_id_number": applicantIDNumber.map(ReceiptPrivacy.idNumber) ?? "",
            "printed_at": ReceiptTime.format(printedAt),
            "local": localAge == nil ? "" : "yes",
            "age": localAge ?? "",
            "hall": hall,
            "consultation_phone": consultationPhone,
        ], lists: ["items": items])
    }

    public func document(template: ReceiptTemplate) throws(DataFileError) -> ReceiptDocument {
        try template.render(context)
    }
}
