import CentralService
import Foundation
import HTTPTypes
import Hummingbird

/// Refuses every request that is not signed by a registered terminal or department with a fresh
/// timestamp, an unused nonce and a body matching its hash (401 with the reason's code) — except
/// the two public documents, `GET /healthz` and `GET /openapi.yaml`, matched exactly.
///
/// Why deny by default instead of checking a `/v1/` prefix: the router matches paths more
/// loosely than a prefix test reads them (empty segments are skipped, so `//v1/terminals` is the
/// route `/v1/terminals`), and every such gap was an unsigned way in. An allow-list of exact
/// public paths has no spelling that slips through: `//healthz`, `/healthz/` or `/%68ealthz`
/// simply need a signature like everything else.
///
/// The headers are checked before the body is read, so a stranger's upload is never buffered.
/// A case submission (`POST /v1/cases`) leaves recording its nonce to the handler, which does it
/// in the transaction that stores the case: one durable commit per case instead of two, and a
/// replayed submission is still refused, because both cannot commit the same nonce.
struct SignatureMiddleware: RouterMiddleware {
    typealias Context = SimRequestContext
    let verifier: SignatureVerifier
    let database: SimDatabase
    let now: @Sendable () -> Date

    /// Paths answered without a signature, for GET and HEAD only, compared byte for byte.
    static let publicPaths: Set<String> = ["/healthz", "/openapi.yaml"]

    static func isPublic(_ request: Request) -> Bool {
        (request.method == .get || request.method == .head) && publicPaths.contains(request.uri.path)
    }

    static func recordsNonceItself(_ request: Request) -> Bool {
        request.method == .post && request.uri.path == "/v1/cases"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.isPublic(request) { return try await next(request, context) }
        let at = now()
        do {
            let claim = try verifier.checkHeaders(now: at, header: { name in HTTPField.Name(name).flatMap { request.headers[$0] } })
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let signature = try verifier.verify(claim, method: request.method.rawValue, path: request.uri.string,
                                                body: body.readableBytesView)
            let nonceOwner = signature.principal.terminalID
                ?? signature.principal.operatorName.map { "operator:" + $0 }
                ?? "department:" + (signature.principal.department ?? "")
            let nonce = SignedNonce(terminalID: nonceOwner, nonce: signature.nonce, at: at, keep: verifier.window * 2 + 60)
            var context = context
            context.principal = signature.principal
            context.contentSHA256 = signature.contentSHA256
            if Self.recordsNonceItself(request), signature.principal.terminalID != nil {
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
