import KioskTime
import CentralService
import Foundation
import KioskDomain
import Hummingbird
import NIOCore
import Synchronization

/// Injects the configured faults into `/v1/` requests. Half of the errors, timeouts and drops
/// strike after the handler ran — the case is stored, the kiosk never hears it — the other
/// half before, so both "lost request" and "lost answer" are exercised.
struct FaultMiddleware<Context: RequestContext>: RouterMiddleware {
    let faults: FaultInjection
    let random: LockedRandom

    init(faults: FaultInjection) {
        self.faults = faults
        self.random = LockedRandom(seed: faults.seed)
    }

    enum Fault {
        case none, error(HTTPResponse.Status), hang, drop, unavailable, slowBody
    }

    struct DroppedConnection: Error {}

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard faults.isActive, request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
        let (fault, afterHandler, extra) = random.mutex.withLock { random -> (Fault, Bool, Double) in
            let after = random.unit() < 0.5
            let extra = random.unit() * faults.latencyJitter
            var roll = random.unit()
            for (rate, fault) in [(faults.errorRate, Fault.error(.internalServerError)), (faults.timeoutRate, .hang),
                                  (faults.dropRate, .drop), (faults.unavailableRate, .unavailable),
                                  (faults.slowBodyRate, .slowBody)] {
                if roll < rate {
                    if case .error = fault {
                        let statuses: [HTTPResponse.Status] = [.internalServerError, .badGateway, .gatewayTimeout]
                        return (.error(statuses[Int(random.next() % 3)]), after, extra)
                    }
                    return (fault, after, extra)
                }
                roll -= rate
            }
            return (.none, after, extra)
        }
        let delay = faults.latency + extra
        if delay > 0 { try await Task.sleep(for: .seconds(delay)) }
        if afterHandler || fault.isSlowBody {
            let response = try await next(request, context)
            return try await apply(fault, to: response) ?? response
        }
        if let early = try await apply(fault, to: nil) { return early }
        return try await next(request, context)
    }

    /// The faulty answer; nil (before the handler) means "no fault, go on".
    private func apply(_ fault: Fault, to response: Response?) async throws -> Response? {
        switch fault {
        case .none:
            return response
        case .error(let status):
            return Response(status: status, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: #"{"error":"injected","message":"模拟的服务器错误"}"#)))
        case .unavailable:
            return Response(status: .serviceUnavailable,
                            headers: [.retryAfter: String(faults.retryAfter), .contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: #"{"error":"unavailable","message":"服务暂不可用"}"#)))
        case .hang:
            try await Task.sleep(for: .seconds(faults.hang))
            return response
        case .drop:
            // Announce a body, then fail while writing it: the server closes the connection and
            // the client sees it drop mid-answer.
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(contentLength: 64) { _ in throw DroppedConnection() })
        case .slowBody:
            guard let response else { return nil }
            return slow(response)
        }
    }

    private func slow(_ response: Response) -> Response {
        let delay = faults.slowBodyDelay
        var headers = response.headers
        headers[.contentLength] = nil
        let original = response.body
        return Response(status: response.status, headers: headers, body: .init { writer in
            try await original.write(TricklingWriter(inner: writer, delay: delay))
        })
    }
}

/// Passes a body on 16 bytes at a time with a pause in between: a server on a bad link.
struct TricklingWriter: ResponseBodyWriter {
    var inner: any ResponseBodyWriter
    let delay: TimeInterval

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        while buffer.readableBytes > 0 {
            let chunk = buffer.readSlice(length: min(16, buffer.readableBytes))!
            try await inner.write(chunk)
            try await Task.sleep(for: .seconds(delay))
        }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        try await inner.finish(trailingHeaders)
    }
}

/// The fault dice, shared by all connections.
final class LockedRandom: Sendable {
    let mutex: Mutex<SeededRandom>
    init(seed: UInt64) { mutex = Mutex(SeededRandom(seed: seed)) }
}

extension FaultMiddleware.Fault {
    var isSlowBody: Bool { if case .slowBody = self { true } else { false } }
}
