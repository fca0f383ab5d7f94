import Foundation
import KioskDomain

/// 不予受理告知书: the reason and its basis, stated once and completely (一次性告知), with what
/// the applicant can do next. Personal data is masked here.
public struct RefusalNotice: Sendable, Equatable {
    public var caseNumber: String
    public var applicantName: String
    public var applicantIDNumber: String
    public var itemTitles: [String]
    public var department: String
    public var decidedOn: CivilDate
    /// 不予受理理由, complete in one statement.
    public var reason: String
    /// 依据: the regulation or policy clause.
    public var basis: String
    /// What the applicant can do (补正材料, 申请复议 …).
    public var remedy: String
    public var hall: String
    public var consultationPhone: String
    public var printedAt: Date

    public init(caseNumber: String, applicantName: String, applicantIDNumber: String, itemTitles: [String], department: String,
                decidedOn: CivilDate, reason: String, basis: String, remedy: String, hall: String, consultationPhone: String, printedAt: Date) {
        self.caseNumber = caseNumber
        self.applicantName = applicantName
        self.applicantIDNumber = applicantIDNumber
        self.itemTitles = itemTitles
        self.department = department
        self.decidedOn = decidedOn
        self.reason = reason
        self.basis = basis
        self.remedy = remedy
        self.hall = hall
        self.consultationPhone = consultationPhone
        self.printedAt = printedAt
    }

    public var context: TemplateContext {
        TemplateContext(values: [
            "case_number": caseNumber,
            "applicant_name": ReceiptPrivacy.name(applicantName),
            "applicant_id_number": ReceiptPrivacy.idNumber(applicantIDNumber),
            "items": itemTitles.joined(separator: "、"),
            "department": department,
            "decided_on": decidedOn.chinese,
            "reason": reason,
            "basis": basis,
            "remedy": remedy,
            "hall": hall,
            "consultation_phone": consultationPhone,
            "printed_at": ReceiptTime.format(printedAt),
        ])
    }

    public func document(template: ReceiptTemplate) throws(DataFileError) -> ReceiptDocument {
        try template.render(context)
    }
}
