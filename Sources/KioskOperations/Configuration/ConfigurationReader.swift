import Foundation
import KioskDomain
import TOMLKit

/// Reads one TOML table, key by key, and turns every wrong value into a `DataFileError` naming the
/// file, the dotted key, what the key takes and what was there.
///
/// Unknown keys are refused too: a misspelt `idle_secnods` silently ignored would leave the
/// default in force and nobody the wiser.
struct ConfigurationReader {
    let file: String
    let table: TOMLTable
    let prefix: String

    func key(_ name: String) -> String { prefix.isEmpty ? name : prefix + "." + name }

    func refuseUnknownKeys(allowed: [String]) throws(DataFileError) {
        for name in table.keys.sorted() where !allowed.contains(name) {
            throw DataFileError(file: file, key: key(name), expected: "one of the keys " + allowed.joined(separator: ", "),
                                found: "an unknown key")
        }
    }

    func section(_ name: String) throws(DataFileError) -> ConfigurationReader? {
        guard let value = table[name] else { return nil }
        guard let sub = value.table else { throw mismatch(name, expected: "a table [\(key(name))]", value) }
        return ConfigurationReader(file: file, table: sub, prefix: key(name))
    }

    func string(_ name: String) throws(DataFileError) -> String? {
        guard let value = table[name] else { return nil }
        guard let text = value.string else { throw mismatch(name, expected: "a string", value) }
        return text
    }

    /// A string that means "not set" when empty.
    func optionalString(_ name: String) throws(DataFileError) -> String?? {
        guard let text = try string(name) else { return nil }
        return .some(text.isEmpty ? nil : text)
    }

    func bool(_ name: String) throws(DataFileError) -> Bool? {
        guard let value = table[name] else { return nil }
        guard let flag = value.bool else { throw mismatch(name, expected: "true or false", value) }
        return flag
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(DataFileError) -> Int? {
        guard let value = table[name] else { return nil }
        guard let number = value.int else { throw mismatch(name, expected: "an integer from \(range.lowerBound) to \(range.upperBound)", value) }
        guard range.contains(number) else {
            throw DataFileError(file: file, key: key(name), expected: "an integer from \(range.lowerBound) to \(range.upperBound)",
                                found: "\(number)")
        }
        return number
    }

    func seconds(_ name: String, in range: ClosedRange<Int>) throws(DataFileError) -> Duration? {
        try integer(name, in: range).map { .seconds($0) }
    }

    func fail(_ name: String, expected: String, found: String) -> DataFileError {
        DataFileError(file: file, key: key(name), expected: expected, found: found)
    }

    private func mismatch(_ name: String, expected: String, _ value: TOMLValueConvertible) -> DataFileError {
        DataFileError(file: file, key: key(name), expected: expected, found: Self.describe(value))
    }

    /// What was found, short enough for one line: the type and, for scalars, the value.
    static func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: "the string \"\(String(value.string!.prefix(60)))\""
        case .int: "the integer \(value.int!)"
        case .double: "the number \(value.double!)"
        case .bool: "\(value.bool!)"
        case .table: "a table"
        case .array: "an array"
        case .date, .time, .dateTime: "a date or time"
        }
    }
}
