import ArgumentParser
import Foundation
import KioskOperations

/// `kioskctl status [--url URL] [--token-file F] [--json]`: one terminal's status API, rendered.
/// Exit 0 serving normally, 1 degraded, out of service or token refused, 2 unreachable.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "终端运行状态 — one terminal's status (kioskd's status API).")

    @Option(help: "The terminal's status API.")
    var url = "http://127.0.0.1:8470"
    @Option(help: "A file holding the bearer token (needed beyond loopback).")
    var tokenFile: String?
    @Flag(help: "Print the status document as JSON.")
    var json = false

    func run() async throws {
        guard let base = URL(string: url), base.scheme == "http" || base.scheme == "https" else {
            throw CLIFailure.usage("--url: expected an http:// or https:// URL, found \(url)")
        }
        var token: String?
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw CLIFailure.cannotRun("\(tokenFile): expected a readable token file")
            }
            token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        switch await StatusClient.fetch(baseURL: base, token: token) {
        case .failure(.refused(let status)):
            throw CLIFailure.refused(StatusClient.Failure.refused(status).description)
        case .failure(let failure):
            throw CLIFailure.cannotRun(failure.description)
        case .success(let snapshot):
            if json { try printJSON(snapshot, encoder: StatusSnapshot.prettyEncoder) } else { print(StatusReport.text(snapshot), terminator: "") }
            if snapshot.state != .ok {
                throw CLIFailure.refused("终端状态: \(snapshot.state.rawValue)")
            }
        }
    }
}
