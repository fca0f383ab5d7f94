import Foundation
import KioskDomain

/// 受理回执: the veteran's proof that the case was filed and his map of what happens next.
///
/// Built from the confirmed `FiledCase` snapshot. Personal data is masked here (name, ID number,
/// delivery address); the one-form field values are never printed.
public struct AcknowledgementReceipt: Sendable {
    public var filedCase: FiledCase
    /// When this copy is printed (the receipt shows both filing and printing time on a reprint).
    public var printedAt: Date
    /// 补打: a reprint of an earlier copy.
    public var isReprint: Bool
    /// Where the QR code points; the case number is appended. Configuration, not personal data.
    public var progressLookupBase: String

    public static let defaultProgressLookupBase = "https://ywtb.example.gov.cn/progress?no="

    public init(filedCase: FiledCase, printedAt: Date, isReprint: Bool = false,
                progressLookupBase: String = AcknowledgementReceipt.defaultProgressLookupBase) {
        self.filedCase = filedCase
        self.printedAt = printedAt
        self.isReprint = isReprint
        self.progressLookupBase = progressLookupBase
    }

    /// The number printed as the case number: the central one, or the local reference while queued.
    public var caseNumber: String { filedCase.centralCaseNumber ?? filedCase.localReference }

    public var context: TemplateContext {
        let c = filedCase
        let queued = c.centralCaseNumber == nil
        var values: [String: String] = [
            "case_number": caseNumber,
            "local_reference": c.localReference,
            "queued": queued ? "yes" : "",
            "filed_at": ReceiptTime.format(c.filedAt),
            "printed_at": ReceiptTime.format(printedAt),
            "reprint": isReprint ? "yes" : "",
            "terminal_id": c.terminalID,
            "hall": c.hall,
            "applicant_name": ReceiptPrivacy.name(c.applicant.name),
            "applicant_id_number": ReceiptPrivacy.idNumber(c.applicant.idNumber),
            "category": c.categoryTitle,
            "overall_limit": c.overallLimitText,
            "overall_due_date": c.overallDueDate?.chinese ?? "",
            "delivery": c.delivery ?? "",
            "delivery_address": "",
            "consultation_phone": c.consultationPhone ?? "",
            "progress_url": progressLookupBase + (caseNumber.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? caseNumber),
            "item_count": String(c.items.count),
        ]
        if c.delivery == "邮寄", let address = c.applicant.address, !address.isEmpty {
            values["delivery_address"] = ReceiptPrivacy.address(address)
        }
        var items: [[String: String]] = []
        for (index, item) in c.items.enumerated() {
            items.append([
                "index": String(index + 1),
                "title": item.title,
                "department": item.department,
                "limit": item.limitText,
                "due_date": item.dueDate?.chinese ?? "",
                "display_only": item.displayOnly ? "yes" : "",
            ])
        }
        var materials: [[String: String]] = []
        for (index, material) in c.materials.enumerated() {
            materials.append([
                "index": String(index + 1),
                "name": material.name,
                "form": material.form,
                "count": String(material.count),
                "for_items": material.forItems.joined(separator: "、"),
            ])
        }
        return TemplateContext(values: values, lists: ["items": items, "materials": materials])
    }

    public func document(template: ReceiptTemplate) throws(DataFileError) -> ReceiptDocument {
        try template.render(context)
    }
}
