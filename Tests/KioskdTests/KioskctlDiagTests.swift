import Foundation
import KioskOperations
import KioskTesting
import TerminalUI
import Testing
import TestTraits

/// `kioskctl diag` as a technician runs it against a running `kioskd --demo` (in a pty, the
/// status API on a port of its own): through kioskd's API, with an injected fault; exit codes,
/// the JSON document, the history, the summary in `/v1/status`; and exit 2 with nothing to run.
@Suite(.serialized, .realTime(.kiosk)) struct KioskctlDiagTests {
    static let size = Size(columns: 127, rows: 26)

    /// A loopback port nobody listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(fd, raw, length) == 0, getsockname(fd, raw, &length) == 0 else { throw POSIXError(.EADDRINUSE) }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// kioskd --demo with `faults`, its status API on a free port; waits for the home screen
    /// and the status API.
    static func startKioskd(faults: [String]) async throws -> (PseudoTerminal, URL, String) {
        let port = try freePort()
        let dataDir = try RepositoryPaths.temporaryDirectory("kioskd-diag")
        let pty = try PseudoTerminal.spawn(try BuiltProducts.path("kioskd"),
                                           arguments: ["--demo", "--region", "chongqing", "--data-dir", dataDir.path,
                                                       "--assets", RepositoryPaths.root.appendingPathComponent("Assets").path,
                                                       "--status", "127.0.0.1:\(port)"] + faults.flatMap { ["--fault", $0] },
                                           environment: ["TERM": "foot"], size: size)
        try await pty.read(timeout: .seconds(30)) { String(decoding: $0, as: UTF8.self).contains("退役") }
        let url = "http://127.0.0.1:\(port)"
        for _ in 0..<100 {
            if case .success = await StatusClient.fetch(baseURL: URL(string: url)!, token: nil, timeout: .seconds(1)) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return (pty, dataDir, url)
    }

    static func stop(_ pty: PseudoTerminal) async throws {
        pty.signal(SIGTERM)
        _ = try await pty.waitForExit(timeout: .seconds(20))
    }

    @Test func anInjectedFaultFailsThroughKioskdsAPIAndIsKeptInHistoryAndStatus() async throws {
        let (pty, _, url) = try await Self.startKioskd(faults: ["printer-paper-out"])
        let result = try await ProcessRunner.runProduct("kioskctl", ["diag", "--url", url, "--json", "--technician", "T-42"])
        #expect(result.status == 1, "\(result.stdoutText)\(result.stderrText)")
        let run = try StatusSnapshot.decoder.decode(DiagnosticRun.self, from: Data(result.stdoutText.utf8))
        let paper = try #require(run.checks.first { $0.code == "printer.paper" })
        #expect(paper.status == .fail && paper.measured == "缺纸")
        #expect(paper.remedy?.contains("cupsenable") == true)
        #expect(run.technician == "T-42")
        #expect(Set(run.checks.map(\.group)) == Set(DiagnosticGroup.allCases.map(\.rawValue)))
        // Everything else of the demo passes (the calendar may warn near a year's end).
        #expect(run.checks.filter { $0.status == .fail }.map(\.code) == ["printer.paper"],
                "\(run.checks.filter { $0.status == .fail }.map { "\($0.code): \($0.measured)" })")
        #expect(run.checks.first { $0.code == "terminal.size" }?.measured == "127×26")

        let text = try await ProcessRunner.runProduct("kioskctl", ["diag", "--url", url, "--only", "printer,storage"])
        #expect(text.status == 1)
        #expect(text.stdoutText.contains("✗ 故障  纸张：缺纸"))
        #expect(text.stdoutText.contains("处理：缺纸：更换纸卷"))
        #expect(!text.stdoutText.contains("【身份证阅读器】"))

        let history = try await ProcessRunner.runProduct("kioskctl", ["diag", "--url", url, "--history", "--json"])
        #expect(history.status == 0, "\(history.stderrText)")
        let runs = try StatusSnapshot.decoder.decode(DiagnosticHistory.self, from: Data(history.stdoutText.utf8)).runs
        #expect(runs.count == 2 && runs.last?.id == run.id && runs.last?.technician == "T-42")

        guard case .success(let status) = await StatusClient.fetch(baseURL: URL(string: url)!, token: nil) else {
            Issue.record("status API unreachable"); return
        }
        #expect(status.diagnostics?.failed == 1)
        #expect(status.diagnostics?.problems.contains { $0.code == "printer.paper" && $0.remedy != nil } == true)
        try await Self.stop(pty)
    }

    @Test func aHealthyDemoPassesAndAPartCanBeChosen() async throws {
        let (pty, dataDir, url) = try await Self.startKioskd(faults: [])
        let result = try await ProcessRunner.runProduct("kioskctl", ["diag", "--url", url, "--json", "--only", "reader,printer,outbox,central",
                                                                     "--print-report"])
        #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
        let run = try StatusSnapshot.decoder.decode(DiagnosticRun.self, from: Data(result.stdoutText.utf8))
        #expect(Set(run.checks.map(\.group)) == ["reader", "printer", "outbox", "central"])
        #expect(run.checks.allSatisfy { $0.status == .pass }, "\(run.checks.filter { $0.status != .pass })")
        // The readiness report came out of the demo's printer, after every other check.
        #expect(run.checks.last?.code == "printer.report")
        let printed = try FileManager.default.contentsOfDirectory(atPath: dataDir.appendingPathComponent("receipts").path)
        #expect(printed.filter { $0.hasSuffix(".escpos") }.count == 1)
        try await Self.stop(pty)
    }

    @Test func withoutKioskdOrAConfigurationItCannotRun() async throws {
        let port = try Self.freePort()
        let result = try await ProcessRunner.runProduct("kioskctl", ["diag", "--url", "http://127.0.0.1:\(port)", "--config", "/nonexistent/kioskd.toml"])
        #expect(result.status == 2)
        #expect(result.stderrText.contains("kioskd 未运行"))
        let bad = try await ProcessRunner.runProduct("kioskctl", ["diag", "--only", "reader,toaster"])
        #expect(bad.status == 2)
        #expect(bad.stderrText.contains("toaster"))
    }
}
