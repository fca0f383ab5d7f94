import CentralService
import Foundation
import HTTPTypes
import Hummingbird

/// Refuses every `/v1/` request that is not signed by a known terminal with a fresh timestamp,
/// an unused nonce and a body matching its hash (401 with the reason's code).
///
/// A case submission (`POST /v1/cases`) leaves recording its nonce to the handler, which does it
/// in the transaction that stores the case: one durable commit per case instead of two, and a
/// replayed submission is still refused, because both cannot commit the same nonce.
struct SignatureMiddleware: RouterMiddleware {
    typealias Context = SimRequestContext
    let verifier: SignatureVerifier
    let database: SimDatabase
    let now: @Sendable () -> Date

    static func recordsNonceItself(_ request: Request) -> Bool {
        request.method == .post && request.uri.path == "/v1/cases"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let at = now()
        do {
            let signature = try verifier.verify(
                method: request.method.rawValue, path: request.uri.string, body: body.readableBytesView, now: at,
                header: { name in HTTPField.Name(name).flatMap { request.headers[$0] } })
            let nonce = SignedNonce(terminalID: signature.terminalID, nonce: signature.nonce, at: at,
                                    keep: verifier.window * 2 + 60)
            var context = context
            context.terminalID = signature.terminalID
            context.contentSHA256 = signature.contentSHA256
            if Self.recordsNonceItself(request) {
                context.unrecordedNonce = nonce
            } else if try await !database.useNonce(nonce) {
                throw SignatureVerifier.Failure.replayedNonce
            }
            return try await next(request, context)
        } catch let failure as SignatureVerifier.Failure {
            return Self.refusal(failure, context: context)
        }
    }

    static func refusal(_ failure: SignatureVerifier.Failure, context: Context) -> Response {
        context.logger.notice("request refused", metadata: ["reason": "\(failure.code)"])
        return JSONAnswer.problem(.unauthorized, Problem(error: failure.code, message: failure.message))
    }
}
