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

    /// Digits written in groups still add up: `138 0013 8000`, `6222-0202-0000-1234`. A run may
    /// hold single spaces or dashes between digits; such a grouped run is replaced when it holds
    /// `groupedDigitThreshold` digits in all (a phone has 11) or any group reaches
    /// `digitRunThreshold`. Dates (`2026-11-23`, 8 digits) stay.
    static let groupedDigitThreshold = 11

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}" || scalar == "\u{2013}"
            || scalar == "\u{FF0D}" || scalar == "\u{3000}"
    }

    /// Replaces each run of digits (ASCII or full-width, possibly grouped by single separators)
    /// that is long enough to be an ID number, phone or account by `replacement`, together with
    /// an X or x right after it (the check character of an ID number); shorter runs are kept.
    static func replacingDigitRuns(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var digitsInText = 0
        for scalar in scalars where isDigit(scalar) { digitsInText += 1 }
        guard digitsInText >= digitRunThreshold else { return text }
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) else {
                output.append(scalars[index])
                index += 1
                continue
            }
            // A run: digits, and single separators that have a digit on both sides.
            var end = index, digits = 0, group = 0, longestGroup = 0
            while end < scalars.count {
                if isDigit(scalars[end]) {
                    digits += 1
                    group += 1
                    longestGroup = max(longestGroup, group)
                    end += 1
                } else if isSeparator(scalars[end]), end + 1 < scalars.count, isDigit(scalars[end + 1]) {
                    group = 0
                    end += 1
                } else {
                    break
                }
            }
            if longestGroup >= digitRunThreshold || digits >= groupedDigitThreshold {
                output.append(contentsOf: replacement.unicodeScalars)
                if end < scalars.count, scalars[end] == "X" || scalars[end] == "x" { end += 1 }
            } else {
                output.append(contentsOf: scalars[index..<end])
            }
            index = end
        }
        return String(output)
    }
}
