import Crypto
import Foundation

/// A case's own data key (AES-256): it seals that case's personal data, and it is stored only
/// wrapped (sealed) by the master key, in `case_keys`. Purging a case deletes the wrapped key.
///
/// Why per case (crypto-shredding): a purge NULLs the sealed columns, but copies of the old
/// ciphertext can survive elsewhere — WAL frames after a failed checkpoint, backups, remapped
/// SSD blocks. With one static key they would stay readable for as long as the key lives. With a
/// key per case, destroying its 60-byte wrapped form makes every copy of the ciphertext noise,
/// and after a master-key rotation (docs/security.md) even a backup that still holds the old
/// wrapped key is useless without the retired master key.
struct CaseKey: Sendable {
    /// 8 random bytes naming the key; written into every value it seals (format 2).
    let id: Data
    let key: SymmetricKey

    static let idLength = 8

    static func generate() -> CaseKey {
        var generator = SystemRandomNumberGenerator()
        return CaseKey(id: Data((0..<idLength).map { _ in UInt8.random(in: 0...255, using: &generator) }),
                       key: SymmetricKey(size: .bits256))
    }

    /// The key sealed under `master`, bound to its case and its id.
    func wrapped(by master: SealingKey, caseID: UUID) throws -> Data {
        let bytes = key.withUnsafeBytes { Data($0) }
        let box = try AES.GCM.seal(bytes, using: master.key, authenticating: Self.wrapContext(caseID: caseID, id: id))
        guard let combined = box.combined else { throw CryptoKitError.incorrectParameterSize }
        return combined
    }

    /// Unwraps a stored key; nil when the master key, the case or the bytes do not match.
    static func unwrap(_ wrapped: Data, id: Data, by master: SealingKey, caseID: UUID) -> CaseKey? {
        guard let box = try? AES.GCM.SealedBox(combined: wrapped),
              let bytes = try? AES.GCM.open(box, using: master.key, authenticating: wrapContext(caseID: caseID, id: id)),
              bytes.count == SealingKey.byteCount else { return nil }
        return CaseKey(id: id, key: SymmetricKey(data: bytes))
    }

    private static func wrapContext(caseID: UUID, id: Data) -> Data {
        Data("onestop-kiosk/v2/\(caseID.uuidString)/data-key/".utf8) + id
    }
}
