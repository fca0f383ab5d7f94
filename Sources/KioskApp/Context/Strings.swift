import Foundation
import KioskDomain

/// Every string the screens show, from one zh-CN file under Assets (`ui/zh-CN.json`), so the
/// hall's wording can be corrected without touching code and no screen hides a literal.
public struct Strings: Sendable {
    private let table: [String: String]

    public init(table: [String: String]) { self.table = table }

    /// Loads `ui/zh-CN.json`; a missing or malformed file names the file and what was expected.
    public static func load(from assets: AssetDirectory) throws(DataFileError) -> Strings {
        let url = assets.url("ui/zh-CN.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataFileError(file: url.path, key: "", expected: "the kiosk's UI strings (JSON object of key → text)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: String] else {
            throw DataFileError(file: url.path, key: "", expected: "a JSON object whose values are all strings")
        }
        return Strings(table: object)
    }

    /// The text for `key` with `{0}`, `{1}` … replaced by `arguments`. An unknown key shows the
    /// key itself (visible in screenshots and tests, never a crash).
    public func callAsFunction(_ key: String, _ arguments: String...) -> String {
        var text = table[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    /// Whether the table has `key` (for the test that every key the screens use exists).
    public func has(_ key: String) -> Bool { table[key] != nil }
}
