import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// sd_notify(3) without libsystemd: one datagram per notification to the Unix socket named by
/// `$NOTIFY_SOCKET` (a leading `@` means Linux's abstract namespace). Without the variable —
/// kioskd started by hand or in a test — every call does nothing.
public struct SystemdNotifier: Sendable {
    /// The socket path as given (with `@` for abstract), nil when not under systemd's notify.
    public let socketPath: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["NOTIFY_SOCKET"] ?? ""
        socketPath = path.isEmpty ? nil : path
    }

    public init(socketPath: String?) { self.socketPath = socketPath }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Sends `READY=1` (start-up finished; systemd's `Type=notify` then counts the unit started).
    public func ready(status: String? = nil) throws(Failure) {
        try send("READY=1" + (status.map { "\nSTATUS=\($0)" } ?? ""))
    }

    /// Sends `WATCHDOG=1` (the process is alive; systemd restarts it when these stop).
    public func watchdog() throws(Failure) { try send("WATCHDOG=1") }

    /// Sends `STOPPING=1` (graceful stop under way).
    public func stopping() throws(Failure) { try send("STOPPING=1") }

    /// Sends newline-separated `KEY=VALUE` assignments in one datagram.
    public func send(_ state: String) throws(Failure) {
        guard let socketPath else { return }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        let abstract = pathBytes.first == UInt8(ascii: "@")
        if abstract { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity, socketPath.hasPrefix("/") || abstract else {
            throw Failure(description: "NOTIFY_SOCKET is neither an absolute path nor @abstract: \(socketPath)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        // Abstract names are exactly as long as given; paths are NUL-terminated.
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + pathBytes.count + (abstract ? 0 : 1))
        #if canImport(Glibc)
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_UNIX, SOCK_DGRAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let payload = Array(state.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                payload.withUnsafeBytes { bytes in
                    sendto(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
                }
            }
        }
        guard sent == payload.count else {
            throw Failure(description: "sendto \(socketPath): \(String(cString: strerror(errno)))")
        }
    }

    /// Half of `WatchdogSec`, as systemd advises, from `WATCHDOG_USEC`; nil when no watchdog is
    /// set or it is meant for another process (`WATCHDOG_PID`).
    public static func watchdogInterval(environment: [String: String] = ProcessInfo.processInfo.environment,
                                        processID: Int32 = getpid()) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], Int32(pid) != processID { return nil }
        return .microseconds(microseconds / 2)
    }
}
