import Crypto
import Foundation
import KioskDomain

/// Checks a signed request on the server side: known signer, fresh timestamp, body hash, HMAC.
/// Nonce uniqueness is checked by the caller (it needs durable storage) after this passes.
///
/// The check runs in two steps so that a server never buffers a body for a stranger:
/// `checkHeaders` needs only the headers (known signer, well-formed fresh timestamp and nonce,
/// well-formed hashes), and only then is the body read and `verify(_:method:path:body:)` run.
/// Every header is outside input: lengths and alphabets are checked before anything is parsed,
/// and numbers are range-checked before any arithmetic, so no header can trap the process.
public struct SignatureVerifier: Sendable {
    /// Why a request is refused; each maps to HTTP 401 with its own code.
    public enum Failure: Error, Equatable, Sendable {
        case missingHeader(String)
        case unknownTerminal
        case unknownDepartment
        case unknownOperator
        case ambiguousSigner
        case malformedTimestamp
        case staleTimestamp(skewSeconds: Int64)
        case malformedNonce
        case malformedHash
        case bodyHashMismatch
        case badSignature
        case replayedNonce

        public var code: String {
            switch self {
            case .missingHeader: "unsigned"
            case .unknownTerminal: "unknown_terminal"
            case .unknownDepartment: "unknown_department"
            case .unknownOperator: "unknown_operator"
            case .ambiguousSigner: "ambiguous_signer"
            case .malformedTimestamp: "malformed_timestamp"
            case .staleTimestamp: "stale_timestamp"
            case .malformedNonce: "malformed_nonce"
            case .malformedHash: "malformed_hash"
            case .bodyHashMismatch: "body_hash_mismatch"
            case .badSignature: "bad_signature"
            case .replayedNonce: "replayed_nonce"
            }
        }

        public var message: String {
            switch self {
            case .missingHeader(let name): "请求未签名：缺少 \(name)"
            case .unknownTerminal: "未登记的终端"
            case .unknownDepartment: "未登记的部门"
            case .unknownOperator: "未登记的运维账号"
            case .ambiguousSigner: "请求只能由一个终端、一个部门或一个运维账号签名"
            case .malformedTimestamp: "时间戳格式不正确（应为 Unix 秒，最多 12 位数字）"
            case .staleTimestamp(let skew): "请求时间戳超出允许范围（相差 \(skew) 秒）"
            case .malformedNonce: "随机数格式不正确"
            case .malformedHash: "摘要或签名格式不正确（应为 64 位十六进制）"
            case .bodyHashMismatch: "请求体摘要与内容不符"
            case .badSignature: "签名校验失败"
            case .replayedNonce: "重复的请求（随机数已使用）"
            }
        }
    }

    /// What the headers claim, checked for form, signer and freshness but not yet against the body.
    public struct Claim: Sendable {
        public var principal: Principal
        public var timestamp: Int64
        public var nonce: String
        public var claimedHash: String
        fileprivate var mac: [UInt8]
        fileprivate var key: SymmetricKey
    }

    /// Longest terminal id or encoded department name considered at all.
    static let maxSignerLength = 256
    /// Unix seconds as digits only: 12 digits reach the year 33658, far past any real clock,
    /// and keep every later subtraction far from Int64's limits.
    static let maxTimestampDigits = 12

    /// How far a timestamp may be from the server's clock, either way.
    public var window: TimeInterval
    private let terminalKeys: [String: SymmetricKey]
    private let departmentKeys: [String: SymmetricKey]
    private let operatorKeys: [String: SymmetricKey]

    public init(secrets: [String: TerminalSecret], departments: [String: TerminalSecret] = [:],
                operators: [String: TerminalSecret] = [:], window: TimeInterval = 300) {
        self.terminalKeys = secrets.mapValues(\.key)
        self.departmentKeys = departments.mapValues(\.key)
        self.operatorKeys = operators.mapValues(\.key)
        self.window = window
    }

    public var terminalIDs: [String] { terminalKeys.keys.sorted() }

