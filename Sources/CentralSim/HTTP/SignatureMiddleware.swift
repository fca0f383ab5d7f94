import CentralService
import Foundation
import HTTPTypes
import Hummingbird

/// Refuses every `/v1/` request that is not signed by a known terminal with a fresh timestamp,
/// an unused nonce and a body matching its hash (401 with the reason's code).
struct SignatureMiddleware: RouterMiddleware {
    typealias Context = SimRequestContext
    let verifier: SignatureVerifier
    let database: SimDatabase
    let now: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let at = now()
        do {
            let signature = try verifier.verify(
                method: request.method.rawValue, path: request.uri.string, body: body.readableBytesView, now: at,
                header: { name in HTTPField.Name(name).flatMap { request.headers[$0] } })
            guard try await database.useNonce(terminalID: signature.terminalID, nonce: signature.nonce, at: at,
                                        keep: verifier.window * 2 + 60) else {
                throw SignatureVerifier.Failure.replayedNonce
            }
            var context = context
            context.terminalID = signature.terminalID
            return try await next(request, context)
        } catch let failure as SignatureVerifier.Failure {
            context.logger.notice("request refused", metadata: ["reason": "\(failure.code)"])
            return JSONAnswer.problem(.unauthorized, Problem(error: failure.code, message: failure.message))
        }
    }
}
