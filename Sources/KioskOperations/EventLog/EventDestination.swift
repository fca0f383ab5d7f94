import Foundation
import Glibc
import Synchronization

/// Where kioskd's JSON-lines event log goes. On a kiosk, kioskd's standard output is the
/// touchscreen's terminal (cage → foot → kioskd), so the log cannot simply be printed: it goes to
/// journald's stream socket directly, as `systemd-cat` does, and to a file when there is no
/// journal (a laptop, a container). Headless (standard output not a terminal) it is standard
/// output, which systemd hands to the journal itself.
public enum EventDestination: Sendable, Equatable, CustomStringConvertible {
    case standardOutput
    case journal(socket: String)
    case file(String)
    case none

    public static let journalSocket = "/run/systemd/journal/stdout"

    /// The destination for a kioskd whose UI does (`uiOnStandardOutput`) or does not own
    /// standard output; `explicit` (`--event-log`) wins: a path, `-` for standard output, or
    /// `none`.
    public static func choose(explicit: String?, uiOnStandardOutput: Bool, fallbackFile: String,
                              journalSocket: String = journalSocket) -> EventDestination {
        switch explicit {
        case "-"?: return .standardOutput
        case "none"?: return .none
        case let path?: return .file(path)
        case nil: break
        }
        if !uiOnStandardOutput { return .standardOutput }
        if FileManager.default.fileExists(atPath: journalSocket) { return .journal(socket: journalSocket) }
        return .file(fallbackFile)
    }

    public var description: String {
        switch self {
        case .standardOutput: "stdout"
        case .journal(let socket): "journal (\(socket))"
        case .file(let path): path
        case .none: "none"
        }
    }

    /// Opens the destination; lines are written whole with one `write` each, so concurrent
    /// writers never interleave within a line. A journal socket that refuses the connection
    /// falls back to `fallbackFile`.
    public func open(fallbackFile: String) -> JSONLinesLogHandler.Sink {
        switch self {
        case .none:
            return { _ in }
        case .standardOutput:
            return Self.writer(fd: STDOUT_FILENO)
        case .file(let path):
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, mode_t(0o640))
            guard fd >= 0 else { return { _ in } }
            return Self.writer(fd: fd)
        case .journal(let socket):
            guard let fd = Self.connectJournal(socket) else { return EventDestination.file(fallbackFile).open(fallbackFile: fallbackFile) }
            return Self.writer(fd: fd)
        }
    }

    private static func writer(fd: Int32) -> JSONLinesLogHandler.Sink {
        let lock = Mutex(())
        return { line in
            var bytes = Array(line.utf8)
            lock.withLock { _ in
                var offset = 0
                while offset < bytes.count {
                    let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
                    if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
                }
            }
        }
    }

    /// journald's stream protocol: a header of identifier, unit id, priority, level prefix and
    /// three forwarding flags, one per line; every later line is a message.
    private static func connectJournal(_ path: String) -> Int32? {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else { close(fd); return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else { close(fd); return nil }
        let header = Array("kioskd\n\n6\n0\n0\n0\n0\n".utf8)
        guard header.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == header.count else { close(fd); return nil }
        return fd
    }
}
