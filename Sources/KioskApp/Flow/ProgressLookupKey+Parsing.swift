import Foundation
import KioskDomain

/// What the lookup field accepts. Outside bytes: the veteran's keypad and typing, and a USB HID
/// scanner that types the receipt's QR payload like a keyboard (the progress URL ending in
/// `no=<case number>`, or the bare number). Anything else is nil, never a crash.
extension ProgressLookupKey {
    /// The central case number's shape: `YJS-<division>-<yyyymmdd>-<sequence>`.
    static let caseNumberPattern = #"YJS-[0-9]{6}-[0-9]{8}-[0-9]{6}"#
    /// The kiosk's local reference (a case still queued): `<terminal>-<yyyymmdd>-<sequence>`.
    static let localReferencePattern = #"[A-Z]{2}-[A-Z0-9]+-[0-9]{2}-[0-9]{8}-[0-9]{4}"#

    /// Reads the field: an 18-character ID number (checked by the domain's rules), a case number
    /// typed as its 20 digits on the keypad, a case number or local reference anywhere in a
    /// scanned payload (percent-encoded or not).
    public static func parse(_ text: String, today: CivilDate, divisions: DivisionCodes) -> ProgressLookupKey? {
        let raw = String(text.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.prefix(512))
        let decoded = (raw.removingPercentEncoding ?? raw).uppercased()
        if let range = decoded.range(of: caseNumberPattern, options: .regularExpression) {
            return .caseNumber(String(decoded[range]))
        }
        if let range = decoded.range(of: localReferencePattern, options: .regularExpression) {
            return .caseNumber(String(decoded[range]))
        }
        let compact = decoded.filter { !$0.isWhitespace && $0 != "-" }
        if compact.count == 20, compact.allSatisfy(\.isASCIIDigit) {
            let digits = Array(compact)
            return .caseNumber("YJS-" + String(digits[0..<6]) + "-" + String(digits[6..<14]) + "-" + String(digits[14..<20]))
        }
        if compact.count == 18, let id = try? ResidentIDNumber(validating: compact, today: today, divisions: divisions) {
            return .idNumber(id.value)
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
