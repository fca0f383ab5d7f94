import Foundation
import Hummingbird
import NIOCore

/// The routes of `Assets/api/status.yaml`.
struct StatusRoutes: Sendable {
    let source: any StatusSource
    let metrics: StatusMetrics
    let specification: Data

    static let paths: Set<String> = ["/healthz", "/v1/status", "/metrics", "/openapi.yaml"]

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        router.get("/v1/status") { _, _ in
            let snapshot = await source.snapshot()
            let body = try StatusSnapshot.encoder.encode(snapshot)
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.get("/metrics") { _, _ in
            let text = metrics.render(await source.snapshot())
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: specification)))
        }
    }
}
