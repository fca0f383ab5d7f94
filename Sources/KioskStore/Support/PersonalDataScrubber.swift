import Foundation

/// Removes what looks like personal data from free text before it is stored in clear columns
/// (a delivery error from the server, a device event's detail).
///
/// Two rules: the case's own personal values, when known, are replaced wherever they occur; and
/// any run of six or more digits (ID numbers, phones, bank accounts, with an optional trailing X)
/// is replaced, since such text can echo an applicant's data. Control characters are dropped and
/// the text is capped, so a hostile server answer cannot flood the database or a terminal.
///
/// Every audit row passes through here, so the digit rule is a single pass over the scalars
/// rather than a `Regex` (which cost more than the rest of an acknowledgement's write).
public enum PersonalDataScrubber {
    public static let replacement = "[已隐去]"
    public static let maximumLength = 500
    /// Shorter runs of digits stay: dates, counts, HTTP statuses, item numbers.
    static let digitRunThreshold = 6

    public static func scrub(_ text: String, knownValues: [String] = []) -> String {
        var result = text
        if result.unicodeScalars.contains(where: isDropped) {
            result = String(String.UnicodeScalarView(result.unicodeScalars.filter { !isDropped($0) }))
        }
        for value in knownValues.map({ $0.trimmingCharacters(in: .whitespaces) }).filter({ $0.count >= 2 })
            .sorted(by: { $0.count > $1.count }) where result.contains(value) {
            result = result.replacingOccurrences(of: value, with: replacement)
        }
        result = replacingDigitRuns(result)
        if result.count > maximumLength { result = String(result.prefix(maximumLength)) + "…" }
        return result
    }

    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        scalar != " " && CharacterSet.controlCharacters.contains(scalar)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("\u{FF10}"..."\u{FF19}").contains(scalar)
    }

    /// Replaces each run of `digitRunThreshold` or more ASCII or full-width digits, with an X or x
    /// right after it, by `replacement`; shorter runs are kept as they are.
    static func replacingDigitRuns(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var longest = 0, run = 0
        for scalar in scalars {
            run = isDigit(scalar) ? run + 1 : 0
            longest = max(longest, run)
        }
        guard longest >= digitRunThreshold else { return text }
        var output = String.UnicodeScalarView()
        var pending = String.UnicodeScalarView()
        var replacedRun = false
        for scalar in scalars {
            if isDigit(scalar) {
                pending.append(scalar)
                continue
            }
            if pending.count >= digitRunThreshold {
                output.append(contentsOf: replacement.unicodeScalars)
                replacedRun = true
            } else {
                output.append(contentsOf: pending)
                replacedRun = false
            }
            pending.removeAll(keepingCapacity: true)
            // The check character of an ID number belongs to the run it ends.
            if replacedRun, scalar == "X" || scalar == "x" {
                replacedRun = false
                continue
            }
            replacedRun = false
            output.append(scalar)
        }
        if pending.count >= digitRunThreshold {
            output.append(contentsOf: replacement.unicodeScalars)
        } else {
            output.append(contentsOf: pending)
        }
        return String(output)
    }
}
