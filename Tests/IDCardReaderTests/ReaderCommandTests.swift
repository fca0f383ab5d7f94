import Foundation
import IDCardReader
import IDCardSimulator
import KioskDomain
import IDCardReaderTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// `kioskctl reader …` as a technician runs it: the real executable against the simulator.
@Suite("kioskctl reader", .serialized, .realTime)
struct ReaderCommandTests {
    static func kioskctl() async throws -> URL { try ProcessRunner.product("kioskctl") }

    static func run(_ arguments: [String]) async throws -> ProcessRunner.Result {
        let exe = try await kioskctl()
        return try await ProcessRunner.run(exe, arguments)
    }

    @Test("read --json: one masked document, exit 0; --reveal shows the full number")
    func readJSON() async throws {
        let rig = try SimulatedReaderRig(cards: [ScriptedCard(type: .residentID)])
        defer { rig.stop() }
        let number = try ScriptedCard(type: .residentID).identityCard().number
        let masked = try await Self.run(["reader", "read", "--device", rig.devicePath, "--json", "--today", "2026-11-23"])
        #expect(masked.status == 0, "\(masked.stderrText)")
        let doc = try #require(try JSONSerialization.jsonObject(with: masked.stdout) as? [String: Any])
        #expect(doc["cardType"] as? String == "resident")
        #expect(doc["acceptable"] as? Bool == true)
        #expect(doc["masked"] as? Bool == true)
        #expect(doc["number"] as? String == Masking.idNumber(number))
        #expect(!masked.stdoutText.contains(number))
        #expect(doc["birthDate"] as? String == "****-**-**")

        // The card read above is halted; place a fresh one for the revealing read.
        try rig.engine.place(ScriptedCard(type: .residentID))
        let revealed = try await Self.run(["reader", "read", "--device", rig.devicePath, "--json", "--reveal", "--today", "2026-11-23"])
        #expect(revealed.status == 0)
        #expect(revealed.stdoutText.contains(number))
    }

    @Test("read: an expired card exits 1 with the reason; no card exits 1; no device exits 2")
    func readExitCodes() async throws {
        let rig = try SimulatedReaderRig(cards: [ScriptedCard(type: .residentID, expired: true)])
        defer { rig.stop() }
        let expired = try await Self.run(["reader", "read", "--device", rig.devicePath, "--today", "2026-11-23"])
        #expect(expired.status == 1, "\(expired.stderrText) line: \(rig.simulator.trafficLog)")
        #expect(expired.stdoutText.contains("已过期"))
        let none = try await Self.run(["reader", "read", "--device", rig.devicePath, "--wait", "0.5", "--json"])
        #expect(none.status == 1, "\(none.stderrText) line: \(rig.simulator.trafficLog)")
        #expect(none.stdoutText.contains("\"no_card\""))
        let missing = try await Self.run(["reader", "read", "--device", "/nonexistent/ttyUSB9"])
        #expect(missing.status == 2)
        #expect(missing.stderrText.contains("cannot open /nonexistent/ttyUSB9"))
        let bad = try await Self.run(["reader", "read", "--usb", "nonsense"])
        #expect(bad.status == 2)
    }

    @Test("probe --json lists the simulated reader as answering")
    func probe() async throws {
        let rig = try SimulatedReaderRig(cards: [])
        defer { rig.stop() }
        let result = try await Self.run(["reader", "probe", "--tty", rig.devicePath, "--json"])
        #expect(result.status == 0, "\(result.stderrText)")
        let rows = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
        #expect(rows.contains { ($0["device"] as? String)?.hasPrefix(rig.devicePath) == true && $0["answered"] as? Bool == true })
    }

    @Test("simulate prints a link of its own to the pty, serves a read, and removes the link on SIGTERM")
    func simulate() async throws {
        let dir = try RepositoryPaths.temporaryDirectory("reader-sim")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("card.json")
        try Data(#"{"type": "permit", "fields": {"issueCount": 2}}"#.utf8).write(to: script)
        let process = Process()
        process.executableURL = try await Self.kioskctl()
        process.arguments = ["reader", "simulate", "--card", script.path, "--traffic"]
        let out = Pipe()
        process.standardOutput = out
        // With --traffic the simulator writes each exchange on stderr, and a note whenever its
        // own thread was late: kept for the failure message.
        let notes = dir.appendingPathComponent("simulator.stderr")
        _ = FileManager.default.createFile(atPath: notes.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: notes)
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let reader = out.fileHandleForReading
        let line = try await Spawn.offPool { () -> Data in
            var line = Data()
            while !line.contains(0x0A) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                line += chunk
            }
            return line
        }
        let path = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasSuffix("/tty") && path.contains("idcard-sim-"), "\(path)")
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: path)
        #expect(target.hasPrefix("/dev/pts/"))
        let arguments = ["reader", "read", "--device", path, "--json", "--today", "2026-11-23"]
        var read = try await Self.run(arguments)
        var simulatorNotes = String(decoding: (try? Data(contentsOf: notes)) ?? Data(), as: UTF8.self)
        if read.status != 0, simulatorNotes.contains("simulator thread late") {
            // The simulator's own process was held past the reader's 2 s control timeout (it
            // says so): that is the loaded machine, not the command. One more read must work.
            read = try await Self.run(arguments)
            simulatorNotes = String(decoding: (try? Data(contentsOf: notes)) ?? Data(), as: UTF8.self)
        }
        #expect(read.status == 0, "\(read.stderrText)\nsimulator: \(simulatorNotes)")
        #expect(read.stdoutText.contains("\"permit\""))
        #expect(simulatorNotes.contains(" s ← ") && simulatorNotes.contains(" s → "), "--traffic shows the exchanges: \(simulatorNotes)")
        process.terminate()
        try await Spawn.offPool { process.waitUntilExit() }
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: path), "a stopped simulator leaves no path to reopen")
    }

    @Test("simulate refuses a bad script with the file and key")
    func simulateBadScript() async throws {
        let dir = try RepositoryPaths.temporaryDirectory("reader-sim")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("card.json")
        try Data(#"{"cards": [{"type": "resident", "fields": {"validTo": "someday"}}]}"#.utf8).write(to: script)
        let result = try await Self.run(["reader", "simulate", "--card", script.path])
        #expect(result.status == 2)
        #expect(result.stderrText.contains("cards[0].fields.validTo"))
    }
}
