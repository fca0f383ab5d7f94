import ArgumentParser
import Foundation
import Glibc
import IDCardReader
import IDCardSimulator
import KioskDomain

/// `kioskctl reader probe|read|simulate`: the technician's view of the ID-card reader.
struct ReaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "身份证读卡器：探测、读卡、模拟 — ID-card reader: probe, read, simulate.",
        subcommands: [ReaderProbeCommand.self, ReaderReadCommand.self, ReaderSimulateCommand.self])
}

/// Options shared by probe and read: where the model descriptors are.
struct ReaderModelOptions: ParsableArguments {
    @Option(help: "The reader descriptors folder (default: Devices/readers beside Assets, or $KIOSK_DEVICES/readers).")
    var models: String?

    func load() throws -> [ReaderModel] {
        do {
            return try ReaderModelCatalog.load(directory: ReaderModelCatalog.locate(explicit: models))
        } catch {
            throw CLIFailure.cannotRun(error.description)
        }
    }
}

/// `kioskctl reader probe [--tty PATH…] [--json]`: known USB ids first, then ttys answering `11 FF`.
struct ReaderProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "probe", abstract: "探测读卡器 — find attached readers.")

    @OptionGroup var modelOptions: ReaderModelOptions
    @Option(name: .customLong("tty"), help: "A serial device to try (repeatable; default: /dev/ttyUSB*, /dev/ttyACM*).")
    var ttys: [String] = []
    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    struct Row: Encodable {
        var device: String
        var model: String
        var answered: Bool
        var samIdentity: String?
        var problem: String?
    }

    func run() throws {
        let models = try modelOptions.load()
        let usb = try? USBContext()
        let findings = ReaderProbe.probe(models: models, usb: usb, ttys: ttys.isEmpty ? ReaderProbe.defaultTTYs() : ttys)
        let rows = findings.map { Row(device: $0.endpoint.description, model: $0.model, answered: $0.answered, samIdentity: $0.samIdentity, problem: $0.problem) }
        if json {
            try printJSON(rows)
        } else if rows.isEmpty {
            print("未发现读卡器 no reader found (USB ids of \(models.filter { $0.usb != nil }.count) models tried, no tty to try)")
        } else {
            for r in rows {
                let state = r.answered ? "应答 answers" + (r.samIdentity.map { ", SAM \($0)" } ?? "") : "无应答 no answer: \(r.problem ?? "")"
                print("\(r.device)\t\(r.model.isEmpty ? "-" : r.model)\t\(state)")
            }
        }
        if !rows.contains(where: \.answered) { throw ExitCode(1) }
    }
}

/// `kioskctl reader read [--device PATH | --usb VID:PID] [--json]`: one card, masked unless `--reveal`.
struct ReaderReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "读一张证件 — read one card (exit 0 usable, 1 no card / expired / invalid, 2 no reader).")

    @Option(help: "Serial device of the reader, e.g. /dev/ttyUSB0 (default: probe).")
    var device: String?
    @Option(help: "USB reader VID:PID from Devices/readers, e.g. 0400:c35a.")
    var usb: String?
    @Option(help: "Serial baud rate.")
    var baud = 115_200
    @Option(help: "Seconds to wait for a card.")
    var wait: Double = 10
    @Flag(help: "Read with fingerprint (30 10); the templates are skipped.")
    var fingerprint = false
    @Flag(help: "Show personal data unmasked (name, number, birth date, address).")
    var reveal = false
    @Option(help: "Today's date (YYYY-MM-DD) for the expiry and number checks; default: today in China time.")
    var today: String?
    @Option(help: "The Assets folder (default: found beside the program, or $KIOSK_ASSETS).")
    var assets: String?
    @OptionGroup var modelOptions: ReaderModelOptions
    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    func validate() throws {
        if device != nil && usb != nil { throw ValidationError("give --device or --usb, not both") }
        if let usb, USBID(usb) == nil { throw ValidationError("--usb: expected VID:PID in hex (0400:c35a), found \(usb)") }
        if wait < 0 { throw ValidationError("--wait: expected 0 or more seconds") }
    }

    func run() throws {
        let todayDate = try DomainData.date(today, option: "--today")
        let verifier = CardVerifier(divisions: try DomainData.divisions(assets: assets))
        let usbContext = try? USBContext()
        let endpoint = try resolveEndpoint(usb: usbContext)
        let result: ReadOnce.Result
        do {
            let link = SAMLink(transport: try endpoint.open(usb: usbContext))
            defer { link.close() }
            result = try ReadOnce.run(link, verifier: verifier, today: { todayDate }, wait: .milliseconds(Int(wait * 1000)),
                                      withFingerprint: fingerprint)
        } catch {
            throw CLIFailure.cannotRun("reader \(endpoint): \(error)")
        }
        let report = CardReadingReport(result, reveal: reveal)
        if json {
            try printJSON(report)
        } else {
            report.lines.forEach { print($0) }
        }
        if !report.acceptable { throw ExitCode(1) }
    }

    private func resolveEndpoint(usb context: USBContext?) throws -> ReaderEndpoint {
        if let device { return .serial(path: device, baud: baud) }
        let models = try modelOptions.load()
        if let usb, let id = USBID(usb) {
            guard let model = models.first(where: { $0.usb == id }) else {
                throw CLIFailure.cannotRun("no descriptor for usb \(id) in Devices/readers (known: \(models.compactMap(\.usb).map(\.description).joined(separator: ", ")))")
            }
            do {
                return .usb(id, layout: try model.endpointLayout(), interface: Int32(model.interface ?? 0))
            } catch {
                throw CLIFailure.cannotRun(error.description)
            }
        }
        let found = ReaderProbe.probe(models: models, usb: context, ttys: ReaderProbe.defaultTTYs())
        guard let first = found.first(where: \.answered) else {
            throw CLIFailure.cannotRun("no reader found (try `kioskctl reader probe`, or --device / --usb)")
        }
        return first.endpoint
    }
}

