import Crypto
import Foundation
import KioskDomain
import KioskStore

/// The shared secret a terminal signs its requests with. Kept in a key file: 64 hex characters
/// (32 bytes) on one line, created with mode 0600. Never logged, never printed.
public struct TerminalSecret: Sendable {
    let key: SymmetricKey

    public init(bytes: some ContiguousBytes) {
        self.key = SymmetricKey(data: bytes)
    }

    /// A new random 256-bit secret.
    public static func generate() -> TerminalSecret {
        TerminalSecret(key: SymmetricKey(size: .bits256))
    }

    private init(key: SymmetricKey) { self.key = key }

    /// The secret as the key file holds it.
    public var hex: String { key.withUnsafeBytes { Hex.lowercase($0) } }

    /// Reads a key file; says which file and what was wrong when it cannot be used. The file
    /// must be a regular file (not a link) owned by this user with no group or other access.
    public static func load(from path: String) throws(DataFileError) -> TerminalSecret {
        let data: Data
        do {
            data = try PrivateFile.load(path)
        } catch {
            throw DataFileError(file: path, key: "", expected: "a private terminal key file (mode 0600, owned by this user)",
                                found: error.description)
        }
        let trimmed = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Self.decodeHex(trimmed), bytes.count >= 16 else {
            throw DataFileError(file: path, key: "",
                                expected: "at least 32 hexadecimal characters (the terminal's secret)",
                                found: "\(trimmed.count) characters")
        }
        return TerminalSecret(bytes: bytes)
    }

    /// Writes a new key file created with mode 0600 in one step (O_EXCL: never overwrites an
    /// existing file, never follows a link).
    public func write(to path: String) throws {
        do {
            try PrivateFile.create(path, contents: Data((hex + "\n").utf8))
        } catch {
            throw DataFileError(file: path, key: "", expected: "a new key file (a key is never overwritten)", found: error.description)
        }
    }

    static func decodeHex(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chars.count / 2)
        var index = 0
        while index < chars.count {
            guard let high = hexValue(chars[index]), let low = hexValue(chars[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
