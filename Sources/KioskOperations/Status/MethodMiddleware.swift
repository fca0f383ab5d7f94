import Hummingbird

/// Answers 405 with `Allow: GET, HEAD` for any other method on a status API path (the router
/// alone would say 404, as if the path did not exist; schemathesis's check ST204 caught it).
/// It runs before the token check: the paths and their methods are public in the OpenAPI document.
struct MethodMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard StatusRoutes.paths.contains(request.uri.path), request.method != .get, request.method != .head else {
            return try await next(request, context)
        }
        return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .contentType: "application/json"],
                        body: .init(byteBuffer: .init(string: #"{"error":"method_not_allowed","message":"只支持 GET"}"#)))
    }
}
