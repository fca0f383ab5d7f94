/// One bulk transfer's outcome, as libusb reports it.
public enum USBTransferError: Error, Sendable, Equatable {
    case timeout
    case noDevice
    case failed(String)
}

/// The seam between SAM framing over USB and libusb: bulk transfers on numbered endpoints.
/// The real one is `LibUSBDevice`; tests replay recorded transfers through the same calls.
public protocol USBBulkIO: AnyObject {
    var label: String { get }
    func bulkOut(endpoint: UInt8, _ bytes: [UInt8], timeout: Duration) throws(USBTransferError)
    func bulkIn(endpoint: UInt8, maxLength: Int, timeout: Duration) throws(USBTransferError) -> [UInt8]
    func close()
}

/// How a reader model lays SAM frames onto its bulk endpoints.
public enum USBEndpointLayout: Sendable, Equatable {
    /// The reference's layout (Routon iDR200): OUT header (preamble + LEN) on one endpoint and
    /// CMD..CHK on another; IN header on one endpoint and SW..CHK on another.
    case split(headerOut: UInt8, bodyOut: UInt8, headerIn: UInt8, bodyIn: UInt8)
    /// Whole frames on one OUT and one IN endpoint.
    case single(out: UInt8, in: UInt8)
}

/// SAM frames over USB bulk endpoints, in either layout.
public final class USBBulkTransport: SAMTransport {
    public let layout: USBEndpointLayout
    private let io: any USBBulkIO
    private var closed = false
    /// The largest IN transfer asked for: a whole fingerprint answer.
    static let maxTransfer = SAMFrame.headerLength + SAMFrame.largestResponseLength

    public init(io: any USBBulkIO, layout: USBEndpointLayout) {
        self.io = io
        self.layout = layout
    }

    public var label: String { io.label }

    public func send(frame: [UInt8], timeout: Duration) throws(TransportError) {
        guard !closed else { throw .closed }
        switch layout {
        case let .split(headerOut, bodyOut, _, _):
            let cut = min(SAMFrame.headerLength, frame.count)
            try transfer { () throws(USBTransferError) in
                try io.bulkOut(endpoint: headerOut, Array(frame[0..<cut]), timeout: timeout)
                if cut < frame.count {
                    try io.bulkOut(endpoint: bodyOut, Array(frame[cut...]), timeout: timeout)
                }
            }
        case let .single(out, _):
            try transfer { () throws(USBTransferError) in try io.bulkOut(endpoint: out, frame, timeout: timeout) }
        }
    }

    public func receive(timeout: Duration) throws(TransportError) -> [UInt8] {
        guard !closed else { throw .closed }
        switch layout {
        case let .split(_, _, headerIn, bodyIn):
            // The header tells how much the body endpoint will deliver; anything unexpected is
            // handed to the decoder as is, which drops it.
            let header: [UInt8]
            do {
                header = try io.bulkIn(endpoint: headerIn, maxLength: SAMFrame.headerLength, timeout: timeout)
            } catch .timeout {
                return []
            } catch {
                throw USBBulkTransport.map(error)
            }
            guard header.count == SAMFrame.headerLength, header.starts(with: SAMFrame.preamble) else { return header }
            let length = Int(header[5]) << 8 | Int(header[6])
            let body: [UInt8]
            do {
                body = try io.bulkIn(endpoint: bodyIn, maxLength: length, timeout: timeout)
            } catch .timeout {
                return header
            } catch {
                throw USBBulkTransport.map(error)
            }
            return header + body
        case let .single(_, input):
            do {
                return try io.bulkIn(endpoint: input, maxLength: USBBulkTransport.maxTransfer, timeout: timeout)
            } catch .timeout {
                return []
            } catch {
                throw USBBulkTransport.map(error)
            }
        }
    }

    /// Bulk endpoints keep no line buffer worth flushing: a stale answer is dropped by the
    /// decoder's reset before each command.
    public func discardPendingInput() {}

    public func close() {
        guard !closed else { return }
        closed = true
        io.close()
    }

    private func transfer(_ body: () throws(USBTransferError) -> Void) throws(TransportError) {
        do { try body() } catch { throw USBBulkTransport.map(error) }
    }

    static func map(_ error: USBTransferError) -> TransportError {
        switch error {
        case .timeout: .io("USB transfer timed out")
        case .noDevice: .disconnected("USB device gone")
        case let .failed(why): .io("USB transfer failed: \(why)")
        }
    }
}
