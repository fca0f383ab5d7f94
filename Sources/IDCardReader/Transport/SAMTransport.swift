import Glibc

/// Moves frames between the host and one reader: a serial line, or USB bulk endpoints.
///
/// Synchronous and blocking with explicit timeouts, so that exactly one owner (the `CardReader`
/// actor's I/O queue, a command-line tool, a benchmark) drives it from one thread. USB's split
/// layout needs to know frame boundaries on the way out, so `send` takes a whole frame; on the
/// way in any chunking is fine, because `SAMFrameDecoder` reassembles.
public protocol SAMTransport: AnyObject {
    /// Where the reader is, for technicians: `/dev/ttyUSB0`, `usb 0400:c35a (bus 1 address 4)`.
    var label: String { get }
    /// Writes one complete frame, or throws.
    func send(frame: [UInt8], timeout: Duration) throws(TransportError)
    /// Returns the bytes that arrive within `timeout`; an empty array means nothing came.
    func receive(timeout: Duration) throws(TransportError) -> [UInt8]
    /// Drops bytes already waiting (a late answer to a command that timed out).
    func discardPendingInput()
    /// Releases the device; further calls throw `.closed`.
    func close()
}

/// Why a transport could not move bytes.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The device could not be opened (missing, permission, busy).
    case cannotOpen(device: String, reason: String)
    /// The device went away (unplugged, pty closed, USB no-device).
    case disconnected(String)
    /// An I/O call failed in a way that is not a disconnect.
    case io(String)
    /// The transport was closed by its owner.
    case closed

    public var description: String {
        switch self {
        case let .cannotOpen(device, reason): "cannot open \(device): \(reason)"
        case let .disconnected(why): "reader disconnected: \(why)"
        case let .io(why): "I/O error: \(why)"
        case .closed: "transport closed"
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up, clamped to `Int32` (for poll(2) and libusb).
    var clampedMilliseconds: Int32 {
        let (s, atto) = components
        let ms = s * 1000 + (atto + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(0, ms))
    }

    /// Blocks the calling thread this long (nanosleep, resumed after a signal): for the reader's
    /// polling thread and the simulator's timed replies, which run off the cooperative pool.
    package func sleepBlocking() {
        guard self > .zero else { return }
        let (s, atto) = components
        var request = timespec(tv_sec: Int(s), tv_nsec: Int(atto / 1_000_000_000))
        var left = timespec()
        while nanosleep(&request, &left) != 0, errno == EINTR { request = left }
    }
}
