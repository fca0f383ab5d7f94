import CentralService
import Foundation
import Hummingbird

/// Per-request context: Hummingbird's core storage plus the signer whose signature was
/// verified, so handlers can check that a terminal or department only touches what is its own.
struct SimRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var principal: Principal?
    /// The signing terminal; nil for a department or an unsigned public request.
    var terminalID: String? { principal?.terminalID }
    /// The signing department; nil for a terminal.
    var department: String? { principal?.department }
    /// A verified request's nonce that the handler records itself (see `SignatureMiddleware`).
    var unrecordedNonce: SignedNonce?
    /// SHA-256 (hex) of the body, as the verified signature covers it.
    var contentSHA256: String?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Room for a case with its photo (60 KB JPEG, base64) and more.
    var maxUploadSize: Int { 1 << 20 }
}

/// The nonce of a request whose signature checked out, to be recorded as used.
struct SignedNonce: Sendable {
    var terminalID: String
    var nonce: String
    var at: Date
    /// How long it must be remembered: past this age the timestamp window refuses it anyway.
    var keep: TimeInterval
}
