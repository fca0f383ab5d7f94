import ArgumentParser
import Foundation
import ReceiptPrinter

/// `kioskctl printer status [--queue Q] [--json]`: the receipt queue as CUPS reports it, with a
/// message for the hall and a remedy for the technician. Exit 0 when a receipt would print now.
struct PrinterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer",
        abstract: "回执打印机 — receipt printer status.",
        subcommands: [Status.self]
    )

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Printer state, reasons and remedy (CUPS_SERVER or client.conf).")
        @Option(help: "CUPS queue (default: the scheduler's default destination).") var queue: String?
        @Flag(help: "Print one JSON document on stdout.") var json = false

        func run() async throws {
            let server = CupsServer.configured()
            let status: PrinterStatus
            do {
                status = try await CupsPrinterQueue.open(queue: queue, server: server).status()
            } catch {
                status = CupsPrinterQueue.openFailureStatus(error, queue: queue, server: server)
            }
            if json {
                try printJSON(PrinterStatusReport(status))
            } else {
                print(PrinterStatusReport(status).text)
            }
            if !status.canPrint { throw ExitCode(1) }
        }
    }
}
