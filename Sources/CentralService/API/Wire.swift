import Foundation

/// Names and encodings shared by the client and central-sim, so both sides of the contract
/// in `Assets/api/central.yaml` come from one place.
public enum Wire {
    /// The kiosk's case UUID: a replay with the same key returns the original answer.
    public static let idempotencyKey = "Idempotency-Key"
    /// Set to `true` on an answer that replays a stored one.
    public static let idempotentReplayed = "Idempotent-Replayed"
    public static let terminal = "X-Kiosk-Terminal"
    /// Names a department signer (percent-encoded UTF-8) instead of a terminal.
    public static let department = "X-Kiosk-Department"
    /// An operator of the fleet signs with this header instead (ASCII name).
    public static let `operator` = "X-Kiosk-Operator"
    public static let timestamp = "X-Kiosk-Timestamp"
    public static let nonce = "X-Kiosk-Nonce"
    public static let contentSHA256 = "X-Kiosk-Content-SHA256"
    public static let signature = "X-Kiosk-Signature"

    /// JSON as both sides write it: sorted keys (stable bytes for the same value), whole-second
    /// ISO 8601 dates, base64 binary. One shared instance each: they are configured once and
    /// never changed, encoding and decoding are thread-safe, and building one per request was
    /// measurable on every submission.
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.dataEncodingStrategy = .base64
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.dataDecodingStrategy = .base64
        return decoder
    }()
}
