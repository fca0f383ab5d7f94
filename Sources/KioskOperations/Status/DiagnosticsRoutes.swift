import Foundation
import Hummingbird
import NIOCore

/// `POST /v1/diagnostics` (run the checks, answer the run) and `GET /v1/diagnostics/history`
/// (the stored runs), served when kioskd owns the devices: `kioskctl diag` goes through here so
/// it never opens a device under the running kiosk. Behind the bearer token beyond loopback,
/// like everything but `/healthz`.
struct DiagnosticsRoutes: Sendable {
    let runner: any DiagnosticsRunner

    static let paths: Set<String> = ["/v1/diagnostics", "/v1/diagnostics/history"]

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.post("/v1/diagnostics") { request, _ in
            let body = try await request.body.collect(upTo: 16 << 10)
            let parsed: DiagnosticRequest
            do {
                parsed = try DiagnosticRequest.parse(Data(buffer: body))
            } catch {
                return Self.problem(.badRequest, "invalid_request", "请求体有误：\(error)")
            }
            let run = await runner.run(parsed, progress: { _ in })
            return Self.json(.ok, try StatusSnapshot.encoder.encode(run))
        }
        router.get("/v1/diagnostics/history") { request, _ in
            let text = request.uri.queryParameters.get("limit") ?? "20"
            guard let limit = Int(text), (1...200).contains(limit) else {
                return Self.problem(.badRequest, "invalid_request", "limit 应为 1–200 的整数")
            }
            do {
                return Self.json(.ok, try StatusSnapshot.encoder.encode(DiagnosticHistory(runs: try await runner.history(limit: limit))))
            } catch {
                return Self.problem(.serviceUnavailable, "store_unavailable", "自检记录暂时无法读取")
            }
        }
    }

    static func json(_ status: HTTPResponse.Status, _ data: Data) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func problem(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: ["error": code, "message": message])) ?? Data()
        return json(status, data)
    }
}

/// The answer of `GET /v1/diagnostics/history`: runs, newest first.
public struct DiagnosticHistory: Codable, Sendable, Equatable {
    public var runs: [DiagnosticRun]

    public init(runs: [DiagnosticRun]) { self.runs = runs }
}
