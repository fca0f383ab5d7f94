import KioskTime
import ArgumentParser
import Foundation
import KioskDomain
import ReceiptPrinter

/// `kioskctl printer status [--queue Q] [--json]`: the receipt queue as CUPS reports it, with a
/// message for the hall and a remedy for the technician. Exit 0 when a receipt would print now.
struct PrinterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer",
        abstract: "回执打印机 — receipt printer status.",
        subcommands: [Status.self, TestPageCommand.self, Report.self]
    )

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Printer state, reasons and remedy (CUPS_SERVER or client.conf).")
        @Option(help: "CUPS queue (default: the scheduler's default destination).") var queue: String?
        @Flag(help: "Print one JSON document on stdout.") var json = false

        func run() async throws {
            let status = await PrinterDocuments.currentStatus(queue: queue)
            if json {
                try printJSON(PrinterStatusReport(status))
            } else {
                print(PrinterStatusReport(status).text)
            }
            if !status.canPrint { throw ExitCode(1) }
        }
    }

    /// The technician's test page: model facts, a column ruler, the character repertoire, a wrap
    /// check, a QR code and a cut.
    struct TestPageCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "test-page", abstract: "Print (or --render) the technician's test page.")
        @Option(help: "CUPS queue (default: the scheduler's default destination).") var queue: String?
        @Option(help: "Printer model descriptor (Devices/printers/*.json).") var model: String?
        @Option(help: "The Assets folder.") var assets: String?
        @Option(help: "Terminal id printed on the page.") var terminal: String = ProcessInfo.processInfo.hostName
        @Flag(help: "Show the page as text instead of printing it.") var render = false
        @Option(help: "Seconds to wait for the job to complete.") var timeout: Int = 20

        func run() async throws {
            let (model, document) = try PrinterDocuments.load(model: model, assets: assets) { model, assets throws(DataFileError) in
                try TestPage(model: model, queue: queue ?? "默认队列", terminalID: terminal, printedAt: SystemClock().wallTime)
                    .document(template: ReceiptTemplate.load("test-page", from: assets))
            }
            if render {
                print(PlainTextRenderer(model: model).render(document), terminator: "")
                return
            }
            let bytes = ESCPOSRenderer(model: model).render(document)
            let (outcome, queueName) = try await PrintJob.submit(bytes, queue: queue, timeout: timeout, title: "kiosk-测试页")
            print("已打印测试页：作业 #\(outcome.jobID ?? 0)，队列 \(queueName)")
        }
    }

    /// The printer diagnostics report, as text on the terminal (no personal data: queue facts only).
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the printer diagnostics report.")
        @Option(help: "CUPS queue (default: the scheduler's default destination).") var queue: String?
        @Option(help: "Printer model descriptor (Devices/printers/*.json).") var model: String?
        @Option(help: "The Assets folder.") var assets: String?
        @Option(help: "Terminal id printed on the report.") var terminal: String = ProcessInfo.processInfo.hostName

        func run() async throws {
            let status = await PrinterDocuments.currentStatus(queue: queue)
            let (model, document) = try PrinterDocuments.load(model: model, assets: assets) { model, assets throws(DataFileError) in
                try DiagnosticsReport(status: status, model: model, terminalID: terminal, printedAt: SystemClock().wallTime, recentJobs: [])
                    .document(template: ReceiptTemplate.load("diagnostics", from: assets))
            }
            print(PlainTextRenderer(model: model).render(document), terminator: "")
            if !status.canPrint { throw ExitCode(1) }
        }
    }
}

/// Loads the printer model and assets for a technician document; bad files exit 2 with the
/// file and key.
enum PrinterDocuments {
    /// The queue's status, or the scheduler/queue failure as a status.
    static func currentStatus(queue: String?) async -> PrinterStatus {
        let server = CupsServer.configured()
        do {
            return try await CupsPrinterQueue.open(queue: queue, server: server).status()
        } catch {
            return CupsPrinterQueue.openFailureStatus(error, queue: queue, server: server)
        }
    }

    static func load(model: String?, assets: String?,
                     build: (PrinterModel, AssetDirectory) throws(DataFileError) -> ReceiptDocument) throws -> (PrinterModel, ReceiptDocument) {
        do {
            let directory = try AssetDirectory.locate(explicit: assets)
            var printerModel = PrinterModel.standard80mm
            if let model { printerModel = try PrinterModel.load(from: URL(fileURLWithPath: model)) }
            return (printerModel, try build(printerModel, directory))
        } catch {
            throw CLIFailure.cannotRun(error.description)
        }
    }
}
