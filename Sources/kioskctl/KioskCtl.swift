import ArgumentParser
import Foundation

/// `kioskctl`: the technician's and operator's command line. Each subcommand parses its
/// arguments and calls a module; the behaviour lives in the modules (see DESIGN's contracts:
/// exit 0 success, 1 a clear "no", 2 could not run).
@main
struct KioskCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskctl",
        abstract: "OneStop Kiosk 技术维护与查询工具 — technician and operator tool.",
        subcommands: [
            // MARK: domain
            ValidateCommand.self,
            CatalogCommand.self,
            PlanCommand.self,
            // MARK: devices
            PhotoCommand.self,
            ReceiptCommand.self,
            PrinterCommand.self,
            UICommand.self,
            ReaderCommand.self,
            // MARK: cases
            CasesCommand.self,
            OutboxCommand.self,
            // MARK: operations
            StatusCommand.self,
            FleetCommand.self,
            DiagCommand.self,
            TechnicianCommand.self,
        ]
    )

    /// Runs the command and maps failures to DESIGN's exit codes: usage errors and
    /// "could not run" exit 2 (ArgumentParser alone would use 64), a clear "no" exits 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data("kioskctl: \(failure.description)\n".utf8))
            Foundation.exit(Int32(failure.errorCode))
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
