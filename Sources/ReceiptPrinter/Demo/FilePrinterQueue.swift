import Foundation

/// The printer's demo and practice tier: a queue that "prints" each job into a folder as
/// `NNNN-<title>.escpos` (the exact bytes a printer would get), and can be told to fail the way
/// a real receipt printer does (out of paper, cover open, offline), so the kiosk's handling of
/// those faults can be shown and tested without hardware.
///
/// Jobs complete at once while the queue is healthy. Under a fault that needs a person, a job
/// stays pending with the fault's reason — exactly what cupsd reports — and `JobSubmitter`
/// cancels it.
public actor FilePrinterQueue: PrinterQueue {
    /// A fault to simulate, as CUPS would report it.
    public enum Fault: String, Sendable, CaseIterable, Codable {
        case paperOut = "paper-out", coverOpen = "cover-open", offline

        var reason: String {
            switch self {
            case .paperOut: "media-empty-error"
            case .coverOpen: "cover-open-error"
            case .offline: "offline-report"
            }
        }
    }

    public nonisolated let queue: String
    public nonisolated let folder: URL
    public nonisolated var serverDescription: String { "file:\(folder.path)" }
    private var fault: Fault?
    private var nextJob: Int32 = 1
    private var jobs: [Int32: PrintJobInfo] = [:]

    /// A queue writing into `folder` (created if missing).
    public init(folder: URL, queue: String = "demo-receipts") throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.folder = folder
        self.queue = queue
    }

    /// Switches a simulated fault on, or off with nil.
    public func inject(_ fault: Fault?) { self.fault = fault }

    /// The files of the printed jobs, oldest first.
    public func printedFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "escpos" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    public func status() async -> PrinterStatus {
        guard let fault else {
            return PrinterStatus(condition: .ready, queue: queue, server: serverDescription, printerState: "idle",
                                 reasons: [], accepting: true, stateMessage: nil, deviceURI: folder.absoluteString)
        }
        if fault == .offline {
            return CupsPrinterQueue.status(for: .schedulerUnreachable(server: serverDescription, detail: "offline"),
                                           queue: queue, server: serverDescription)
        }
        return PrinterStatus(condition: PrinterStatus.classify(state: 5, reasons: [fault.reason], accepting: true),
                             queue: queue, server: serverDescription, printerState: "processing",
                             reasons: [fault.reason], accepting: true, stateMessage: nil, deviceURI: folder.absoluteString)
    }

    public func submit(_ bytes: [UInt8], title: String) async throws(CupsError) -> Int32 {
        if fault == .offline { throw .schedulerUnreachable(server: serverDescription, detail: "offline") }
        let id = nextJob
        nextJob += 1
        if let fault {
            jobs[id] = PrintJobInfo(id: id, state: .pending, reasons: [fault.reason])
            return id
        }
        let safeTitle = String(title.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" ? Character($0) : "_" })
        let file = folder.appendingPathComponent(String(format: "%04d-", id) + safeTitle + ".escpos")
        do {
            try Data(bytes).write(to: file, options: .atomic)
        } catch {
            throw .ipp(operation: "Print-Job", status: 0x0500, message: "cannot write \(file.path): \(error.localizedDescription)")
        }
        jobs[id] = PrintJobInfo(id: id, state: .completed, reasons: ["job-completed-successfully"])
        return id
    }

    public func job(_ id: Int32) async throws(CupsError) -> PrintJobInfo {
        if fault == .offline { throw .schedulerUnreachable(server: serverDescription, detail: "offline") }
        guard let job = jobs[id] else { throw .ipp(operation: "Get-Job-Attributes", status: 0x0406, message: "job \(id) not found") }
        return job
    }

    @discardableResult
    public func cancel(_ id: Int32) async -> Bool {
        guard fault != .offline else { return false }
        if var job = jobs[id], !job.state.isTerminal {
            job.state = .canceled
            jobs[id] = job
        }
        return true
    }
}
