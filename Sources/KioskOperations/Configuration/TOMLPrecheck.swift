import KioskDomain

/// Refuses, before toml++ sees them, the few malformed shapes on which toml++ 3.x (inside TOMLKit
/// 0.6.0) trips an internal assertion instead of reporting a parse error — found by the fuzz test
/// (`ConfigurationTests.mutatedFilesFailCleanly`): a key position (after `[`, `[[` or a `.` of a
/// dotted key) that does not start a bare or quoted key (`[#x]`, `[,x]`, `a. = 1`).
///
/// kioskd's configuration has no arrays or multi-line strings, so a line whose first character
/// is `[` is a table header here and the check cannot refuse a valid file of ours.
enum TOMLPrecheck {
    static func check(_ text: String, file: String) throws(DataFileError) {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let scalars = Array(line.unicodeScalars.drop(while: { $0 == " " || $0 == "\t" }))
            guard let first = scalars.first, first != "#" else { continue }
            var positions: [Int] = []
            if first == "[" {
                positions.append(scalars.count > 1 && scalars[1] == "[" ? 2 : 1)
            }
            // Dots outside quotes before the `=` (or the `]` of a header) start a key part.
            var quote: Unicode.Scalar?
            for (index, scalar) in scalars.enumerated() {
                if let open = quote {
                    if scalar == open { quote = nil }
                    continue
                }
                if scalar == "\"" || scalar == "'" { quote = scalar; continue }
                if scalar == "=" || scalar == "]" || scalar == "#" { break }
                if scalar == "." { positions.append(index + 1) }
            }
            for position in positions {
                let rest = scalars[min(position, scalars.count)...].drop(while: { $0 == " " || $0 == "\t" })
                guard let next = rest.first, isKeyStart(next) else {
                    throw DataFileError(file: file, key: "", expected: "valid TOML",
                                        found: "a missing key name at line \(lineNumber), column \(position + 1)")
                }
            }
        }
    }

    /// A bare key character (ASCII letters, digits, `-`, `_`) or a quote.
    static func isKeyStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "-_\"'".unicodeScalars.contains(scalar)
    }
}
