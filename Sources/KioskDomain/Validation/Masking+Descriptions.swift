import Foundation

/// The masked descriptions and mirrors shared by every type that carries an applicant (the
/// stored case, the wire submission), so each describes itself the same way.
extension Masking {
    /// `Applicant(王** 110***********002X 138****8000 重庆市渝北区**** photo 2058 bytes)`
    public static func applicantDescription(name: String, idNumber: String, phone: String?, address: String?,
                                            photoBytes: Int?) -> String {
        var parts = [Masking.name(name), Masking.idNumber(idNumber)]
        if let phone { parts.append(Masking.phone(phone)) }
        if let address { parts.append(Masking.address(address)) }
        if let photoBytes { parts.append("photo \(photoBytes) bytes") }
        return "Applicant(" + parts.joined(separator: " ") + ")"
    }

    /// A mirror of an applicant with only masked values (what `dump` and debuggers show).
    public static func applicantMirror(_ subject: Any, name: String, idNumber: String, phone: String?, address: String?,
                                       photoBytes: Int?) -> Mirror {
        Mirror(subject, children: ["name": Masking.name(name), "idNumber": Masking.idNumber(idNumber),
                                   "phone": phone.map(Masking.phone) as Any, "address": address.map(Masking.address) as Any,
                                   "photoBytes": photoBytes as Any], displayStyle: .struct)
    }

    /// A form field's value as it may be shown: hidden whole when personal.
    public static func fieldValue(_ value: String, personal: Bool) -> String {
        personal ? String(repeating: "*", count: min(value.count, 8)) : value
    }
}
