import Foundation

/// The text form of the technician PIN's salted slow hash, as `kioskctl technician pin-hash`
/// prints it and `[technician] pin_hash` keeps it: `pbkdf2-sha256$ROUNDS$SALT_HEX$HASH_HEX`.
///
/// Only the shape lives here (the configuration checks it at start, so a mistyped hash fails
/// with the key named instead of locking every technician out); deriving and comparing is the
/// host's `TechnicianPIN`, which owns the cryptography.
public struct PINHashText: Sendable, Equatable {
    /// OWASP's figure for PBKDF2-HMAC-SHA256: fewer rounds make the 10⁶ six-digit PINs a quick search.
    public static let minimumRounds = 210_000
    /// What a configuration error says was expected.
    public static let expected = "pbkdf2-sha256$ROUNDS$SALT_HEX$HASH_HEX (from kioskctl technician pin-hash)"

    public let rounds: Int
    public let salt: [UInt8]
    public let hash: [UInt8]

    /// Nil unless `text` has the four parts, rounds ≥ `minimumRounds`, a salt of at least 16
    /// bytes and a 32-byte hash, all in lowercase or uppercase hex.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", parts[1].count <= 9, let rounds = Int(parts[1]),
              rounds >= Self.minimumRounds, let salt = Self.hex(parts[2]), salt.count >= 16,
              let hash = Self.hex(parts[3]), hash.count == 32 else { return nil }
        self.rounds = rounds
        self.salt = salt
        self.hash = hash
    }

    public init(rounds: Int, salt: [UInt8], hash: [UInt8]) {
        self.rounds = rounds
        self.salt = salt
        self.hash = hash
    }

    public var text: String {
        "pbkdf2-sha256$\(rounds)$\(salt.map { String(format: "%02x", $0) }.joined())$\(hash.map { String(format: "%02x", $0) }.joined())"
    }

    private static func hex(_ text: Substring) -> [UInt8]? {
        guard text.count % 2 == 0, text.count <= 256 else { return nil }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
