import IDCardReader
import KioskDomain

/// Replays a recorded USB conversation through the `USBBulkIO` seam: each OUT transfer must
/// match the recording (endpoint and bytes), each IN transfer returns the recorded bytes.
/// Mismatches are collected, not trapped, so a test can report them all.
public final class RecordedUSBBulkIO: USBBulkIO {
    public enum Transfer: Equatable, Sendable {
        case out(endpoint: UInt8, bytes: [UInt8])
        case `in`(endpoint: UInt8, bytes: [UInt8])
        /// The device answers nothing within the timeout.
        case inTimeout(endpoint: UInt8)
    }

    public let label = "recorded usb"
    public private(set) var remaining: [Transfer]
    public private(set) var mismatches: [String] = []
    public private(set) var closed = false

    public init(_ transfers: [Transfer]) { remaining = transfers }

    public func bulkOut(endpoint: UInt8, _ bytes: [UInt8], timeout: Duration) throws(USBTransferError) {
        guard !remaining.isEmpty else {
            mismatches.append("unexpected OUT on \(Hex.spaced([endpoint])): \(Hex.spaced(bytes))")
            throw .noDevice
        }
        let next = remaining.removeFirst()
        if next != .out(endpoint: endpoint, bytes: bytes) {
            mismatches.append("expected \(next), got OUT \(Hex.spaced([endpoint])): \(Hex.spaced(bytes))")
        }
    }

    public func bulkIn(endpoint: UInt8, maxLength: Int, timeout: Duration) throws(USBTransferError) -> [UInt8] {
        guard !remaining.isEmpty else { throw .timeout }
        switch remaining.removeFirst() {
        case let .in(ep, bytes) where ep == endpoint:
            if bytes.count > maxLength { mismatches.append("IN \(Hex.spaced([ep])) asked for \(maxLength), recording has \(bytes.count)") }
            return bytes
        case let .inTimeout(ep) where ep == endpoint:
            throw .timeout
        case let other:
            mismatches.append("expected \(other), got IN on \(Hex.spaced([endpoint]))")
            throw .timeout
        }
    }

    public func close() { closed = true }
}
