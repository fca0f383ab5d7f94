import CentralService
import Foundation
import HTTPTypes
import Hummingbird
import KioskDomain
import Logging
import ServiceLifecycle

/// An HTTP endpoint that accepts every submission instantly: 201 with a receipt echoing the
/// Idempotency-Key. It measures what the client and loopback alone can do.
///
/// The receipt lists as many items as central-sim's answer for the benchmark's cases (those of
/// `itemsLike`, without due dates), so the client reads an answer of the same size from both and
/// the difference between the two runs is the server's work alone.
struct NoOpCentral {
    let baseURL: URL
    let group: ServiceGroup
    let task: Task<Void, any Error>

    static func start(itemsLike filed: FiledCase) async throws -> NoOpCentral {
        let router = Router()
        let acceptedAt = ISO8601DateFormatter().string(from: Date())
        let items = try Wire.encoder.encode(filed.items.filter { !$0.displayOnly }.map {
            SubmissionReceipt.Item(code: $0.code, department: $0.department, dueDate: nil, limitText: $0.limitText)
        })
        let itemsJSON = String(decoding: items, as: UTF8.self)
        router.post("/v1/cases") { request, _ -> Response in
            let key = request.headers[HTTPField.Name(Wire.idempotencyKey)!] ?? ""
            let body = #"{"acceptedAt":"\#(acceptedAt)","caseId":"\#(key)","caseNumber":"NOOP-\#(key.prefix(8))","items":\#(itemsJSON)}"#
            return Response(status: .created, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        var logger = Logger(label: "noop")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app] as [any Service], gracefulShutdownSignals: [], logger: logger))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        return NoOpCentral(baseURL: URL(string: "http://127.0.0.1:\(port)")!, group: group, task: task)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}
