import IDCardReader
import IDCardSimulator

/// A transport wired straight to a `SAMReaderEngine`: the real frame bytes both ways, no tty
/// and no wire time. For tests of logic above the transport (the reader actor with a manual
/// clock, the kiosk's flow); the pty rig covers the line itself.
public final class EngineTransport: SAMTransport {
    public let engine: SAMReaderEngine
    public let label = "engine"
    private var pending: [UInt8] = []
    private var closed = false
    /// Frames sent by the host, for assertions.
    public private(set) var sentFrames: [[UInt8]] = []

    public init(engine: SAMReaderEngine) { self.engine = engine }

    public func send(frame: [UInt8], timeout: Duration) throws(TransportError) {
        guard !closed else { throw .closed }
        sentFrames.append(frame)
        for reply in engine.receive(frame) { pending += reply.frame }
    }

    /// Returns what the engine answered; empty at once when it is silent (an immediate timeout).
    public func receive(timeout: Duration) throws(TransportError) -> [UInt8] {
        guard !closed else { throw .closed }
        defer { pending.removeAll() }
        return pending
    }

    public func discardPendingInput() { pending.removeAll() }
    public func close() { closed = true }
}
