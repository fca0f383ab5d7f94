import CentralService
import CentralSim
import Foundation
import KioskDomainTesting
import TestSupport
import KioskTime

/// central-sim in this process with a fresh database, two registered terminals and the
/// departments the fixtures route items to, and a client signed as the first terminal.
/// `stop()` shuts both down and removes the folder.
public final class CentralSimHarness: Sendable {
    public static let terminalID = "CQ-YB-01"
    /// A second terminal of the same hall, to check that terminals cannot read each other's cases.
    public static let otherTerminalID = "CQ-YB-02"
    /// Departments with their own credential (the fixtures' Chongqing district departments).
    /// The fleet operator central-sim knows.
    public static let operatorName = "hall-desk"
    static let operatorSecret = TerminalSecret.generate()
    public static let departments = ["区退役军人事务局", "区人武部", "区公安分局", "区人社局", "区医保局", "区税务局"]

    public let directory: URL
    public let secret: TerminalSecret
    public let otherSecret: TerminalSecret
    public let departmentSecrets: [String: TerminalSecret]
    public let server: RunningCentralSim
    public let client: CentralClient

    /// Starts central-sim in this process. The client's limits are generous (60 s a request,
    /// 30 s for a connection, which also bounds a request's wait for one of the client's eight
    /// connections): the server's handlers share two cores with a whole parallel run; tests of
    /// timeouts set their own (`makeClient(requestTimeout:)`).
    public static func start(faults: FaultInjection = FaultInjection(), refusalRate: Double = 0, speed: Double = 1440,
                             signatureWindow: TimeInterval = 300,
                             clientTimeout: Duration = .seconds(60)) async throws -> CentralSimHarness {
        let directory = try RepositoryPaths.temporaryDirectory("central-sim")
        let secret = TerminalSecret.generate()
        let otherSecret = TerminalSecret.generate()
        let departmentSecrets = Dictionary(uniqueKeysWithValues: departments.map { ($0, TerminalSecret.generate()) })
        var configuration = CentralSimConfiguration(
            host: "127.0.0.1", port: 0, databasePath: directory.appendingPathComponent("central.sqlite").path,
            assets: RepositoryPaths.assets, terminals: [terminalID: secret, otherTerminalID: otherSecret],
            departments: departmentSecrets, signatureWindow: signatureWindow, speed: speed, seed: 7,
            refusalRate: refusalRate, faults: faults)
        configuration.operators = [operatorName: operatorSecret]
        let server = try await CentralSimServer.start(configuration)
        let client = try CentralClient(configuration: .init(baseURL: server.baseURL, terminalID: terminalID,
                                                            connectTimeout: .seconds(30), requestTimeout: clientTimeout),
                                       secret: secret)
        return CentralSimHarness(directory: directory, secret: secret, otherSecret: otherSecret,
                                 departmentSecrets: departmentSecrets, server: server, client: client)
    }

    private init(directory: URL, secret: TerminalSecret, otherSecret: TerminalSecret, departmentSecrets: [String: TerminalSecret],
                 server: RunningCentralSim, client: CentralClient) {
        self.directory = directory
        self.secret = secret
        self.otherSecret = otherSecret
        self.departmentSecrets = departmentSecrets
        self.server = server
        self.client = client
    }

    /// A second client of the same terminal (e.g. with other timeouts or a skewed clock).
    public func makeClient(requestTimeout: Duration = .seconds(15), clock: any KioskClock = SystemClock()) -> CentralClient {
        // Loopback http always passes the endpoint check.
        try! CentralClient(configuration: .init(baseURL: server.baseURL, terminalID: Self.terminalID,
                                                connectTimeout: .seconds(2), requestTimeout: requestTimeout),
                           secret: secret, clock: clock)
    }

    /// A client of the other terminal.
    public func makeOtherTerminalClient() -> CentralClient {
        try! CentralClient(configuration: .init(baseURL: server.baseURL, terminalID: Self.otherTerminalID), secret: otherSecret)
    }

    /// A client signing as the fleet operator.
    public func makeOperatorClient() -> CentralClient {
        try! CentralClient(configuration: .init(baseURL: server.baseURL, operator: Self.operatorName), secret: Self.operatorSecret)
    }

    /// A client signing as `department` (one of `departments`).
    public func makeDepartmentClient(_ department: String) -> CentralClient {
        try! CentralClient(configuration: .init(baseURL: server.baseURL, department: department),
                           secret: departmentSecrets[department]!)
    }

    public func stop() async {
        try? await client.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
