#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The real terminal: raw mode, the toolkit's modes, and their restoration.
///
/// ``open(input:output:)`` saves the termios settings, switches to raw mode and writes
/// ``EscapeSequences/setup``; ``restore()`` writes ``EscapeSequences/teardown`` and puts the saved
/// settings back. `restore()` is idempotent and thread-safe, so every exit path can call it — the
/// runtime's `defer` (normal return and thrown errors) and the signal handlers (SIGINT, SIGTERM,
/// SIGHUP) — and the terminal is restored exactly once. Output goes through the same lock, so a
/// frame being written never interleaves with the teardown and nothing is written after it.
public final class TerminalDevice: Sendable {
    public let inputDescriptor: Int32
    public let outputDescriptor: Int32
    private let saved: termios?
    private let state = Mutex(false) // restored?

    private init(input: Int32, output: Int32, saved: termios?) {
        self.inputDescriptor = input
        self.outputDescriptor = output
        self.saved = saved
    }

    /// Takes over the terminal. Throws when `input` is not a terminal.
    public static func open(input: Int32 = 0, output: Int32 = 1) throws -> TerminalDevice {
        var original = termios()
        guard tcgetattr(input, &original) == 0 else {
            throw TerminalError.notATerminal(errno: errno)
        }
        var raw = original
        cfmakeraw(&raw)
        raw.c_oflag |= tcflag_t(OPOST) // keep "\n" → "\r\n" for stray library output
        guard tcsetattr(input, TCSAFLUSH, &raw) == 0 else {
            throw TerminalError.notATerminal(errno: errno)
        }
        let device = TerminalDevice(input: input, output: output, saved: original)
        device.write(Array((EscapeSequences.setup + EscapeSequences.querySynchronizedOutput).utf8))
        return device
    }

    /// The window size from `TIOCGWINSZ`, or nil when the terminal does not say.
    public var size: Size? { Self.size(of: outputDescriptor) ?? Self.size(of: inputDescriptor) }

    public static func size(of descriptor: Int32) -> Size? {
        var window = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else {
            return nil
        }
        return Size(columns: Int(window.ws_col), rows: Int(window.ws_row))
    }

    /// Writes all of `bytes` (one frame) unless the terminal was already restored.
    public func write(_ bytes: [UInt8]) {
        state.withLock { restored in
            guard !restored else { return }
            Self.writeAll(outputDescriptor, bytes)
        }
    }

    /// Leaves the alternate screen, turns the modes off and restores the saved termios. Safe to
    /// call more than once and from any thread.
    public func restore() {
        state.withLock { restored in
            guard !restored else { return }
            restored = true
            Self.writeAll(outputDescriptor, Array(EscapeSequences.teardown.utf8))
            if var saved { _ = tcsetattr(inputDescriptor, TCSAFLUSH, &saved) }
        }
    }

    public var isRestored: Bool { state.withLock { $0 } }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// Why the terminal could not be used.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal(errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal(let code):
            return "standard input is not a terminal (errno \(code)); run this in a terminal window"
        }
    }
}
