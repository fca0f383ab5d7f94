#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Reads the terminal's bytes on a dedicated thread (blocking `poll`/`read` stay off Swift's
/// cooperative pool), decodes them and hands the events on.
///
/// It owns the ``InputDecoder``: when `poll` times out after ``InputDecoder/escapeTimeout`` with a
/// lone ESC held, it flushes the decoder so the Escape key arrives. ``stop()`` ends the thread
/// within one poll interval.
public final class InputReader: Sendable {
    private let descriptor: Int32
    private let stopped = Mutex(false)

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Starts the reading thread; `deliver` is called on it for every batch of events, and
    /// `onEnd` once when input closes.
    public func start(deliver: @escaping @Sendable ([InputEvent]) -> Void, onEnd: @escaping @Sendable () -> Void) {
        let descriptor = self.descriptor
        let thread = Thread { [self] in
            var decoder = InputDecoder()
            var buffer = [UInt8](repeating: 0, count: 4096)
            let timeout = Int32(InputDecoder.escapeTimeout.components.attoseconds / 1_000_000_000_000_000)
            while !stopped.withLock({ $0 }) {
                var fds = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&fds, 1, decoder.needsFlush ? timeout : 100)
                if ready < 0 {
                    if errno == EINTR { continue }
                    break
                }
                if ready == 0 {
                    if decoder.needsFlush {
                        let events = decoder.flush()
                        if !events.isEmpty { deliver(events) }
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                if count <= 0 { break }
                let events = decoder.feed(buffer[0..<count])
                if !events.isEmpty { deliver(events) }
            }
            onEnd()
        }
        thread.name = "TerminalUI.input"
        thread.start()
    }

    public func stop() { stopped.withLock { $0 = true } }
}
