import ArgumentParser
import Foundation
import KioskDomain
import KioskHost
import KioskOperations
import KioskTime

/// `kioskctl diag [--json] [--only reader,printer,…] [--history]`: the terminal's self-test.
/// Through the running kioskd's status API when it answers (it owns the devices), directly from
/// the configuration otherwise. Exit 0 all passed (warnings allowed), 1 a check failed, 2 the
/// diagnostics could not run.
struct DiagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diag", abstract: "终端自检 — test every device and service, with remedies in Chinese.")

    @Flag(help: "Print one JSON document on stdout.")
    var json = false
    @Option(help: "Only these parts: \(DiagnosticGroup.allCases.map(\.rawValue).joined(separator: ",")).")
    var only: String?
    @Flag(help: "Show the stored runs instead of running the checks.")
    var history = false
    @Option(help: "How many stored runs --history shows.")
    var limit = 10
    @Option(help: "The technician's id (工号), stored with the results.")
    var technician = ""
    @Flag(help: "Also print a test page (uses paper).")
    var testPrint = false
    @Flag(help: "Print the readiness report (终端就绪报告) of the run on the receipt printer.")
    var printReport = false
    @Option(help: "kioskd's status API.")
    var url = "http://127.0.0.1:8470"
    @Option(help: "A file holding the status API's bearer token (needed beyond loopback).")
    var tokenFile: String?
    @Option(help: "The configuration for a direct run when kioskd is not running (default: \(KioskConfiguration.defaultPath)).")
    var config: String?
    @Option(help: "Folder with the kiosk's Assets (direct run).")
    var assets: String?
    @Flag(help: "Run directly even if kioskd answers (only when kioskd is stopped: the devices are opened here).")
    var direct = false

    func run() async throws {
        let request = try makeRequest()
        guard let base = URL(string: url), base.scheme == "http" || base.scheme == "https" else {
            throw CLIFailure.usage("--url: expected an http:// or https:// URL, found \(url)")
        }
        let token = try readToken()
        if !direct {
            if history {
                switch await DiagnosticsClient.history(baseURL: base, token: token, limit: limit) {
                case .success(let found): return try show(history: found)
                case .failure(let failure) where !failure.isNotRunning: throw CLIFailure.cannotRun(failure.description)
                case .failure: break
                }
            } else {
                switch await DiagnosticsClient.run(baseURL: base, token: token, request: request) {
                case .success(let run): return try show(run)
                case .failure(let failure) where !failure.isNotRunning: throw CLIFailure.cannotRun(failure.description)
                case .failure: break
                }
            }
        }
        let engine = try await directEngine()
        if history { return try show(history: DiagnosticHistory(runs: try await engine.history(limit: limit))) }
        try show(await engine.run(request, progress: { _ in }))
    }

    private func makeRequest() throws -> DiagnosticRequest {
        var request = DiagnosticRequest(technician: technician, testPrint: testPrint, printReport: printReport)
        if let only {
            do { request.only = try DiagnosticGroup.parseList(only) } catch { throw CLIFailure.usage("--\(error.description)") }
        }
        guard technician.count <= 32 else { throw CLIFailure.usage("--technician: expected up to 32 characters") }
        return request
    }

    private func readToken() throws -> String? {
        guard let tokenFile else { return nil }
        guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
            throw CLIFailure.cannotRun("\(tokenFile): expected a readable token file")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// No kioskd: the configured devices, opened here.
    private func directEngine() async throws -> DiagnosticsEngine {
        let path = config ?? KioskConfiguration.defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIFailure.cannotRun("kioskd 未运行（\(url)），也没有配置文件 \(path)：启动 kioskd，或用 --config 指定配置")
        }
        let configuration: KioskConfiguration
        let assetDirectory: AssetDirectory
        do {
            configuration = try KioskConfiguration.load(path: path)
            assetDirectory = try AssetDirectory.locate(explicit: assets)
        } catch {
            throw CLIFailure.cannotRun(error.description)
        }
        let target = await DiagnosticsTarget.direct(configuration: configuration, assets: assetDirectory, clock: SystemClock())
        return DiagnosticsEngine(target: target)
    }

    private func show(_ run: DiagnosticRun) throws {
        if json { try printJSON(run, encoder: StatusSnapshot.prettyEncoder) } else { print(run.chineseText, terminator: "") }
        if run.exitCode != 0 { throw ExitCode(run.exitCode) }
    }

    private func show(history found: DiagnosticHistory) throws {
        if json { return try printJSON(found, encoder: StatusSnapshot.prettyEncoder) }
        if found.runs.isEmpty { print("没有自检记录") }
        for run in found.runs {
            print("\(run.startedAt.formatted(.iso8601))  技术员 \(run.technician.isEmpty ? "—" : run.technician)  "
                  + "通过 \(run.count(.pass))  注意 \(run.count(.warn))  故障 \(run.count(.fail))"
                  + (run.worst == .fail ? "  " + run.checks.filter { $0.status == .fail }.map(\.code).joined(separator: ",") : ""))
        }
    }
}

extension DiagnosticsClient.Failure {
    var isNotRunning: Bool { if case .notRunning = self { true } else { false } }
}
