import Crypto
import Foundation
import KioskDomain

/// The bearer token the status API asks for beyond loopback, read from a file.
///
/// Comparison is in constant time over SHA-256 digests, so neither the content nor the length
/// of the expected token leaks through response timing.
public struct StatusToken: Sendable {
    private let digest: SHA256.Digest
    /// Short tokens are guessable; 16 characters of a random token carry enough.
    public static let minimumLength = 16

    public init(_ token: String) {
        digest = SHA256.hash(data: Data(token.utf8))
    }

    /// Reads a token file: one line, at least 16 printable characters.
    public static func load(from path: String) -> Result<StatusToken, DataFileError> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return .failure(DataFileError(file: path, key: "", expected: "a readable token file", found: "nothing readable"))
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.count >= minimumLength, token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            return .failure(DataFileError(file: path, key: "",
                                          expected: "one token of at least \(minimumLength) printable ASCII characters",
                                          found: "\(token.count) characters"))
        }
        return .success(StatusToken(token))
    }

    /// Whether `candidate` is this token, in time independent of where they differ.
    public func matches(_ candidate: some StringProtocol) -> Bool {
        let other = SHA256.hash(data: Data(candidate.utf8))
        var difference: UInt8 = 0
        for (a, b) in zip(digest, other) { difference |= a ^ b }
        return difference == 0
    }
}