/// `kioskctl reader simulate --card FILE`: a simulated reader on a pty; prints the path and
/// serves until SIGINT or SIGTERM.
struct ReaderSimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "模拟读卡器 — serve a simulated reader on a pseudo-terminal (prints its path).")

    @Option(help: "Card script (JSON: one card, or {\"cards\": […], \"samDelaysMs\": {…}}).")
    var card: String
    @Option(help: "Emulated baud rate.")
    var baud = 115_200
    @Flag(help: "Answer as fast as the pty allows instead of at the emulated wire speed.")
    var noWireTime = false
    @Flag(help: "Print each exchange on stderr as it happens (sizes and times, no card data), and a note whenever the simulator's own thread was late.")
    var traffic = false

    func run() throws {
        let script: SimulatorScript
        do {
            script = try SimulatorScript.load(from: URL(fileURLWithPath: card))
        } catch {
            throw CLIFailure.cannotRun(error.description)
        }
        guard SAMBaudRate(bitsPerSecond: baud) != nil else { throw CLIFailure.usage("--baud: expected 9600, 19200, 38400, 57600 or 115200") }
        var watcher: (@Sendable (String) -> Void)?
        if traffic {
            watcher = { @Sendable line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        let simulator: PTYReaderSimulator
        do {
            simulator = try PTYReaderSimulator(engine: SAMReaderEngine(script: script, now: SAMReaderEngine.realTime()),
                                               baud: baud, wireTime: !noWireTime,
                                               watcher: watcher)
        } catch {
            throw CLIFailure.cannotRun("\(error)")
        }
        try TerminationSignal.install()
        simulator.start()
        FileHandle.standardOutput.write(Data((simulator.devicePath + "\n").utf8))
        FileHandle.standardError.write(Data("模拟读卡器已就绪 simulated reader on \(simulator.devicePath) → \(simulator.ptyPath) (\(script.cards.count) card(s)); Ctrl-C to stop\n".utf8))
        TerminationSignal.wait()
        simulator.stop()
    }
}

/// Waits for SIGINT or SIGTERM with a self-pipe: the handler only writes one byte (async-signal
/// safe), whichever thread the kernel picks, and whatever signal mask the parent left blocked.
enum TerminationSignal {
    nonisolated(unsafe) private static var readFD: Int32 = -1
    nonisolated(unsafe) private static var writeFD: Int32 = -1

    static func install() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw CLIFailure.cannotRun("pipe: \(String(cString: strerror(errno)))") }
        readFD = fds[0]
        writeFD = fds[1]
        for sig in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                var byte: UInt8 = 1
                _ = write(TerminationSignal.writeFD, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    static func wait() {
        var byte: UInt8 = 0
        while read(readFD, &byte, 1) < 0, errno == EINTR {}
    }
}
