import CentralService
import Foundation
import KioskStore
import TestSupport

/// The world of the kill -9 crash tests (cases and ratings): a kiosk store in a fresh folder, a
/// real `central-sim` with latency (10–50 ms, which widens the window in which a kill lands
/// between "central stored it" and "the store recorded the acknowledgement"), a client to check
/// what central holds, and real `kioskctl outbox drain` runs to kill.
public struct OutboxCrashRig {
    public let directory: URL
    public let sim: CentralSimProcess
    public let store: CaseStore
    public let central: CentralClient
    public let databasePath: String
    public let keyPath: String
    private let kioskctl: String

    /// `label` names the temporary folder.
    public init(label: String) async throws {
        directory = try RepositoryPaths.temporaryDirectory(label)
        kioskctl = try BuiltProducts.path("kioskctl")
        sim = try await CentralSimProcess(directory: directory, extraArguments: ["--latency-ms", "10", "--latency-jitter-ms", "40"])
        databasePath = directory.appendingPathComponent("cases.sqlite").path
        keyPath = directory.appendingPathComponent("store.key").path
        store = try CaseStore(configuration: StoreConfiguration(databasePath: databasePath, keyFilePath: keyPath,
                                                                reservedPages: 0, reservedDiskBytes: 0))
        central = try CentralClient(configuration: .init(baseURL: sim.baseURL, terminalID: sim.terminalID),
                                    secret: try TerminalSecret.load(from: sim.keyPath))
    }

    /// Starts `kioskctl outbox drain` on the rig's store and central-sim; its output goes to
    /// `<directory>/<label>.*`.
    public func drain(_ label: String, extra: [String] = []) throws -> ChildProcess {
        try ChildProcess(executable: kioskctl,
                         arguments: ["outbox", "drain", "--central", sim.baseURL.absoluteString, "--terminal", sim.terminalID,
                                     "--terminal-key", sim.keyPath, "--db", databasePath, "--key", keyPath] + extra,
                         logPrefix: directory.appendingPathComponent(label).path)
    }
}
