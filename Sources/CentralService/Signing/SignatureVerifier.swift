import Crypto
import Foundation

/// Checks a signed request on the server side: known terminal, fresh timestamp, body hash,
/// HMAC. Nonce uniqueness is checked by the caller (it needs durable storage) after this passes.
public struct SignatureVerifier: Sendable {
    /// Why a request is refused; each maps to HTTP 401 with its own code.
    public enum Failure: Error, Equatable, Sendable {
        case missingHeader(String)
        case unknownTerminal
        case staleTimestamp(skewSeconds: Int64)
        case malformedNonce
        case bodyHashMismatch
        case badSignature
        case replayedNonce

        public var code: String {
            switch self {
            case .missingHeader: "unsigned"
            case .unknownTerminal: "unknown_terminal"
            case .staleTimestamp: "stale_timestamp"
            case .malformedNonce: "malformed_nonce"
            case .bodyHashMismatch: "body_hash_mismatch"
            case .badSignature: "bad_signature"
            case .replayedNonce: "replayed_nonce"
            }
        }

        public var message: String {
            switch self {
            case .missingHeader(let name): "请求未签名：缺少 \(name)"
            case .unknownTerminal: "未登记的终端"
            case .staleTimestamp(let skew): "请求时间戳超出允许范围（相差 \(skew) 秒）"
            case .malformedNonce: "随机数格式不正确"
            case .bodyHashMismatch: "请求体摘要与内容不符"
            case .badSignature: "签名校验失败"
            case .replayedNonce: "重复的请求（随机数已使用）"
            }
        }
    }

    /// How far a timestamp may be from the server's clock, either way.
    public var window: TimeInterval
    private let keys: [String: SymmetricKey]

    public init(secrets: [String: TerminalSecret], window: TimeInterval = 300) {
        self.keys = secrets.mapValues(\.key)
        self.window = window
    }

    public var terminalIDs: [String] { keys.keys.sorted() }

    /// Verifies and returns the parsed signature; `header` looks a header up by name.
    public func verify(method: String, path: String, body: some DataProtocol, now: Date,
                       header: (String) -> String?) throws(Failure) -> RequestSignature {
        func required(_ name: String) throws(Failure) -> String {
            guard let value = header(name), !value.isEmpty else { throw .missingHeader(name) }
            return value
        }
        let terminal = try required(Wire.terminal)
        let timestampText = try required(Wire.timestamp)
        let nonce = try required(Wire.nonce)
        let claimedHash = try required(Wire.contentSHA256).lowercased()
        let signature = try required(Wire.signature).lowercased()
        guard let key = keys[terminal] else { throw .unknownTerminal }
        guard let timestamp = Int64(timestampText) else { throw .staleTimestamp(skewSeconds: Int64.max) }
        let skew = Int64(now.timeIntervalSince1970.rounded(.down)) - timestamp
        guard abs(Double(skew)) <= window else { throw .staleTimestamp(skewSeconds: skew) }
        guard (16...128).contains(nonce.utf8.count),
              nonce.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { throw .malformedNonce }
        let actualHash = RequestSignature.sha256Hex(body)
        guard actualHash == claimedHash else { throw .bodyHashMismatch }
        let canonical = RequestSignature.canonicalString(method: method, path: path, timestamp: timestamp,
                                                        nonce: nonce, contentSHA256: actualHash)
        guard let mac = TerminalSecret.decodeHex(signature),
              HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(canonical.utf8), using: key)
        else { throw .badSignature }
        return RequestSignature(terminalID: terminal, timestamp: timestamp, nonce: nonce,
                                contentSHA256: actualHash, signature: signature)
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }
}
