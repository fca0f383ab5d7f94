import Crypto
import CryptoExtras
import Foundation
import KioskDomain
import KioskOperations

/// The technician PIN as the configuration keeps it: never the PIN, only a salted slow hash —
/// PBKDF2-HMAC-SHA256 with a per-terminal random salt and at least 210 000 rounds (OWASP's
/// figure for this function), so a copied configuration file does not give the PIN away to a
/// quick search of the 10⁶ six-digit PINs.
///
/// Text form: `pbkdf2-sha256$ROUNDS$SALT_HEX$HASH_HEX` (one line, the `technician.pin_hash` value).
public struct TechnicianPIN: Sendable, Equatable {
    public static let minimumRounds = PINHashText.minimumRounds
    public let rounds: Int
    public let salt: [UInt8]
    public let hash: [UInt8]

    /// Hashes a new PIN (4–12 digits) with a fresh random salt.
    public static func make(pin: String, rounds: Int = minimumRounds) throws(DataFileError) -> TechnicianPIN {
        guard (4...12).contains(pin.count), pin.allSatisfy(\.isASCII), pin.allSatisfy(\.isNumber) else {
            throw DataFileError(file: "PIN", key: "pin", expected: "4 to 12 digits", found: "\(pin.count) characters")
        }
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return TechnicianPIN(rounds: rounds, salt: salt, hash: derive(pin, salt: salt, rounds: rounds))
    }

    init(rounds: Int, salt: [UInt8], hash: [UInt8]) {
        self.rounds = rounds
        self.salt = salt
        self.hash = hash
    }

    /// Reads the text form, naming what is wrong (the key is `technician.pin_hash`).
    public static func parse(_ text: String, file: String = "configuration") throws(DataFileError) -> TechnicianPIN {
        guard let parsed = PINHashText(text) else {
            throw DataFileError(file: file, key: "technician.pin_hash", expected: PINHashText.expected, found: String(text.prefix(24)) + "…")
        }
        return TechnicianPIN(rounds: parsed.rounds, salt: parsed.salt, hash: parsed.hash)
    }

    public var text: String { PINHashText(rounds: rounds, salt: salt, hash: hash).text }

    /// Whether `pin` is this PIN; the comparison takes the same time whatever the input.
    public func matches(_ pin: String) -> Bool {
        let candidate = Self.derive(pin, salt: salt, rounds: rounds)
        var difference: UInt8 = 0
        for (a, b) in zip(candidate, hash) { difference |= a ^ b }
        return difference == 0 && candidate.count == hash.count
    }

    private static func derive(_ pin: String, salt: [UInt8], rounds: Int) -> [UInt8] {
        // Rounds are checked at parse and make; the call cannot fail for SHA-256 and 32 bytes.
        let key = try? KDF.Insecure.PBKDF2.deriveKey(from: Array(pin.utf8), salt: salt, using: .sha256, outputByteCount: 32,
                                                     unsafeUncheckedRounds: rounds)
        return key.map { $0.withUnsafeBytes { Array($0) } } ?? []
    }
}
