import Foundation

/// A data or configuration file that cannot be used, said so that a technician can fix it:
/// which file, which key inside it, what was expected and what was found.
public struct DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// A dotted path to the offending value, e.g. `items[3].department`; empty for the whole file.
    public var key: String
    public var expected: String
    public var found: String?

    public init(file: String, key: String, expected: String, found: String? = nil) {
        self.file = file
        self.key = key
        self.expected = expected
        self.found = found
    }

    public var description: String {
        var text = "\(file)"
        if !key.isEmpty { text += ": \(key)" }
        text += ": expected \(expected)"
        if let found { text += ", found \(found)" }
        return text
    }
}

extension DataFileError {
    /// Renders a `CodingKey` path the way people write it: `items[3].materials[0].code`.
    public static func keyPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text
    }

    /// Translates Foundation's decoding errors into a `DataFileError` naming the file and key.
    public static func from(_ error: any Error, file: String) -> DataFileError {
        if let own = error as? DataFileError { return own }
        guard let decoding = error as? DecodingError else {
            return DataFileError(file: file, key: "", expected: "a readable JSON document",
                                 found: String(describing: error))
        }
        switch decoding {
        case let .keyNotFound(key, context):
            return DataFileError(file: file, key: keyPath(context.codingPath + [key]),
                                 expected: "a value (the key is missing)")
        case let .typeMismatch(type, context):
            return DataFileError(file: file, key: keyPath(context.codingPath),
                                 expected: "a value of type \(type)", found: context.debugDescription)
        case let .valueNotFound(type, context):
            return DataFileError(file: file, key: keyPath(context.codingPath),
                                 expected: "a value of type \(type)", found: "null")
        case let .dataCorrupted(context):
            let underlying = (context.underlyingError as NSError?)?.localizedDescription
            return DataFileError(file: file, key: keyPath(context.codingPath),
                                 expected: context.codingPath.isEmpty ? "valid JSON" : context.debugDescription,
                                 found: underlying ?? (context.codingPath.isEmpty ? context.debugDescription : nil))
        @unknown default:
            return DataFileError(file: file, key: "", expected: "a decodable document",
                                 found: String(describing: decoding))
        }
    }

    /// Reads and decodes one JSON data file; every failure names the file and the key.
    public static func decodeJSON<T: Decodable>(_ type: T.Type, at url: URL) throws(DataFileError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DataFileError(file: url.path, key: "", expected: "a readable file",
                                found: (error as NSError).localizedDescription)
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw from(error, file: url.path)
        }
    }
}
