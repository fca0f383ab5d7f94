import Foundation
import KioskDomain

// The submission carries the same personal data as `FiledCase`; it describes and reflects itself
// masked for the same reason (see FiledCase+Description.swift).

extension CaseSubmission.Applicant: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        Masking.applicantDescription(name: name, idNumber: idNumber, phone: phone, address: address, photoBytes: photo?.count)
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Masking.applicantMirror(self, name: name, idNumber: idNumber, phone: phone, address: address, photoBytes: photo?.count)
    }
}

extension CaseSubmission.Field: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "\(code)=\(Masking.fieldValue(value, personal: personal))" }
    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["code": code, "label": label, "value": Masking.fieldValue(value, personal: personal),
                                "departments": departments, "personal": personal], displayStyle: .struct)
    }
}

extension CaseSubmission: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "CaseSubmission(\(localReference) \(caseId.uuidString) \(region)/\(category) \(applicant) "
            + "items=\(items.map(\.code)) fields=\(fields.map(\.description)))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["caseId": caseId, "localReference": localReference, "terminalId": terminalId,
                                "region": region, "category": category, "filedAt": filedAt, "applicant": applicant,
                                "items": items.map(\.code), "fields": fields], displayStyle: .struct)
    }
}