    /// Step one, headers only: the signer is registered, the timestamp is well formed and within
    /// the window, the nonce and both hashes are well formed.
    public func checkHeaders(now: Date, header: (String) -> String?) throws(Failure) -> Claim {
        func required(_ name: String) throws(Failure) -> String {
            guard let value = header(name), !value.isEmpty else { throw .missingHeader(name) }
            return value
        }
        let principal: Principal
        let key: SymmetricKey
        let signers = [Wire.terminal, Wire.department, Wire.operator].compactMap { name in
            header(name).flatMap { $0.isEmpty ? nil : (name, $0) }
        }
        guard let (signerHeader, value) = signers.first else { throw .missingHeader(Wire.terminal) }
        guard signers.count == 1 else { throw .ambiguousSigner }
        switch signerHeader {
        case Wire.terminal:
            guard value.utf8.count <= Self.maxSignerLength, let found = terminalKeys[value] else { throw .unknownTerminal }
            (principal, key) = (.terminal(value), found)
        case Wire.department:
            guard value.utf8.count <= Self.maxSignerLength, let name = value.removingPercentEncoding,
                  let found = departmentKeys[name] else { throw .unknownDepartment }
            (principal, key) = (.department(name), found)
        default:
            guard value.utf8.count <= Self.maxSignerLength, let found = operatorKeys[value] else { throw .unknownOperator }
            (principal, key) = (.operator(value), found)
        }
        let timestamp = try Self.timestamp(try required(Wire.timestamp))
        let skew = try Self.skew(now: now, timestamp: timestamp)
        guard Double(skew.magnitude) <= window else { throw .staleTimestamp(skewSeconds: skew) }
        let nonce = try required(Wire.nonce)
        guard (16...128).contains(nonce.utf8.count),
              nonce.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { throw .malformedNonce }
        let claimedHash = try required(Wire.contentSHA256).lowercased()
        let signature = try required(Wire.signature).lowercased()
        guard claimedHash.utf8.count == 64, TerminalSecret.decodeHex(claimedHash) != nil,
              signature.utf8.count == 64, let mac = TerminalSecret.decodeHex(signature) else { throw .malformedHash }
        return Claim(principal: principal, timestamp: timestamp, nonce: nonce, claimedHash: claimedHash, mac: mac, key: key)
    }

    /// Step two: the body matches its claimed hash and the HMAC covers method, path, timestamp,
    /// nonce and body.
    public func verify(_ claim: Claim, method: String, path: String, body: some DataProtocol) throws(Failure) -> RequestSignature {
        let actualHash = RequestSignature.sha256Hex(body)
        guard actualHash == claim.claimedHash else { throw .bodyHashMismatch }
        let canonical = RequestSignature.canonicalString(method: method, path: path, timestamp: claim.timestamp,
                                                        nonce: claim.nonce, contentSHA256: actualHash)
        guard HMAC<SHA256>.isValidAuthenticationCode(claim.mac, authenticating: Data(canonical.utf8), using: claim.key)
        else { throw .badSignature }
        return RequestSignature(principal: claim.principal, timestamp: claim.timestamp, nonce: claim.nonce,
                                contentSHA256: actualHash, signature: Hex.lowercase(claim.mac))
    }

    /// Both steps at once, for callers that already hold the body.
    public func verify(method: String, path: String, body: some DataProtocol, now: Date,
                       header: (String) -> String?) throws(Failure) -> RequestSignature {
        try verify(try checkHeaders(now: now, header: header), method: method, path: path, body: body)
    }

    /// Unix seconds: ASCII digits only (no sign, no spaces), at most `maxTimestampDigits`.
    static func timestamp(_ text: String) throws(Failure) -> Int64 {
        guard (1...maxTimestampDigits).contains(text.utf8.count),
              text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let value = Int64(text) else { throw .malformedTimestamp }
        return value
    }

    /// Server time minus the claimed time, in whole seconds, without any overflow: both sides are
    /// bounded (the timestamp by its digits, the server clock checked here).
    static func skew(now: Date, timestamp: Int64) throws(Failure) -> Int64 {
        let seconds = now.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, abs(seconds) < 1e15, let serverTime = Int64(exactly: seconds) else { throw .malformedTimestamp }
        let (skew, overflow) = serverTime.subtractingReportingOverflow(timestamp)
        guard !overflow else { throw .malformedTimestamp }
        return skew
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }
}
