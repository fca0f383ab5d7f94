import Hummingbird

/// Answers 405 with the allowed methods for any other method on a status API path (the router
/// alone would say 404, as if the path did not exist; schemathesis's check ST204 caught it).
/// It runs before the token check: the paths and their methods are public in the OpenAPI document.
struct MethodMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let allowed: [HTTPRequest.Method]
        if StatusRoutes.paths.contains(path) || path == "/v1/diagnostics/history" {
            allowed = [.get, .head]
        } else if path == "/v1/diagnostics" {
            allowed = [.post]
        } else {
            return try await next(request, context)
        }
        guard !allowed.contains(request.method) else { return try await next(request, context) }
        let names = allowed.map(\.rawValue).joined(separator: ", ")
        return Response(status: .methodNotAllowed, headers: [.allow: names, .contentType: "application/json"],
                        body: .init(byteBuffer: .init(string: #"{"error":"method_not_allowed","message":"只支持 \#(names)"}"#)))
    }
}
