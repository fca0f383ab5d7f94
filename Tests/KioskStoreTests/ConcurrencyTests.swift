import Foundation
import KioskDomain
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore

/// WAL: another process (the `sqlite3` shell here, `kioskctl` in the field) reads while the store
/// writes, and the store reads while another process holds the write lock.
@Suite(.realTime) struct ConcurrencyTests {
    @Test func anotherProcessReadsWhileTheStoreWrites() async throws {
        let rig = try StoreRig(label: "mp-read")
        defer { rig.remove() }
        let store = try rig.open()
        let writer = Task(executorPreference: TestExecutors.realTime) {
            for index in 0..<40 { try await store.confirm(CaseFixtures.withBankAccountAndPhoto(index: index)) }
        }
        var counts: [Int] = []
        while counts.last != 40 {
            let output = try await Task.detached { try sqlite(rig.databasePath, "SELECT count(*) FROM outbox") }.value
            counts.append(try #require(Int(output), "sqlite3 printed \(output)"))
            if counts.count > 2000 { break }
        }
        try await writer.value
        // Every read succeeded and saw whole transactions only, never going backwards.
        #expect(counts == counts.sorted())
        #expect(counts.last == 40)
        let orphans = try sqlite(rig.databasePath, "SELECT count(*) FROM cases WHERE id NOT IN (SELECT case_id FROM outbox)")
        #expect(orphans == "0")
    }

    @Test func theStoreReadsWhileAnotherProcessHoldsTheWriteLock() async throws {
        let rig = try StoreRig(label: "mp-lock")
        defer { rig.remove() }
        let store = try rig.open()
        let filed = CaseFixtures.withBankAccountAndPhoto(index: 3)
        try await store.confirm(filed)

        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = ["-bail", "-cmd", ".timeout 5000", rig.databasePath]
        let input = Pipe(), output = Pipe()
        shell.standardInput = input
        shell.standardOutput = output
        shell.standardError = output
        try shell.run()
        defer { if shell.isRunning { shell.terminate() } }
        input.fileHandleForWriting.write(Data("""
            BEGIN IMMEDIATE;
            INSERT INTO device_events (at, device, event, detail) VALUES (0, 'probe', 'held', '');
            SELECT 'locked';

            """.utf8))
        var seen = ""
        while !seen.contains("locked") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("locked"), "sqlite3 said: \(seen)")

        // Reads go on while the other process holds the write lock, and see only committed data.
        #expect(try await store.loadCase(id: filed.id) == filed)
        #expect(try await store.dueOutbox(now: rig.clock.wallTime, limit: 10).map(\.caseID) == [filed.id])
        #expect(try await store.deviceEvents().isEmpty)

        // A write waits for the lock (busy timeout) and succeeds once the other process commits.
        let write = Task(executorPreference: TestExecutors.realTime) { try await store.recordDeviceEvent(device: "printer", event: "paper-out") }
        input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
        try await write.value
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(Set(try await store.deviceEvents().map(\.event)) == ["held", "paper-out"])
    }

    @Test func twoStoresOnOneFileWriteAndReadTogether() async throws {
        let rig = try StoreRig(label: "two-stores")
        defer { rig.remove() }
        let daemon = try rig.open()
        let inspector = try CaseStore(configuration: rig.configuration(createIfMissing: false))
        async let written: Void = {
            for index in 0..<30 { try await daemon.confirm(CaseFixtures.chongqing(index: index)) }
        }()
        var seen = 0
        for _ in 0..<200 where seen < 30 {
            let summaries = try await inspector.caseSummaries(limit: 100)
            #expect(summaries.count >= seen)
            seen = summaries.count
            for summary in summaries.prefix(1) { _ = try await inspector.loadCase(id: summary.id) }
        }
        try await written
        #expect(try await inspector.caseCount() == 30)
        #expect(try await inspector.outboxStats(now: rig.clock.wallTime).pending == 30)
    }
}
