import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A Unix datagram socket standing in for systemd's notify socket: bound at a path or in the
/// abstract namespace, read with a timeout.
public final class NotifySocket: @unchecked Sendable {
    public let descriptor: Int32
    /// As `$NOTIFY_SOCKET` would name it (`@name` for abstract).
    public let name: String

    public init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        name = path
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + (abstract ? 0 : 1))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EINVAL) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next datagram, or nil after the receive timeout.
    public func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count < 0 ? nil : String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// The next datagram, waited for on a thread of its own: a test on the cooperative pool must
    /// not hold one of its threads while the service it watches needs one to send.
    public func next() async -> String? {
        (try? await Spawn.offPool { [self] in receive() }) ?? nil
    }

    /// Datagrams until one contains `text` (each read waits up to 10 s), off the cooperative pool.
    public func waitFor(_ text: String, attempts: Int = 6) async -> [String] {
        (try? await Spawn.offPool { [self] in
            var seen: [String] = []
            for _ in 0..<attempts {
                guard let message = receive() else { continue }
                seen.append(message)
                if message.contains(text) { break }
            }
            return seen
        }) ?? []
    }

    deinit {
        close(descriptor)
        if !name.hasPrefix("@") { unlink(name) }
    }
}
