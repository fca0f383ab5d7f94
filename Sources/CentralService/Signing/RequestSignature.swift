import Crypto
import Foundation
import KioskDomain

/// HMAC-SHA256 request signing with the terminal's secret.
///
/// The signature covers the method, the path (with its query), the timestamp, the nonce and the
/// SHA-256 of the body, so a captured request cannot be replayed (nonce), kept for later (the
/// timestamp window) or altered (any byte of the body or path changes the signature).
///
/// Canonical string, lines joined by `\n`:
/// ```
/// KIOSK-HMAC-SHA256
/// POST
/// /v1/cases
/// 1795400000
/// 3q2-7w…
/// e3b0c442…   (lower-case hex SHA-256 of the body; of the empty string for GET)
/// ```
public struct RequestSignature: Sendable, Equatable {
    public static let algorithm = "KIOSK-HMAC-SHA256"

    public var principal: Principal
    /// Unix seconds.
    public var timestamp: Int64
    public var nonce: String
    public var contentSHA256: String
    /// Lower-case hex HMAC-SHA256.
    public var signature: String

    public init(principal: Principal, timestamp: Int64, nonce: String, contentSHA256: String, signature: String) {
        self.principal = principal
        self.timestamp = timestamp
        self.nonce = nonce
        self.contentSHA256 = contentSHA256
        self.signature = signature
    }

    public static func canonicalString(method: String, path: String, timestamp: Int64, nonce: String,
                                       contentSHA256: String) -> String {
        [algorithm, method.uppercased(), path, String(timestamp), nonce, contentSHA256].joined(separator: "\n")
    }

    public static func sha256Hex(_ body: some DataProtocol) -> String {
        Hex.lowercase(SHA256.hash(data: body))
    }

    /// The signing terminal; nil for a department's request.
    public var terminalID: String? { principal.terminalID }

    /// The headers to add to a request.
    public var headers: [(String, String)] {
        [principal.header, (Wire.timestamp, String(timestamp)), (Wire.nonce, nonce),
         (Wire.contentSHA256, contentSHA256), (Wire.signature, signature)]
    }
}

/// Signs requests for one terminal or one department.
public struct RequestSigner: Sendable {
    public let principal: Principal
    private let key: SymmetricKey

    public init(principal: Principal, secret: TerminalSecret) {
        self.principal = principal
        self.key = secret.key
    }

    public init(terminalID: String, secret: TerminalSecret) {
        self.init(principal: .terminal(terminalID), secret: secret)
    }

    /// Signs `method path` with `body` at `date`; the nonce is 16 random bytes unless given.
    public func sign(method: String, path: String, body: some DataProtocol, date: Date,
                     nonce: String = RequestSigner.makeNonce()) -> RequestSignature {
        let timestamp = Int64(date.timeIntervalSince1970.rounded(.down))
        let contentHash = RequestSignature.sha256Hex(body)
        let canonical = RequestSignature.canonicalString(method: method, path: path, timestamp: timestamp,
                                                        nonce: nonce, contentSHA256: contentHash)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(canonical.utf8), using: key)
        return RequestSignature(principal: principal, timestamp: timestamp, nonce: nonce,
                                contentSHA256: contentHash, signature: Hex.lowercase(mac))
    }

    /// 128 random bits, URL-safe: unique enough that a replay is the only way to repeat one.
    public static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Hex.lowercase(bytes)
    }
}
