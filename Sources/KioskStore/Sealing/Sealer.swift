import Crypto
import Foundation

/// Seals and opens personal data with AES-256-GCM.
///
/// Each value is bound to where it belongs (the case and the column, as associated data), so a
/// sealed blob copied into another case or another column does not open. Stored form: one
/// format byte, then the 12-byte nonce, the ciphertext and the 16-byte tag.
struct Sealer: Sendable {
    static let formatVersion: UInt8 = 1

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

    func seal(_ plaintext: Data, _ context: Context) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: key.key, authenticating: context.associatedData)
        guard let combined = box.combined else { throw CryptoKitError.incorrectParameterSize }
        return Data([Self.formatVersion]) + combined
    }

    /// Opens a sealed value; nil when the format, the key, the context or the bytes do not match.
    func open(_ sealed: Data, _ context: Context) -> Data? {
        guard sealed.first == Self.formatVersion,
              let box = try? AES.GCM.SealedBox(combined: sealed.dropFirst()) else { return nil }
        return try? AES.GCM.open(box, using: key.key, authenticating: context.associatedData)
    }
}
