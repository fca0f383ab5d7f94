import ArgumentParser
import Foundation
import KioskStore

/// `--db PATH --key PATH` for the case and outbox commands. Defaults: $KIOSK_STORE_DB and
/// $KIOSK_STORE_KEY when set, else the terminal's paths (`/var/lib/onestop-kiosk/cases.sqlite`,
/// `/var/lib/onestop-kiosk/store.key`). The store is opened without creating anything: a missing
/// database or key is an error (exit 2), never a new empty store or a new key.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The case database (default: $KIOSK_STORE_DB or \(StoreConfiguration.defaultDatabasePath)).", valueName: "path"))
    var database: String?

    @Option(name: .customLong("key"), help: ArgumentHelp(
        "The sealing key file (default: $KIOSK_STORE_KEY or \(StoreConfiguration.defaultKeyFilePath)).", valueName: "path"))
    var key: String?

    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    func open() throws -> CaseStore {
        let environment = ProcessInfo.processInfo.environment
        let configuration = StoreConfiguration(
            databasePath: database ?? environment["KIOSK_STORE_DB"] ?? StoreConfiguration.defaultDatabasePath,
            keyFilePath: key ?? environment["KIOSK_STORE_KEY"] ?? StoreConfiguration.defaultKeyFilePath,
            purgeOnOpen: false, createIfMissing: false)
        do {
            return try CaseStore(configuration: configuration)
        } catch let error as StoreError {
            throw CLIFailure.cannotRun(error.description)
        }
    }

    /// Finds a case by UUID, local reference or central case number; "no such case" exits 1.
    func caseID(_ key: String, in store: CaseStore) async throws -> UUID {
        guard let id = try await store.findCaseID(key) else {
            throw CLIFailure.refused(StoreError.caseNotFound(key).description)
        }
        return id
    }
}

/// Runs a store call, turning a `StoreError` into a one-line failure: 1 for a clear "no"
/// (unknown case, already delivered), 2 for anything that stopped the command from running.
func storeCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as StoreError {
        switch error {
        case .caseNotFound, .alreadyDelivered, .personalDataPurged:
            throw CLIFailure.refused(error.description)
        default:
            throw CLIFailure.cannotRun(error.description)
        }
    }
}
