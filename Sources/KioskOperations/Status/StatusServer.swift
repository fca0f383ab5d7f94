import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The status API (`Assets/api/status.yaml`): `/healthz`, `/v1/status`, `/metrics` and the
/// OpenAPI document itself, as a service for kioskd's `ServiceGroup`.
///
/// It only reads a `StatusSource`, so a slow or stuck part of kioskd never makes the status API
/// wait on it beyond the actor hop, and nothing here can change the kiosk's state.
public struct StatusServer: Service {
    public let listener: KioskConfiguration.StatusListener
    private let source: any StatusSource
    private let metrics: StatusMetrics
    private let specification: Data
    private let log: EventLog
    private let onListening: @Sendable (Int) async -> Void
    private let diagnostics: (any DiagnosticsRunner)?

    /// - Parameters:
    ///   - specification: the bytes of `Assets/api/status.yaml`, served at `/openapi.yaml`.
    ///   - onListening: called with the bound port (useful with port 0).
    ///   - diagnostics: serves `/v1/diagnostics` when given (kioskd owns the devices).
    public init(listener: KioskConfiguration.StatusListener, source: any StatusSource, metrics: StatusMetrics,
                specification: Data, log: EventLog, diagnostics: (any DiagnosticsRunner)? = nil,
                onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.diagnostics = diagnostics
        self.listener = listener
        self.source = source
        self.metrics = metrics
        self.specification = specification
        self.log = log
        self.onListening = onListening
    }

    public func run() async throws {
        try await application().run()
    }

    func application() -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: CountingMiddleware(metrics: metrics))
        router.add(middleware: MethodMiddleware())
        if !listener.isLoopback {
            let log = self.log
            let tokenPath = listener.tokenFile ?? "/nonexistent"
            router.add(middleware: BearerTokenMiddleware(tokenFile: TokenFile(path: tokenPath, onUnreadable: { error in
                log.log(.statusTokenUnreadable, ["token_file": tokenPath, "error": error])
            }), log: log))
        }
        StatusRoutes(source: source, metrics: metrics, specification: specification).register(on: router)
        if let diagnostics { DiagnosticsRoutes(runner: diagnostics).register(on: router) }
        let listener = self.listener
        let log = self.log
        let onListening = self.onListening
        var quiet = log.logger
        quiet.logLevel = .warning
        return Application(
            router: router,
            configuration: .init(address: .hostname(listener.host, port: listener.port), serverName: "kioskd"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? listener.port
                log.log(.statusServerListening, ["address": "\(listener.host):\(port)",
                                                  "auth": listener.isLoopback ? "none" : "bearer"])
                await onListening(port)
            },
            eventLoopGroupProvider: .shared(Self.eventLoops),
            logger: quiet)
    }

    /// The status API answers on one thread of its own. On a two-core kiosk, an operator's (or a
    /// misbehaving scraper's) flood of requests can then take at most one core, and never the
    /// threads that draw the veteran's screen or talk to the central service (the shared
    /// singleton group): measured in docs/benchmarks/operations.md.
    static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
}

/// Counts answers by route pattern and status for `kiosk_status_requests_total`.
struct CountingMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: StatusMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let known = StatusRoutes.paths.contains(request.uri.path) || DiagnosticsRoutes.paths.contains(request.uri.path)
        let route = known ? request.uri.path : "other"
        do {
            let response = try await next(request, context)
            metrics.countRequest(route: route, status: Int(response.status.code))
            return response
        } catch let error as HTTPResponseError {
            metrics.countRequest(route: route, status: Int(error.status.code))
            throw error
        }
    }
}
