import CentralService
import Foundation
import KioskStore
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// `kioskctl outbox drain` as a technician runs it: exit 1 and a JSON report when the central
/// service refuses a case, while the others are delivered.
@Suite(.realTime) struct DrainCommandTests {
    @Test func aRefusedCaseMakesTheDrainSayNo() async throws {
        let sim = try await CentralSimHarness.start()
        let directory = sim.directory
        let keyFile = directory.appendingPathComponent("terminal.key").path
        try sim.secret.write(to: keyFile)
        let databasePath = directory.appendingPathComponent("cases.sqlite").path
        let storeKey = directory.appendingPathComponent("store.key").path
        let store = try CaseStore(configuration: StoreConfiguration(databasePath: databasePath, keyFilePath: storeKey,
                                                                    reservedPages: 0, reservedDiskBytes: 0))
        var bad = CaseFixtures.chongqing(index: 40)
        bad.applicant.idNumber = "110105194912310021"
        try await store.confirm(bad)
        try await store.confirm(CaseFixtures.chongqing(index: 41))
        try await store.close()

        let child = try ChildProcess(
            executable: try BuiltProducts.path("kioskctl"),
            arguments: ["outbox", "drain", "--central", sim.server.baseURL.absoluteString, "--terminal", CentralSimHarness.terminalID,
                        "--terminal-key", keyFile, "--db", databasePath, "--key", storeKey, "--until-empty", "--json"],
            logPrefix: directory.appendingPathComponent("drain").path)
        let code = await child.exitCode()
        #expect(code == 1)
        let document = try JSONSerialization.jsonObject(with: Data(child.standardOutput.utf8)) as? [String: Any]
        let report = document?["report"] as? [String: Any]
        let outbox = document?["outbox"] as? [String: Any]
        #expect(report?["delivered"] as? Int == 1)
        #expect(report?["dead"] as? Int == 1)
        #expect(outbox?["pending"] as? Int == 0)
        #expect(outbox?["dead"] as? Int == 1)
        #expect(child.standardError.contains(bad.localReference))
        #expect(!child.standardOutput.contains(bad.applicant.name))
        #expect(!child.standardError.contains(bad.applicant.idNumber))
        await sim.stop()
    }
}
