import Foundation
import KioskDomain

/// Reads a `FiledCase` from a JSON file (`kioskctl receipt render --case CASE.json`).
///
/// `filedAt` may be an ISO-8601 instant (`"2026-11-23T02:30:00Z"`, what people write and what
/// the sample uses) or a number (what `JSONEncoder` writes by default: seconds since
/// 2001-01-01T00:00:00Z). Every error names the file and the key.
public enum CaseFile {
    public static func load(from url: URL) throws(DataFileError) -> FiledCase {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DataFileError(file: url.path, key: "", expected: "a readable case file", found: (error as NSError).localizedDescription)
        }
        return try decode(data, file: url.path)
    }

    public static func decode(_ data: Data, file: String) throws(DataFileError) -> FiledCase {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSinceReferenceDate: seconds) }
            let text = try container.decode(String.self)
            let plain = ISO8601DateFormatter()
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = plain.date(from: text) ?? fractional.date(from: text) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an ISO-8601 instant like 2026-11-23T02:30:00Z, found \"\(text)\"")
        }
        let filedCase: FiledCase
        do {
            filedCase = try decoder.decode(FiledCase.self, from: data)
        } catch {
            throw DataFileError.from(error, file: file)
        }
        if filedCase.items.isEmpty {
            throw DataFileError(file: file, key: "items", expected: "at least one item", found: "an empty list")
        }
        return filedCase
    }

    /// The fixed, made-up sample acknowledgement (`--sample`): `Assets/receipts/sample-case.json`.
    public static func sample(assets: AssetDirectory) throws(DataFileError) -> FiledCase {
        try load(from: assets.url("receipts/sample-case.json"))
    }
}
