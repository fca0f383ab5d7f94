import Crypto
import Foundation
import GRDB
import KioskDomain

/// The key under which an applicant's ID number is stored for lookup: HMAC-SHA256 with a secret
/// of this server, never a plain hash.
///
/// Why: there are only about 10⁹ valid ID numbers (region, birth date, sequence, check digit),
/// so a plain SHA-256 column is reversed by hashing them all in an afternoon. With a secret the
/// column is useless to whoever copies the database without the secret. The secret is made once,
/// when the database is created (or migrated), and kept in it: central-sim is a reference
/// implementation, and the real service would keep it in its key store instead.
struct IDNumberLookupKey: Sendable {
    static let secretName = "id_number_lookup"
    private let key: SymmetricKey

    init(secret: Data) { key = SymmetricKey(data: secret) }

    func digest(_ idNumber: String) -> String {
        Self.digest(idNumber, key: key)
    }

    static func digest(_ idNumber: String, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(idNumber.uppercased().utf8), using: key)
        return Hex.lowercase(mac)
    }

    /// Reads the secret, which the migrations guarantee to exist.
    static func load(_ db: Database) throws -> IDNumberLookupKey {
        guard let secret = try Data.fetchOne(db, sql: "SELECT value FROM secrets WHERE name = ?", arguments: [secretName]) else {
            throw DatabaseError(message: "secrets.\(secretName) is missing")
        }
        return IDNumberLookupKey(secret: secret)
    }
}
