import Foundation
import KioskDomain
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore
#if canImport(Glibc)
import Glibc
#endif

/// A process confirming cases is killed with SIGKILL at random points; after each restart every
/// case it reported as confirmed is there, whole, and the store has no half-written case.
@Suite(.realTime) struct CrashSafetyTests {
    @Test func everyConfirmedCaseSurvivesSIGKILL() async throws {
        let rig = try StoreRig(label: "crash")
        defer { rig.remove() }
        let writer = try ProcessRunner.product("store-crash-writer")
        var generator = SeededRandom(seed: 7)
        var confirmed: [Int: UUID] = [:]
        for round in 0..<20 {
            let process = Process()
            process.executableURL = writer
            process.arguments = ["--db", rig.databasePath, "--key", rig.keyFilePath, "--first", "\(round * 1000)"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Let it confirm a random number of cases (0–11), then kill it after a random delay,
            // which lands anywhere in the next confirm: before, inside or after its commit.
            let wanted = Int(generator.next() % 12)
            var text = ""
            while text.filter({ $0 == "\n" }).count < wanted {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            usleep(UInt32(generator.next() % 20_000))
            kill(process.processIdentifier, SIGKILL)
            text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 2, let index = Int(parts[0]), let id = UUID(uuidString: String(parts[1])) {
                    confirmed[index] = id
                }
            }

            // Restart: integrity check at open, then every reported case must load unchanged.
            let store = try rig.open()
            for (index, id) in confirmed {
                #expect(try await store.loadCase(id: id) == CaseFixtures.withBankAccountAndPhoto(index: index))
            }
            let stored = try await store.caseCount()
            #expect(stored >= confirmed.count)
            #expect(try await store.outboxEntries().count == stored)
            try await store.close()
        }
        #expect(confirmed.count > 20, "the writer confirmed too few cases for the test to mean anything")
        // No partial case: every case has its items, fields and photo; nothing refers to a missing case.
        let partial = try sqlite(rig.databasePath, """
            SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_items i WHERE i.case_id = c.id)
                OR NOT EXISTS (SELECT 1 FROM case_fields f WHERE f.case_id = c.id)
                OR NOT EXISTS (SELECT 1 FROM case_photos p WHERE p.case_id = c.id)
            """)
        #expect(partial == "0")
        #expect(try sqlite(rig.databasePath, "PRAGMA foreign_key_check") == "")
        #expect(try sqlite(rig.databasePath, "PRAGMA integrity_check") == "ok")
    }
}
