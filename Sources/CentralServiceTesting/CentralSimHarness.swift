import CentralService
import CentralSim
import Foundation
import KioskDomainTesting
import TestSupport
import KioskTime

/// central-sim in this process with a fresh database and one registered terminal, and a
/// client signed as that terminal. `stop()` shuts both down and removes the folder.
public final class CentralSimHarness: Sendable {
    public static let terminalID = "CQ-YB-01"

    public let directory: URL
    public let secret: TerminalSecret
    public let server: RunningCentralSim
    public let client: CentralClient

    public static func start(faults: FaultInjection = FaultInjection(), refusalRate: Double = 0, speed: Double = 1440,
                             signatureWindow: TimeInterval = 300,
                             clientTimeout: Duration = .seconds(15)) async throws -> CentralSimHarness {
        let directory = try RepositoryPaths.temporaryDirectory("central-sim")
        let secret = TerminalSecret.generate()
        let server = try await CentralSimServer.start(CentralSimConfiguration(
            host: "127.0.0.1", port: 0, databasePath: directory.appendingPathComponent("central.sqlite").path,
            assets: RepositoryPaths.assets, terminals: [terminalID: secret], signatureWindow: signatureWindow, speed: speed, seed: 7,
            refusalRate: refusalRate, faults: faults))
        let client = CentralClient(configuration: .init(baseURL: server.baseURL, terminalID: terminalID,
                                                        connectTimeout: .seconds(2), requestTimeout: clientTimeout),
                                   secret: secret)
        return CentralSimHarness(directory: directory, secret: secret, server: server, client: client)
    }

    private init(directory: URL, secret: TerminalSecret, server: RunningCentralSim, client: CentralClient) {
        self.directory = directory
        self.secret = secret
        self.server = server
        self.client = client
    }

    /// A second client of the same terminal (e.g. with other timeouts or a skewed clock).
    public func makeClient(requestTimeout: Duration = .seconds(15), clock: any KioskClock = SystemClock()) -> CentralClient {
        CentralClient(configuration: .init(baseURL: server.baseURL, terminalID: Self.terminalID,
                                           connectTimeout: .seconds(2), requestTimeout: requestTimeout),
                      secret: secret, clock: clock)
    }

    public func stop() async {
        try? await client.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
