import Foundation

/// Removes what looks like personal data from free text before it is stored in clear columns
/// (a delivery error from the server, a device event's detail).
///
/// Two rules: the case's own personal values, when known, are replaced wherever they occur; and
/// any run of six or more digits (ID numbers, phones, bank accounts, with an optional trailing X)
/// is replaced, since such text can echo an applicant's data. Control characters are dropped and
/// the text is capped, so a hostile server answer cannot flood the database or a terminal.
public enum PersonalDataScrubber {
    public static let replacement = "[已隐去]"
    public static let maximumLength = 500

    public static func scrub(_ text: String, knownValues: [String] = []) -> String {
        var result = String(String.UnicodeScalarView(text.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) || $0 == " " }))
        for value in knownValues.map({ $0.trimmingCharacters(in: .whitespaces) }).filter({ $0.count >= 2 }).sorted(by: { $0.count > $1.count }) {
            result = result.replacingOccurrences(of: value, with: replacement)
        }
        result = result.replacing(#/[0-9０-９]{6,}[Xx]?/#, with: replacement)
        if result.count > maximumLength { result = String(result.prefix(maximumLength)) + "…" }
        return result
    }
}
