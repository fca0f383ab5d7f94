import Foundation
import KioskDomain

/// How each form field is entered on the touchscreen — the reform's "nothing typed twice, nothing
/// typed that a list can give": card fields are prefilled and locked, numbers come from the
/// keypad, choices are buttons, places come from the division picker, and Chinese is typed only
/// where no list can serve. Data (`Assets/ui/fields.json`), not code per region.
public struct FieldInputs: Sendable {
    public enum Kind: String, Sendable, Codable {
        /// Read from the ID card (or the manual entry), shown locked.
        case card
        case idNumber, phone, bankCard, digits, date, month
        /// One of a list of buttons (the field's own choices, else `options`).
        case choice
        /// Province → city → county from the current division codes.
        case place
        /// Free text: a system input method or a hardware keyboard (the pinyin keyboard plugs in here).
        case text
    }

    public struct Entry: Sendable, Codable, Equatable {
        public var kind: Kind
        public var options: [String]?
        /// For `card`: which card value fills it (`name`, `sex`, `ethnicity`, `birthDate`, `idNumber`, `address`).
        public var from: String?
    }

    public let entries: [String: Entry]

    public init(entries: [String: Entry]) { self.entries = entries }

    /// Text unless the table says otherwise (a new field in a profile still works, typed).
    public func entry(for code: String) -> Entry { entries[code] ?? Entry(kind: .text) }

    public static func load(from assets: AssetDirectory) throws(DataFileError) -> FieldInputs {
        let url = assets.url("ui/fields.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataFileError(file: url.path, key: "", expected: "the field input table (JSON object of field code → {kind})")
        }
        do {
            var entries = try JSONDecoder().decode([String: Entry].self, from: data)
            entries.removeValue(forKey: "_comment")
            return FieldInputs(entries: entries)
        } catch let DecodingError.dataCorrupted(context) {
            throw DataFileError(file: url.path, key: DataFileError.keyPath(context.codingPath), expected: context.debugDescription)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw DataFileError(file: url.path, key: DataFileError.keyPath(context.codingPath), expected: context.debugDescription)
        } catch let DecodingError.keyNotFound(key, context) {
            throw DataFileError(file: url.path, key: DataFileError.keyPath(context.codingPath + [key]), expected: "key \(key.stringValue)")
        } catch {
            throw DataFileError(file: url.path, key: "", expected: "JSON: \(error)")
        }
    }
}
