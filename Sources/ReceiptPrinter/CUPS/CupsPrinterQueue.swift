import CCups
import Foundation

/// The raw receipt queue on a CUPS scheduler: read its state, submit a raw job, follow a job,
/// cancel it. One connection, confined to this one queue.
public final class CupsPrinterQueue: PrinterQueue {
    public let server: CupsServer
    public let queue: String
    private let connection: CupsConnection

    public typealias JobState = PrintJobState
    public typealias JobInfo = PrintJobInfo
    public var serverDescription: String { server.description }

    public struct PrinterAttributes: Sendable, Equatable {
        public var state: Int?
        public var reasons: [String]
        public var accepting: Bool?
        public var message: String?
        public var deviceURI: String?
    }

    private init(server: CupsServer, queue: String, connection: CupsConnection) {
        self.server = server
        self.queue = queue
        self.connection = connection
    }

    /// Opens the named queue, or the scheduler's default when `queue` is nil.
    public static func open(queue: String?, server: CupsServer = .configured()) async throws(CupsError) -> CupsPrinterQueue {
        let connection = CupsConnection(server: server)
        if let queue {
            guard Self.isValidName(queue) else { throw .queueNotFound(queue) }
            return CupsPrinterQueue(server: server, queue: queue, connection: connection)
        }
        let name: String = try await connection.run { http throws(CupsError) in
            let request = ippNewRequest(IPP_OP_CUPS_GET_DEFAULT)
            guard let response = cupsDoRequest(http, request, "/") else {
                throw CupsError.last("CUPS-Get-Default", server: server.description)
            }
            defer { ippDelete(response) }
            guard ippGetStatusCode(response).rawValue < 0x100,
                  let attr = ippFindAttribute(response, "printer-name", IPP_TAG_NAME),
                  let value = ippGetString(attr, 0, nil) else {
                throw CupsError.noDefaultQueue
            }
            return String(cString: value)
        }
        return CupsPrinterQueue(server: server, queue: name, connection: connection)
    }

