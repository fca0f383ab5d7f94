import CentralService
import CentralSim
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KioskDomainTesting
import TestSupport
import Testing
import TestTraits

/// Starting central-sim in a process either listens or says why it cannot: a starter that waited
/// for a port the server would never report once held a whole parallel run for good.
/// The address here cannot even be parsed, so the server fails before it opens a socket. (A bind
/// refused by the kernel in this process is left to the `central-sim` executable's own test: an
/// in-process server failing to bind has stalled a parallel run with every thread idle.)
@Suite(.realTime) struct CentralSimStartTests {
    @Test("a central-sim that cannot listen throws, naming the address")
    func anAddressItCannotListenOnIsAnErrorNotAWait() async throws {
        let directory = try RepositoryPaths.temporaryDirectory("central-sim-start")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = CentralSimConfiguration(host: "256.0.0.1", port: 8480, databasePath: directory.appendingPathComponent("c.sqlite").path,
                                                    assets: RepositoryPaths.assets, terminals: [:])
        do {
            let server = try await CentralSimServer.start(configuration)
            await server.stop()
            Issue.record("central-sim listened on 256.0.0.1")
        } catch let error as CentralSimStartError {
            #expect(error.description.contains("256.0.0.1:8480"), "\(error)")
        }
    }

    @Test("central-sim on a port another program listens on exits 2 and names the address")
    func theExecutableOnATakenPortSaysSo() async throws {
        let directory = try RepositoryPaths.temporaryDirectory("central-sim-start")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (holder, port) = try Self.listeningSocket()
        defer { close(holder) }
        let result = try await ProcessRunner.runProduct("central-sim", ["--listen", "127.0.0.1:\(port)",
                                                                       "--db", directory.appendingPathComponent("c.sqlite").path], timeout: 50)
        #expect(result.status == 2)
        #expect(result.stderrText.contains("cannot listen on 127.0.0.1:\(port)"), "\(result.stderrText)")
        #expect(!result.stdoutText.contains("listening on"))
    }

    /// A socket listening on a free loopback port, and the port.
    static func listeningSocket() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, ok else {
            close(fd)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
