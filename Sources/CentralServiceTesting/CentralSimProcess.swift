import CentralService
import Foundation
import KioskDomainTesting
import TestSupport

/// The real `central-sim` executable on loopback, for end-to-end tests: started on a free
/// port, stopped with SIGTERM, or killed and restarted on the same database.
public final class CentralSimProcess: @unchecked Sendable {
    public let databasePath: String
    public let keyPath: String
    public let terminalID: String
    public private(set) var process: ChildProcess
    public private(set) var baseURL: URL
    private let extraArguments: [String]
    private let logPrefix: String

    /// Starts central-sim with its database and the terminal key under `directory`.
    public init(directory: URL, terminalID: String = CentralSimHarness.terminalID, extraArguments: [String] = []) async throws {
        databasePath = directory.appendingPathComponent("central.sqlite").path
        keyPath = directory.appendingPathComponent("terminal.key").path
        logPrefix = directory.appendingPathComponent("central-sim").path
        self.terminalID = terminalID
        self.extraArguments = extraArguments
        (process, baseURL) = try await Self.launch(databasePath: databasePath, keyPath: keyPath, terminalID: terminalID,
                                                   extraArguments: extraArguments, logPrefix: logPrefix, port: 0)
    }

    /// Kills the server without warning and starts it again on the same database and port.
    public func crashAndRestart() async throws {
        process.signal(SIGKILL)
        _ = await process.exitCode()
        (process, baseURL) = try await Self.launch(databasePath: databasePath, keyPath: keyPath, terminalID: terminalID,
                                                   extraArguments: extraArguments, logPrefix: logPrefix,
                                                   port: baseURL.port ?? 0)
    }

    public func stop() async {
        process.signal(SIGTERM)
        _ = await process.exitCode()
    }

    private static func launch(databasePath: String, keyPath: String, terminalID: String, extraArguments: [String],
                               logPrefix: String, port: Int) async throws -> (ChildProcess, URL) {
        let binary = try BuiltProducts.path("central-sim")
        var lastError: (any Error)?
        // A restart on the same port can race the old socket's release: try a few times.
        for _ in 0..<20 {
            let child = try ChildProcess(
                executable: binary,
                arguments: ["--listen", "127.0.0.1:\(port)", "--db", databasePath, "--terminal", "\(terminalID)=\(keyPath)",
                            "--create-keys", "--assets", RepositoryPaths.assets.root.path] + extraArguments,
                logPrefix: logPrefix + "-" + String(UUID().uuidString.prefix(8)))
            do {
                let line = try await child.waitForOutput(containing: "listening on", timeout: .seconds(30))
                let address = line.components(separatedBy: "listening on ").last ?? ""
                let url = URL(string: address.trimmingCharacters(in: .whitespaces))!
                return (child, url)
            } catch {
                lastError = error
                child.signal(SIGKILL)
                _ = await child.exitCode()
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        throw lastError!
    }
}
