import Crypto
import Foundation

/// Seals and opens personal data with AES-256-GCM.
///
/// Each value is bound to where it belongs (the case and the column, as associated data), so a
/// sealed blob copied into another case or another column does not open.
///
/// Stored forms, told apart by the first byte:
/// - format 2 (every case stored since case keys exist): `02`, the 8-byte id of the case's data
///   key (`CaseKey`), then the 12-byte nonce, the ciphertext and the 16-byte tag; the key id is
///   part of the associated data too.
/// - format 1: `01`, nonce, ciphertext, tag, sealed directly under the master key. Used for the
///   key check record, and still opened for cases stored before case keys (they stay readable;
///   they simply cannot be crypto-shredded, only purged).
struct Sealer: Sendable {
    static let masterFormat: UInt8 = 1
    static let caseKeyFormat: UInt8 = 2

    /// The master key: it wraps case keys and seals the key check.
    let key: SealingKey

    /// Where a sealed value lives; its associated data.
    enum Context: Sendable {
        case keyCheck
        case applicant(UUID)
        case photo(UUID)
        case field(UUID, position: Int)
        case response(UUID)

        var associatedData: Data {
            switch self {
            case .keyCheck: Data("onestop-kiosk/v1/key-check".utf8)
            case .applicant(let id): Data("onestop-kiosk/v1/\(id.uuidString)/applicant".utf8)
            case .photo(let id): Data("onestop-kiosk/v1/\(id.uuidString)/photo".utf8)
            case .field(let id, let position): Data("onestop-kiosk/v1/\(id.uuidString)/field/\(position)".utf8)
            case .response(let id): Data("onestop-kiosk/v1/\(id.uuidString)/response".utf8)
            }
        }
    }

    /// Seals under the master key (format 1): the key check only.
    func seal(_ plaintext: Data, _ context: Context) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: key.key, authenticating: context.associatedData)
        guard let combined = box.combined else { throw CryptoKitError.incorrectParameterSize }
        return Data([Self.masterFormat]) + combined
    }

    /// Seals under a case's data key (format 2).
    func seal(_ plaintext: Data, _ context: Context, with caseKey: CaseKey) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: caseKey.key, authenticating: context.associatedData + caseKey.id)
        guard let combined = box.combined else { throw CryptoKitError.incorrectParameterSize }
        return Data([Self.caseKeyFormat]) + caseKey.id + combined
    }

    /// Opens a sealed value of either format; nil when the format, the key, the context or the
    /// bytes do not match — and for format 2 when the case's key is gone (purged).
    func open(_ sealed: Data, _ context: Context, caseKey: CaseKey? = nil) -> Data? {
        switch sealed.first {
        case Self.masterFormat:
            guard let box = try? AES.GCM.SealedBox(combined: sealed.dropFirst()) else { return nil }
            return try? AES.GCM.open(box, using: key.key, authenticating: context.associatedData)
        case Self.caseKeyFormat:
            let body = sealed.dropFirst()
            guard let caseKey, body.count > CaseKey.idLength, body.prefix(CaseKey.idLength) == caseKey.id,
                  let box = try? AES.GCM.SealedBox(combined: body.dropFirst(CaseKey.idLength)) else { return nil }
            return try? AES.GCM.open(box, using: caseKey.key, authenticating: context.associatedData + caseKey.id)
        default:
            return nil
        }
    }
}
