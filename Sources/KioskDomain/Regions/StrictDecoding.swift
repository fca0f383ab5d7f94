import Foundation

/// Helpers that make the region profiles' decoding strict: a misspelt key or an unknown enum value
/// is a `DataFileError` naming the key path, never silently ignored (a typo such as `materails`
/// would otherwise drop every material of an item without a word).

/// Any key of a JSON object, for listing what a document actually contains.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

extension Decoder {
    /// Throws when the object being decoded has a key outside `keys`.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let known = Set(Keys.allCases.map(\.stringValue))
        for key in container.allKeys where !known.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath + [key],
                debugDescription: "one of the keys \(known.sorted().joined(separator: ", ")) (\"\(key.stringValue)\" is not part of the schema)"))
        }
    }
}

extension KeyedDecodingContainer {
    /// A list that may be left out of the file; absent means empty.
    func list<T: Decodable>(_ key: Key) throws -> [T] {
        try decodeIfPresent([T].self, forKey: key) ?? []
    }
}

/// A string enum whose decoding failure lists the accepted values.
public protocol StrictStringEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension StrictStringEnum {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "one of \(Self.allCases.map(\.rawValue).joined(separator: ", ")) (found \"\(raw)\")")
        }
        self = value
    }
}
