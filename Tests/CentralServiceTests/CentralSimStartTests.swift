import CentralService
import CentralSim
import Foundation
import KioskDomainTesting
import TestSupport
import Testing
import TestTraits

/// Starting central-sim in a process either listens or says why it cannot: a starter that waited
/// for a port the server would never report once held a whole parallel run for good (the demo's
/// "central down" fault restarting on a port someone else had taken).
@Suite(.realTime) struct CentralSimStartTests {
    @Test("a central-sim on a port already listening throws, naming the address", .timeLimit(.minutes(1)))
    func aTakenPortIsAnErrorNotAWait() async throws {
        let directory = try RepositoryPaths.temporaryDirectory("central-sim-start")
        defer { try? FileManager.default.removeItem(at: directory) }
        func configuration(_ name: String, port: Int) -> CentralSimConfiguration {
            CentralSimConfiguration(host: "127.0.0.1", port: port, databasePath: directory.appendingPathComponent(name).path,
                                    assets: RepositoryPaths.assets, terminals: [:])
        }
        let first = try await CentralSimServer.start(configuration("first.sqlite", port: 0))
        do {
            let second = try await CentralSimServer.start(configuration("second.sqlite", port: first.port))
            await second.stop()
            Issue.record("a second server listened on \(first.port)")
        } catch let error as CentralSimStartError {
            #expect(error.port == first.port)
            #expect(error.description.contains("127.0.0.1:\(first.port)"), "\(error)")
        }
        await first.stop()
    }
}
