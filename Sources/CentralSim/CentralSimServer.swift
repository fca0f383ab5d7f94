import CentralService
import Foundation
import KioskTime
import Hummingbird
import KioskDomain
import Logging
import ServiceLifecycle

/// central-sim: the reference implementation of the central service's API on its own SQLite
/// file. The `central-sim` executable runs it as a process; tests can also run it in-process
/// with `start(_:)`.
public struct CentralSimServer: Sendable {
    public let configuration: CentralSimConfiguration
    private let routes: CentralRoutes
    private let database: SimDatabase
    private let verifier: SignatureVerifier
    private let logger: Logger

    /// Opens (or creates) the database and loads the API document and calendar from the assets.
    public init(configuration: CentralSimConfiguration, logger: Logger = Logger(label: "central-sim")) throws {
        self.configuration = configuration
        self.logger = logger
        database = try SimDatabase(path: configuration.databasePath)
        verifier = SignatureVerifier(secrets: configuration.terminals, departments: configuration.departments,
                                     operators: configuration.operators, window: configuration.signatureWindow)
        let assets = configuration.assets
        let calendar = try WorkingDayCalendar.load(from: assets)
        let divisions = try DivisionCodes.load(from: assets)
        let specPath = assets.url("api/central.yaml").path
        guard let specification = FileManager.default.contents(atPath: specPath) else {
            throw DataFileError(file: specPath, key: "", expected: "the central API document (OpenAPI 3.1)")
        }
        let regions = RegionDirectory(catalog: try RegionCatalog.load(from: assets))
        let repository = CaseRepository(
            database: database, regions: regions,
            simulator: ProgressSimulator(speed: configuration.speed, seed: configuration.seed,
                                         refusalRate: configuration.refusalRate, refuseItems: configuration.refuseItems),
            dueDates: DueDates(calendar: calendar), lookupKey: try database.lookupKey())
        routes = CentralRoutes(repository: repository, committer: GroupCommitter(repository: repository), database: database,
                               validator: SubmissionValidator(regions: regions, divisions: divisions),
                               knownTerminals: verifier.terminalIDs, specification: specification, now: { [clock = configuration.clock] in clock.wallTime })
    }

    /// The Hummingbird application; `onRunning` receives the bound port.
    func application(onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router(context: SimRequestContext.self)
        router.add(middleware: FaultMiddleware(faults: configuration.faults))
        router.add(middleware: SignatureMiddleware(verifier: verifier, database: database, now: { [clock = configuration.clock] in clock.wallTime }))
        routes.register(on: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "central-sim"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Runs until SIGTERM or SIGINT, then shuts down gracefully (in-flight requests finish).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).runService()
    }

    /// Starts central-sim in this process and returns once it listens, or throws why it could
    /// not (the port taken, most often: a restart on the port it had).
    public static func start(_ configuration: CentralSimConfiguration, logger: Logger = Logger(label: "central-sim"),
                             startLimit: Duration = .seconds(60)) async throws -> RunningCentralSim {
        let server = try CentralSimServer(configuration: configuration, logger: logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let group = ServiceGroup(configuration: .init(
            services: [server.application(onRunning: { continuation.yield($0) })] as [any Service],
            gracefulShutdownSignals: [], logger: logger))
        // The stream ends when the server does: a server that never listened must not leave
        // its starter waiting for a port forever. Nor may a start that neither listens nor
        // fails: past `startLimit` the server is cancelled and the start is an error.
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        let port = await RealTimeLimit.result(within: startLimit) { () async -> Int? in
            for await port in ports { return port }
            return nil
        }
        guard let port = port ?? nil else {
            let reason: String
            if port == nil {
                task.cancel()
                reason = "it neither listened nor failed within \(startLimit)"
            } else if case .failure(let error) = await task.result {
                reason = "\(error)"
            } else {
                reason = "the server stopped before it listened"
            }
            logger.error("central-sim did not start", metadata: ["port": "\(configuration.port)", "reason": "\(reason)"])
            throw CentralSimStartError(host: configuration.host, port: configuration.port, reason: reason)
        }
        return RunningCentralSim(port: port, host: configuration.host, group: group, task: task)
    }
}

/// central-sim could not listen on its address.
public struct CentralSimStartError: Error, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let reason: String
    public var description: String { "central-sim could not listen on \(host):\(port): \(reason)" }
}

/// A central-sim running in this process.
public final class RunningCentralSim: Sendable {
    public let port: Int
    public let baseURL: URL
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(port: Int, host: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.baseURL = URL(string: "http://\(host):\(port)")!
        self.group = group
        self.task = task
    }

    /// Graceful shutdown; returns when the server has stopped. A shutdown that has not finished
    /// within `limit` is escalated to cancellation, and the caller is let go after as long
    /// again (the failure is logged): a stop must not hold its caller for good.
    public func stop(limit: Duration = .seconds(30)) async {
        let (group, task) = (self.group, self.task)
        let stopped = await RealTimeLimit.result(within: limit) { () async -> Bool in
            await group.triggerGracefulShutdown()
            _ = await task.result
            return true
        }
        if stopped != nil { return }
        task.cancel()
        if await RealTimeLimit.result(within: limit, of: { () async -> Bool in _ = await task.result; return true }) == nil {
            Logger(label: "central-sim").error("central-sim did not stop", metadata: ["port": "\(port)"])
        }
    }
}
