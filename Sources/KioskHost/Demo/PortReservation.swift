import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Holds a TCP port while the demo's central-sim is "down": a socket bound to the address but
/// not listening, so connections are refused exactly as with no server, and nothing else on
/// the machine is given the port meanwhile (the kernel skips a bound port when it picks a free
/// one, and refuses an explicit bind to it). Without it, a restart on the old port could find it
/// taken, and the kiosk, configured for that port, would never see its central service again.
final class PortReservation: @unchecked Sendable {
    private let fd: Int32

    /// Binds `host` (an IPv4 literal) : `port`; nil when the port is already in use again.
    init?(host: String, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            return nil
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    /// Gives the port back, just before the server binds it again.
    func release() { close(fd) }
}