    /// CUPS queue names: printable, no space, slash or '#'; we accept the safe subset.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 127 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
    }

    /// cupsd matches the printer URI's port against the listener on TCP; "localhost" is always
    /// accepted as the host name.
    var authority: String { server.isUnixSocket ? "localhost" : "localhost:\(server.port)" }
    var printerURI: String { "ipp://\(authority)/printers/\(queue)" }

    /// Get-Printer-Attributes: state, reasons, accepting, message, device URI.
    public func attributes() async throws(CupsError) -> PrinterAttributes {
        let uri = printerURI, queue = queue, server = server.description
        return try await connection.run { http throws(CupsError) in
            let response = try Self.query(http, IPP_OP_GET_PRINTER_ATTRIBUTES, "Get-Printer-Attributes", uriAttribute: "printer-uri",
                                          uri: uri, queue: queue, server: server)
            defer { ippDelete(response) }
            let status = ippGetStatusCode(response).rawValue
            if status == IPP_STATUS_ERROR_NOT_FOUND.rawValue { throw CupsError.queueNotFound(queue) }
            guard status < 0x100 else {
                throw CupsError.ipp(operation: "Get-Printer-Attributes", status: Int32(status),
                                    message: String(cString: ippErrorString(ippGetStatusCode(response))))
            }
            var attributes = PrinterAttributes(reasons: [])
            if let a = ippFindAttribute(response, "printer-state", IPP_TAG_ENUM) { attributes.state = Int(ippGetInteger(a, 0)) }
            attributes.reasons = Self.keywords(response, "printer-state-reasons")
            attributes.reasons.removeAll { $0 == "none" }
            if let a = ippFindAttribute(response, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN) { attributes.accepting = ippGetBoolean(a, 0) != 0 }
            if let a = ippFindAttribute(response, "printer-state-message", IPP_TAG_TEXT), let s = ippGetString(a, 0, nil) {
                let text = String(cString: s)
                attributes.message = text.isEmpty ? nil : text
            }
            if let a = ippFindAttribute(response, "device-uri", IPP_TAG_URI), let s = ippGetString(a, 0, nil) { attributes.deviceURI = String(cString: s) }
            return attributes
        }
    }

    /// The queue's status as the kiosk reports it; scheduler and queue failures become conditions.
    public func status() async -> PrinterStatus {
        do {
            let a = try await attributes()
            return PrinterStatus(condition: PrinterStatus.classify(state: a.state, reasons: a.reasons, accepting: a.accepting),
                                 queue: queue, server: server.description, printerState: PrinterStatus.stateName(a.state),
                                 reasons: a.reasons, accepting: a.accepting, stateMessage: a.message, deviceURI: a.deviceURI)
        } catch {
            return Self.status(for: error, queue: queue, server: server.description)
        }
    }

    static func status(for error: CupsError, queue: String?, server: String) -> PrinterStatus {
        let condition: PrinterStatus.Condition = switch error {
        case .schedulerUnreachable: .schedulerDown
        case .queueNotFound, .noDefaultQueue: .queueMissing
        case .notAccepting: .notAccepting
        case .ipp: .unknown
        }
        return PrinterStatus(condition: condition, queue: queue, server: server, stateMessage: error.description)
    }

    /// Submits `bytes` as one raw job: Create-Job, then Send-Document (raw, last document:
    /// `cupsStartDocument`, `cupsWriteRequestData`, `cupsFinishDocument`). Returns the job id. The bytes reach the device
    /// unchanged (a raw queue runs no filters).
    ///
    /// Create-Job is built here with this queue's printer URI rather than through
    /// `cupsCreateJob`: over TCP that looks the destination up again and addressed the request
    /// to the queue's device URI (measured with CUPS 2.4.2: client-error-not-found).
    public func submit(_ bytes: [UInt8], title: String) async throws(CupsError) -> Int32 {
        let queue = queue, server = server.description, uri = printerURI, resource = "/printers/\(queue)"
        return try await connection.run { http throws(CupsError) in
            let user = cupsUser().map { String(cString: $0) } ?? "kiosk"
            let create = ippNewRequest(IPP_OP_CREATE_JOB)
            ippAddString(create, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, uri)
            ippAddString(create, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, user)
            ippAddString(create, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nil, title)
            guard let created = cupsDoRequest(http, create, resource) else {
                throw CupsError.last("Create-Job", queue: queue, server: server)
            }
            let createStatus = ippGetStatusCode(created)
            let jobAttribute = ippFindAttribute(created, "job-id", IPP_TAG_INTEGER)
            let job = jobAttribute.map { ippGetInteger($0, 0) } ?? 0
            ippDelete(created)
            guard createStatus.rawValue < 0x100, job > 0 else {
                throw CupsError.from(status: createStatus, operation: "Create-Job", queue: queue)
            }

            guard cupsStartDocument(http, queue, job, "receipt", CUPS_FORMAT_RAW, 1) == HTTP_STATUS_CONTINUE else {
                let error = CupsError.last("Send-Document", queue: queue, server: server)
                _ = cupsCancelJob2(http, queue, job, 0)
                throw error
            }
            let written = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cupsWriteRequestData(http, $0, buffer.count) }
                } ?? HTTP_STATUS_CONTINUE
            }
            let finished = cupsFinishDocument(http, queue)
            guard written == HTTP_STATUS_CONTINUE, finished.rawValue < 0x100 else {
                let error = CupsError.last("Send-Document", queue: queue, server: server)
                _ = cupsCancelJob2(http, queue, job, 0)
                throw error
            }
            return job
        }
    }

    /// Get-Job-Attributes for one job.
    public func job(_ id: Int32) async throws(CupsError) -> JobInfo {
        let server = server.description, queue = queue, jobURI = "ipp://\(authority)/jobs/\(id)"
        return try await connection.run { http throws(CupsError) in
            let response = try Self.query(http, IPP_OP_GET_JOB_ATTRIBUTES, "Get-Job-Attributes", uriAttribute: "job-uri",
                                          uri: jobURI, queue: queue, server: server)
            defer { ippDelete(response) }
            guard ippGetStatusCode(response).rawValue < 0x100,
                  let a = ippFindAttribute(response, "job-state", IPP_TAG_ENUM),
                  let state = JobState(rawValue: ippGetInteger(a, 0)) else {
                throw CupsError.ipp(operation: "Get-Job-Attributes", status: Int32(ippGetStatusCode(response).rawValue),
                                    message: String(cString: ippErrorString(ippGetStatusCode(response))))
            }
            return JobInfo(id: id, state: state, reasons: Self.keywords(response, "job-state-reasons"))
        }
    }

    /// Sends a one-URI query and returns the response (the caller deletes it); run on the
    /// connection's queue, so `cupsLastError` is read on the calling thread.
    private static func query(_ http: OpaquePointer, _ operation: ipp_op_t, _ name: String, uriAttribute: String, uri: String,
                              queue: String, server: String) throws(CupsError) -> OpaquePointer {
        let request = ippNewRequest(operation)
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, uriAttribute, nil, uri)
        guard let response = cupsDoRequest(http, request, "/") else {
            throw CupsError.last(name, queue: queue, server: server)
        }
        return response
    }

    /// All values of a keyword attribute (printer-state-reasons, job-state-reasons).
    private static func keywords(_ response: OpaquePointer, _ name: String) -> [String] {
        guard let attribute = ippFindAttribute(response, name, IPP_TAG_KEYWORD) else { return [] }
        return (0..<ippGetCount(attribute)).compactMap { ippGetString(attribute, $0, nil).map { String(cString: $0) } }
    }

    /// Cancels a job so that it never prints later (after the veteran has left).
    /// Returns whether the scheduler took the request (a job that already ended counts: it
    /// cannot print any more either).
    @discardableResult
    public func cancel(_ id: Int32) async -> Bool {
        let queue = queue
        let status = try? await connection.run { http throws(CupsError) in
            cupsCancelJob2(http, queue, id, 0).rawValue
        }
        guard let status else { return false }
        return status < 0x100 || status == IPP_STATUS_ERROR_NOT_FOUND.rawValue || status == IPP_STATUS_ERROR_NOT_POSSIBLE.rawValue
    }
}
