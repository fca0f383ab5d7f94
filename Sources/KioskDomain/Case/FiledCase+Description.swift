import Foundation

// A case holds an applicant's name, ID number, phone, address, photo and personal fields. Swift's
// default descriptions print every stored property, so one `"\(filed)"` in a log line, a failed
// test's message or `dump(filed)` would spill all of it. Like `IdentityCard`, these types describe
// themselves masked (GB/T 35273 展示限制), and reflect without the personal values.

extension FiledCase.Applicant: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        Masking.applicantDescription(name: name, idNumber: idNumber, phone: phone, address: address, photoBytes: photo?.count)
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Masking.applicantMirror(self, name: name, idNumber: idNumber, phone: phone, address: address, photoBytes: photo?.count)
    }
}

extension FiledCase.FieldValue: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "\(code)=\(Masking.fieldValue(value, personal: personal))" }
    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["code": code, "label": label, "value": Masking.fieldValue(value, personal: personal),
                                "departments": departments, "personal": personal], displayStyle: .struct)
    }
}

extension FiledCase: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "FiledCase(\(localReference) \(id.uuidString) \(region)/\(category) \(applicant) items=\(items.map(\.code)) "
            + "fields=\(fields.map(\.description)))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["id": id, "localReference": localReference, "centralCaseNumber": centralCaseNumber as Any,
                                "region": region, "category": category, "filedAt": filedAt, "terminalID": terminalID,
                                "applicant": applicant, "items": items.map(\.code), "fields": fields],
               displayStyle: .struct)
    }
}
