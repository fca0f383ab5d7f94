import Foundation
import KioskOperations
import TestSupport
import KioskDomainTesting
import KioskTime
import Logging
import ServiceLifecycle

/// A status server running in this process on a free port, fed by a `StatusBoard`, with the
/// repository's own `Assets/api/status.yaml`. Used by the status API tests and the benchmark.
public final class StatusServerRig: Sendable {
    public let port: Int
    public let board: StatusBoard
    public let metrics: StatusMetrics
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// `host` other than loopback (0.0.0.0) makes the server ask for the token in `tokenFile`.
    public static func start(host: String = "127.0.0.1", tokenFile: String? = nil, log: EventLog,
                             board: StatusBoard? = nil, startLimit: Duration = .seconds(60)) async throws -> StatusServerRig {
        let board = board ?? StatusBoard(version: "test", region: "chongqing", terminal: "CQ-YB-01",
                                         centralURL: "http://127.0.0.1:8480", dataDirectory: "/var/lib/kioskd", log: log)
        let specification = try Data(contentsOf: RepositoryPaths.assets.url("api/status.yaml"))
        let metrics = StatusMetrics()
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var listener = KioskConfiguration.StatusListener()
        listener.host = host
        listener.port = 0
        listener.tokenFile = tokenFile
        let server = StatusServer(listener: listener, source: board, metrics: metrics, specification: specification,
                                  log: log, onListening: { continuation.yield($0) })
        let group = ServiceGroup(configuration: .init(services: [server], gracefulShutdownSignals: [], logger: log.logger))
        // The stream ends when the server does, so a server that never listened is an error
        // here instead of a wait without end.
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        let port = await RealTimeLimit.result(within: startLimit, on: TestExecutors.realTime) { () async -> Int? in
            for await port in ports { return port }
            return nil
        }
        guard let port = port ?? nil else {
            if port == nil {
                task.cancel()
                throw StatusServerRigError(reason: "the status server neither listened nor failed within \(startLimit)")
            }
            if case .failure(let error) = await task.result { throw error }
            throw StatusServerRigError(reason: "the status server stopped before it listened")
        }
        return StatusServerRig(port: port, board: board, metrics: metrics, group: group, task: task)
    }

    private init(port: Int, board: StatusBoard, metrics: StatusMetrics, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.board = board
        self.metrics = metrics
        self.group = group
        self.task = task
    }

    /// Graceful shutdown, bounded like central-sim's: past `limit` the server is cancelled, and
    /// the test goes on after as long again whatever the server does.
    public func stop(limit: Duration = .seconds(30)) async {
        let (group, task) = (self.group, self.task)
        let stopped = await RealTimeLimit.result(within: limit, on: TestExecutors.realTime) { () async -> Bool in
            await group.triggerGracefulShutdown()
            _ = await task.result
            return true
        }
        if stopped != nil { return }
        task.cancel()
        _ = await RealTimeLimit.result(within: limit, on: TestExecutors.realTime, of: { () async -> Bool in _ = await task.result; return true })
    }
}

/// The status server of a test could not start.
public struct StatusServerRigError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
