import CentralService
import Foundation
import KioskOperations
import KioskTesting
import KioskOperationsTesting
import Testing
import TestTraits

/// `kioskctl status` and `kioskctl fleet` as a technician runs them: the real binary against a
/// status server and central-sim on loopback.
@Suite("kioskctl status and fleet", .serialized, .realTime)
struct KioskctlOperationsTests {
    /// Runs kioskctl off the cooperative pool, so the in-process servers keep both its threads.
    static func kioskctl(_ arguments: [String]) async throws -> ProcessRunner.Result {
        let path = try BuiltProducts.path("kioskctl")
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try ProcessRunner.runBlocking(URL(fileURLWithPath: path), arguments, timeout: 60) })
            }
        }
    }

    @Test("status renders one terminal; exit 0 ok, 1 degraded or refused, 2 unreachable")
    func status() async throws {
        let directory = try RepositoryPaths.temporaryDirectory("kioskctl-status")
        defer { try? FileManager.default.removeItem(at: directory) }
        let rig = try await StatusServerRig.start(log: EventLogCapture().eventLog())
        await rig.board.device("reader", state: "ok", model: "CVR-100U")
        await rig.board.preflight(failures: [])
        await rig.board.centralContact(reachable: true, heartbeatAt: Date())
        let ok = try await Self.kioskctl(["status", "--url", rig.baseURL])
        #expect(ok.status == 0, "\(ok.stderrText)")
        #expect(ok.stdoutText.contains("终端 CQ-YB-01") && ok.stdoutText.contains("正常服务"))

        await rig.board.device("printer", state: "no_paper", remedy: "装入 80mm 热敏纸")
        let degraded = try await Self.kioskctl(["status", "--url", rig.baseURL, "--json"])
        #expect(degraded.status == 1)
        let snapshot = try StatusSnapshot.decoder.decode(StatusSnapshot.self, from: degraded.stdout)
        #expect(snapshot.devices.first { $0.name == "printer" }?.remedy == "装入 80mm 热敏纸")
        await rig.stop()

        let gone = try await Self.kioskctl(["status", "--url", rig.baseURL])
        #expect(gone.status == 2 && gone.stderrText.contains("无法访问"))

        let tokenFile = directory.appendingPathComponent("token").path
        try "operator-token-0123456789".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let wrongFile = directory.appendingPathComponent("wrong").path
        try "someone-elses-token-0123".write(toFile: wrongFile, atomically: true, encoding: .utf8)
        let open = try await StatusServerRig.start(host: "0.0.0.0", tokenFile: tokenFile, log: EventLogCapture().eventLog())
        await open.board.preflight(failures: [])
        let refused = try await Self.kioskctl(["status", "--url", open.baseURL, "--token-file", wrongFile])
        #expect(refused.status == 1 && refused.stderrText.contains("拒绝"))
        let allowed = try await Self.kioskctl(["status", "--url", open.baseURL, "--token-file", tokenFile])
        #expect(allowed.status == 0, "\(allowed.stderrText)")
        let badURL = try await Self.kioskctl(["status", "--url", "ftp://x"])
        #expect(badURL.status == 2)
        await open.stop()
    }

    @Test("fleet lists every terminal central-sim knows, flags stale ones, exit 1 when any is")
    func fleet() async throws {
        let central = try await CentralSimHarness.start()
        let directory = try RepositoryPaths.temporaryDirectory("kioskctl-fleet")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyFile = directory.appendingPathComponent("terminal.key").path
        try central.secret.write(to: keyFile)
        let beat = Heartbeat(status: "ok", softwareVersion: "1.0", pendingCases: 0, oldestPendingSeconds: nil, refusedCases: 0,
                             devices: ["printer": "ok", "reader": "ok"])
        try await central.client.heartbeat(beat)
        let arguments = ["fleet", "--central", central.server.baseURL.absoluteString,
                         "--terminal", CentralSimHarness.terminalID, "--key-file", keyFile]
        let fresh = try await Self.kioskctl(arguments + ["--json"])
        #expect(fresh.status == 0, "\(fresh.stderrText)")
        let report = try StatusSnapshot.decoder.decode(FleetReport.self, from: fresh.stdout)
        #expect(report.terminals.map(\.terminalId) == [CentralSimHarness.terminalID])
        #expect(report.terminals.first?.stale == false && report.terminals.first?.state == "ok")

        try await Task.sleep(for: .seconds(2.2))
        let stale = try await Self.kioskctl(arguments + ["--stale-after", "1"])
        #expect(stale.status == 1)
        #expect(stale.stdoutText.contains("失联 ok") && stale.stdoutText.contains("失联 1 台"))

        let badKey = try await Self.kioskctl(Array(arguments.dropLast(2)) + ["--key-file", directory.appendingPathComponent("none").path])
        #expect(badKey.status == 2)
        await central.stop()
        let down = try await Self.kioskctl(arguments)
        #expect(down.status == 2 && down.stderrText.contains("中心服务"))
    }
}
