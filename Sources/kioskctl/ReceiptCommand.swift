import KioskTime
import ArgumentParser
import Foundation
import KioskDomain
import ReceiptPrinter

/// `kioskctl receipt render|print`: the acknowledgement as bytes or text, or on paper.
struct ReceiptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "受理回执：生成或打印 — render or print an acknowledgement.",
        subcommands: [Render.self, Print.self]
    )

    /// What to print and on which printer model; shared by render and print.
    struct Source: ParsableArguments {
        @Option(name: .customLong("case"), help: "A FiledCase JSON file (filedAt: ISO-8601 or JSONEncoder's default number).")
        var casePath: String?
        @Flag(help: "The fixed made-up sample acknowledgement (the technician's test receipt).")
        var sample = false
        @Flag(help: "Mark the copy 补打 (reprint).")
        var reprint = false
        @Option(help: "Printer model descriptor (Devices/printers/*.json); default: 80 mm GB18030.")
        var model: String?
        @Option(help: "The Assets folder (default: found beside the program or via KIOSK_ASSETS).")
        var assets: String?

        func validate() throws {
            guard (casePath != nil) != sample else { throw ValidationError("give exactly one of --case CASE.json or --sample") }
        }

        func load() throws(DataFileError) -> (FiledCase, PrinterModel, AssetDirectory) {
            let assets = try AssetDirectory.locate(explicit: assets)
            let filedCase: FiledCase
            if let casePath {
                filedCase = try CaseFile.load(from: URL(fileURLWithPath: casePath))
            } else {
                filedCase = try CaseFile.sample(assets: assets)
            }
            var printerModel = PrinterModel.standard80mm
            if let model { printerModel = try PrinterModel.load(from: URL(fileURLWithPath: model)) }
            return (filedCase, printerModel, assets)
        }
    }

    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the acknowledgement as ESC/POS bytes or plain text.")
        @OptionGroup var source: Source
        @Option(help: "escpos or text.") var format: String = "text"
        @Option(help: "Write to this file instead of stdout.") var output: String?

        func run() async throws {
            guard let format = ReceiptRendering.Format(rawValue: format) else {
                throw CLIFailure.cannotRun("--format must be escpos or text, not \(format)")
            }
            do {
                let (filedCase, model, assets) = try source.load()
                let bytes = try ReceiptRendering.acknowledgement(filedCase, printedAt: SystemClock().wallTime, reprint: source.reprint,
                                                                 model: model, assets: assets, format: format)
                if let output {
                    try Data(bytes).write(to: URL(fileURLWithPath: output))
                } else {
                    FileHandle.standardOutput.write(Data(bytes))
                }
            } catch let error as DataFileError {
                throw CLIFailure.cannotRun(error.description)
            } catch let error as CLIFailure {
                throw error
            } catch {
                throw CLIFailure.cannotRun("cannot write \(output ?? "stdout"): \(error.localizedDescription)")
            }
        }
    }

    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the acknowledgement on the CUPS receipt queue (CUPS_SERVER or client.conf).")
        @OptionGroup var source: Source
        @Option(help: "CUPS queue (default: the scheduler's default destination).") var queue: String?
        @Option(help: "Seconds to wait for the job to complete.") var timeout: Int = 20

        func run() async throws {
            let bytes: [UInt8]
            do {
                let (filedCase, model, assets) = try source.load()
                bytes = try ReceiptRendering.acknowledgement(filedCase, printedAt: SystemClock().wallTime, reprint: source.reprint,
                                                             model: model, assets: assets, format: .escpos)
            } catch {
                throw CLIFailure.cannotRun(error.description)
            }
            let (outcome, queueName) = try await PrintJob.submit(bytes, queue: queue, timeout: timeout,
                                                                 title: source.reprint ? "kiosk-回执（补打）" : "kiosk-回执")
            print("已打印：作业 #\(outcome.jobID ?? 0)，队列 \(queueName)，\(bytes.count) 字节")
        }
    }
}

/// Submitting one document from the command line, shared by `receipt print` and
/// `printer test-page`: exit 1 when the printer said no (paper out, paused …), 2 when there is no
/// scheduler or queue to talk to.
enum PrintJob {
    static func submit(_ bytes: [UInt8], queue: String?, timeout: Int, title: String) async throws -> (PrintOutcome, String) {
        let server = CupsServer.configured()
        let printerQueue: CupsPrinterQueue
        do {
            printerQueue = try await CupsPrinterQueue.open(queue: queue, server: server)
        } catch {
            let status = CupsPrinterQueue.openFailureStatus(error, queue: queue, server: server)
            throw CLIFailure.cannotRun("未打印：\(status.message) 处理建议：\(status.remedy)")
        }
        let submitter = JobSubmitter(queue: printerQueue, timeout: .seconds(max(timeout, 1)))
        let outcome = await submitter.print(bytes, title: title)
        guard outcome.printed else {
            let text = "未打印（\(outcome.result.rawValue)\(outcome.jobID.map { "，作业 #\($0)" } ?? "")）：\(outcome.status.message) 处理建议：\(outcome.status.remedy)"
            switch outcome.status.condition {
            case .schedulerDown, .queueMissing: throw CLIFailure.cannotRun(text)
            default: throw CLIFailure.refused(text)
            }
        }
        return (outcome, printerQueue.queue)
    }
}
