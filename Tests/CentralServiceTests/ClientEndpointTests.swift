import CentralService
import Foundation
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// The client refuses plain HTTP to anything but loopback, at configuration time, naming the key.
@Suite(.realTime) struct ClientEndpointTests {
    @Test func plainHTTPToARemoteHostIsRefusedBeforeAnyConnection() throws {
        // A listener on this machine's loopback stands in for "someone on the network": the
        // client is pointed at it through a non-loopback spelling nothing resolves to loopback.
        let server = try CannedHTTPServer(status: 201, body: Data("{}".utf8))
        defer { server.stop() }
        for url in ["http://192.0.2.10:\(server.port)", "http://central.example.gov.cn", "http://10.0.0.1:8480/",
                    "http://[2001:db8::1]:8480", "http://127.0.0.1.nip.io:\(server.port)", "HTTP://128.0.0.1"] {
            let error = #expect(throws: CentralConfigurationError.self, "\(url)") {
                _ = try CentralClient(configuration: .init(baseURL: URL(string: url)!, terminalID: "T", urlKey: "central.url"),
                                      secret: .generate())
            }
            #expect(error?.key == "central.url")
            #expect(error?.description.hasPrefix("central.url: plain http") == true, "\(String(describing: error))")
        }
        #expect(server.requestCount == 0)
        #expect(throws: CentralConfigurationError.self) {
            _ = try CentralClient(configuration: .init(baseURL: URL(string: "ftp://central.example")!, terminalID: "T"),
                                  secret: .generate())
        }
    }

    @Test func loopbackHTTPAndRemoteHTTPSAreAccepted() async throws {
        for url in ["http://127.0.0.1:8480", "http://127.3.4.5", "http://localhost:1", "http://[::1]:8480",
                    "https://central.example.gov.cn", "https://10.0.0.1:8443"] {
            let client = try CentralClient(configuration: .init(baseURL: URL(string: url)!, terminalID: "T"), secret: .generate())
            try await client.shutdown()
        }
    }

    @Test func theProvincesCAIsLoadedAtConfigurationTime() throws {
        let directory = try RepositoryPaths.temporaryDirectory("central-ca")
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.pem").path
        let error = #expect(throws: CentralConfigurationError.self) {
            _ = try CentralClient(configuration: .init(baseURL: URL(string: "https://central.example")!, terminalID: "T",
                                                       tls: CentralTLS(caFile: missing, caFileKey: "--central-ca")),
                                  secret: .generate())
        }
        #expect(error?.key == "--central-ca")
        #expect(error?.description.contains("missing.pem") == true)
        let pinWithoutCA = #expect(throws: CentralConfigurationError.self) {
            _ = try CentralClient(configuration: .init(baseURL: URL(string: "https://central.example")!, terminalID: "T",
                                                       tls: CentralTLS(pinCA: true)),
                                  secret: .generate())
        }
        #expect(pinWithoutCA?.key == "central.pin_ca")
    }
}
