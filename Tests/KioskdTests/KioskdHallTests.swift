import Foundation
import KioskDomain
import KioskStore
import KioskTesting
import TerminalUI
import Testing
import TestTraits

/// kioskd as a hall runs it: `kioskd --config FILE` with a real central-sim process, a reader on a
/// pty, systemd's notify socket, and cases already waiting in the outbox. SIGTERM in the middle
/// of the drain exits 0 with the terminal restored, and the next start sends the rest: every
/// case reaches the central service exactly once, without a veteran touching the screen.
@Suite(.serialized, .realTime(.kiosk)) struct KioskdHallTests {
    static let cases = 40

    struct Hall {
        let directory: URL
        let central: CentralSimProcess
        let reader: SimulatedReaderRig
        let configPath: String
        let statusPort: Int
        let notify: NotifySocket

        init() async throws {
            directory = try RepositoryPaths.temporaryDirectory("kioskd-hall")
            let centralDir = directory.appendingPathComponent("central")
            try FileManager.default.createDirectory(at: centralDir, withIntermediateDirectories: true)
            // 250 ms a request: the drain of 40 cases takes about ten seconds, long enough to be
            // interrupted even when the test itself is slow to notice that it began.
            central = try await CentralSimProcess(directory: centralDir, extraArguments: ["--latency-ms", "250"])
            reader = try SimulatedReaderRig(cards: [])
            statusPort = try FreePort.pick()
            notify = try NotifySocket(path: directory.appendingPathComponent("notify.sock").path)
            configPath = directory.appendingPathComponent("kioskd.toml").path
            try """
                region = "chongqing"
                data_directory = "\(directory.appendingPathComponent("data").path)"

                [terminal]
                id = "\(CentralSimHarness.terminalID)"
                key_file = "\(central.keyPath)"

                [central]
                url = "\(central.baseURL.absoluteString)"

                [devices]
                reader = "\(reader.devicePath)"
                printer_queue = "kiosk-receipt-absent"
                photo_folder = "\(directory.appendingPathComponent("photos").path)"

                [status]
                listen = "127.0.0.1:\(statusPort)"

                [heartbeat]
                interval_seconds = 5

                """.write(toFile: configPath, atomically: true, encoding: .utf8)
        }

        func start() throws -> KioskdJourneyTests.Kiosk {
            try KioskdJourneyTests.Kiosk(region: "chongqing",
                                         arguments: ["--config", configPath, "--assets", RepositoryPaths.assets.root.path,
                                                     "--event-log", directory.appendingPathComponent("events.jsonl").path],
                                         dataDir: directory.appendingPathComponent("data"),
                                         environment: ["NOTIFY_SOCKET": notify.name, "CUPS_SERVER": "/nonexistent/cups.sock"])
        }

        func deliveredCount() async throws -> Int {
            let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [central.databasePath, "SELECT COUNT(*) FROM cases;"])
            return Int(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }

        func status() async throws -> ProcessRunner.Result {
            try await ProcessRunner.run(URL(fileURLWithPath: try BuiltProducts.path("kioskctl")),
                                        ["status", "--url", "http://127.0.0.1:\(statusPort)", "--json"])
        }
    }

    @Test func aSIGTERMMidDrainLosesNothingAndTheNextStartSendsTheRest() async throws {
        let hall = try await Hall()
        defer {
            hall.reader.stop()
            if ProcessInfo.processInfo.environment["KIOSKD_KEEP"] == nil { try? FileManager.default.removeItem(at: hall.directory) }
        }
        // Cases filed while the terminal was offline, waiting in the outbox.
        let dataDir = hall.directory.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let store = try CaseStore(configuration: StoreConfiguration(databasePath: dataDir.appendingPathComponent("cases.sqlite").path,
                                                                    keyFilePath: dataDir.appendingPathComponent("store.key").path))
        let filed = (0..<Self.cases).map { CaseFixtures.chongqing(index: $0) }
        for one in filed { try await store.confirm(one) }
        try await store.close()

        var kiosk = try hall.start()
        try await kiosk.wait(for: "开始办理", timeout: .seconds(60))
        let ready = await hall.notify.waitFor("READY=1")
        #expect(ready.contains { $0.contains("READY=1") }, "\(ready)")
        // The drain runs in the background; stop kioskd once part of the queue went out.
        var delivered = 0
        for _ in 0..<400 where delivered < 2 {
            delivered = try await hall.deliveredCount()
            try await Task.sleep(for: .milliseconds(50))
        }
        kiosk.pty.signal(SIGTERM)
        let stopping = await hall.notify.waitFor("STOPPING=1")
        #expect(stopping.contains { $0.contains("STOPPING=1") }, "\(stopping)")
        let status = try await kiosk.pty.waitForExit(timeout: .seconds(20))
        #expect(status == .exited(0), "\(kiosk.screen.screenText)")
        #expect(try kiosk.pty.isCookedMode())
        let afterStop = try await hall.deliveredCount()
        #expect(afterStop > 0 && afterStop < Self.cases, "the stop came mid-drain: \(afterStop) of \(Self.cases)")

        // The next start sends the rest without anyone at the screen.
        kiosk = try hall.start()
        try await kiosk.wait(for: "开始办理", timeout: .seconds(60))
        var count = 0
        for _ in 0..<300 where count < Self.cases {
            count = try await hall.deliveredCount()
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(count == Self.cases, "every case once at the central service")

        // The status API names the configured terminal, its outbox empty, pre-flight passed.
        var report = try await hall.status()
        for _ in 0..<40 where !report.stdoutText.contains("\"pending\" : 0") && !report.stdoutText.contains("\"pending\":0") {
            try await Task.sleep(for: .milliseconds(250))
            report = try await hall.status()
        }
        #expect(report.stdoutText.contains(CentralSimHarness.terminalID), "\(report.stdoutText)")
        // The printer queue does not exist: kioskd still serves, and says so.
        #expect(report.stdoutText.contains("printer"))
        // The heartbeat reached the central service: the fleet lists the terminal.
        let fleet = try await ProcessRunner.run(URL(fileURLWithPath: try BuiltProducts.path("kioskctl")),
                                                ["fleet", "--central", hall.central.baseURL.absoluteString,
                                                 "--terminal", CentralSimHarness.terminalID, "--key-file", hall.central.keyPath])
        // A terminal's key reads its own entry (an operator's key reads the fleet: CentralSimAccessTests).
        #expect(fleet.stdoutText.contains(CentralSimHarness.terminalID), "\(fleet.stdoutText)\(fleet.stderrText)")

        kiosk.pty.signal(SIGTERM)
        #expect(try await kiosk.pty.waitForExit(timeout: .seconds(20)) == .exited(0))
        await hall.central.stop()

        // No personal value in the event log, the status or the fleet output.
        let events = try String(contentsOf: hall.directory.appendingPathComponent("events.jsonl"), encoding: .utf8)
        #expect(events.contains("\"event\":\"preflight-check-complete\""))
        let personal = filed.flatMap { [$0.applicant.name, $0.applicant.idNumber] }
        for value in personal {
            #expect(!events.contains(value) && !report.stdoutText.contains(value) && !fleet.stdoutText.contains(value))
        }
    }

    @Test func aBadConfigurationNamesItsKeyAndStopsTheStart() async throws {
        let directory = try RepositoryPaths.temporaryDirectory("kioskd-config")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.toml").path
        try "region = \"chongqing\"\n[timeouts]\nidle_seconds = 5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let kioskd = URL(fileURLWithPath: try BuiltProducts.path("kioskd"))
        let check = try await ProcessRunner.run(kioskd, ["--check-config", "--config", path, "--assets", RepositoryPaths.assets.root.path])
        #expect(check.status == 1)
        #expect(check.stderrText.contains("\(path): timeouts.idle_seconds: expected an integer from 15 to 3600, found 5"), "\(check.stderrText)")
        // The same file refuses to start the daemon, before any terminal is touched.
        let start = try await ProcessRunner.run(kioskd, ["--config", path, "--assets", RepositoryPaths.assets.root.path])
        #expect(start.status == 1 && start.stderrText.contains("timeouts.idle_seconds"))

        // A valid file is accepted and printed with its defaults.
        let good = directory.appendingPathComponent("good.toml").path
        try "region = \"hebei\"\ndemo = true\n".write(toFile: good, atomically: true, encoding: .utf8)
        let printed = try await ProcessRunner.run(kioskd, ["--check-config", "--print", "--config", good, "--assets", RepositoryPaths.assets.root.path])
        #expect(printed.status == 0, "\(printed.stderrText)")
        #expect(printed.stdoutText.contains("region = \"hebei\"") && printed.stdoutText.contains("[demo_world]"))

        // Files the configuration names are checked too: a missing key file outside the demo.
        let hall = directory.appendingPathComponent("hall.toml").path
        try "region = \"hebei\"\ndata_directory = \"\(directory.path)\"\n[terminal]\nkey_file = \"\(directory.path)/absent.key\"\n"
            .write(toFile: hall, atomically: true, encoding: .utf8)
        let missing = try await ProcessRunner.run(kioskd, ["--check-config", "--config", hall, "--assets", RepositoryPaths.assets.root.path])
        #expect(missing.status == 1 && missing.stderrText.contains("terminal.key_file"), "\(missing.stderrText)")
    }

    @Test func aTerminalWithoutThisYearsCalendarPausesAndSaysWhy() async throws {
        let directory = try RepositoryPaths.temporaryDirectory("kioskd-paused")
        defer { try? FileManager.default.removeItem(at: directory) }
        // The kiosk's Assets without the calendar of the year it is now in China.
        let assets = directory.appendingPathComponent("Assets")
        try FileManager.default.copyItem(at: RepositoryPaths.assets.root, to: assets)
        let year = SystemClock().today.year
        try FileManager.default.removeItem(at: assets.appendingPathComponent("calendar/\(year).json"))
        let port = try FreePort.pick()
        let kiosk = try KioskdJourneyTests.Kiosk(region: "hebei",
                                                 arguments: ["--demo", "--region", "hebei", "--assets", assets.path,
                                                             "--data-dir", directory.appendingPathComponent("data").path,
                                                             "--status", "127.0.0.1:\(port)"],
                                                 dataDir: directory.appendingPathComponent("data"))
        let text = try await kiosk.wait(for: "暂停服务", timeout: .seconds(60))
        #expect(text.contains("今年的工作日历尚未配置"))
        #expect(!text.contains("开始办理"), "no case may start on a paused terminal")
        let report = try await ProcessRunner.run(URL(fileURLWithPath: try BuiltProducts.path("kioskctl")),
                                                 ["status", "--url", "http://127.0.0.1:\(port)"])
        #expect(report.status != 0, "an out-of-service terminal is not ok")
        #expect(report.stdoutText.contains("calendar") && report.stdoutText.contains("更新 Assets/calendar"), "\(report.stdoutText)")
        kiosk.pty.signal(SIGTERM)
        #expect(try await kiosk.pty.waitForExit(timeout: .seconds(20)) == .exited(0))
    }
}
