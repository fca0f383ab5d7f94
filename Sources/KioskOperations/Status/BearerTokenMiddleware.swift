import Hummingbird

/// Requires `Authorization: Bearer <token>` on every path but `/healthz`.
///
/// Installed only when the listener is reachable beyond loopback: on 127.0.0.1 anyone who can
/// connect is already on the kiosk. A refusal says only that the token is missing or wrong (never
/// which), and is logged without the presented value.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokenFile: TokenFile
    let log: EventLog

    static var openPaths: Set<String> { ["/healthz"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.openPaths.contains(request.uri.path) { return try await next(request, context) }
        let reason: String
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                if let token = tokenFile.current(), token.matches(parts[1].trimmingCharacters(in: .whitespaces)) {
                    return try await next(request, context)
                }
                reason = "wrong token"
            } else {
                reason = "malformed authorization"
            }
        } else {
            reason = "absent token"
        }
        log.log(.statusRequestRefused, ["path": String(request.uri.path.prefix(100)), "reason": reason])
        return Response(status: .unauthorized,
                        headers: [.wwwAuthenticate: #"Bearer realm="kioskd""#, .contentType: "application/json"],
                        body: .init(byteBuffer: .init(string: #"{"error":"unauthorized","message":"需要有效的访问令牌"}"#)))
    }
}
