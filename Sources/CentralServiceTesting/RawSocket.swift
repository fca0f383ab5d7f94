import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 written byte for byte on a TCP socket, for requests no HTTP client would send as
/// given: request targets with `//`, dot segments or odd percent-encoding, or a body announced
/// but never sent. Blocking socket calls run on their own thread, never the cooperative pool.
public enum RawSocket {
    public struct Answer: Sendable {
        /// The status code, or nil when nothing arrived before `timeout`.
        public var status: Int?
        public var text: String
    }

    public enum Failure: Error, CustomStringConvertible {
        case connect(String)
        public var description: String { switch self { case .connect(let why): "connect: \(why)" } }
    }

    /// Sends `head` (request line and headers, without the blank line) and `body`, then reads the
    /// answer until the server closes or `timeout` passes.
    public static func exchange(port: Int, head: String, body: Data = Data(), timeout: Duration = .seconds(10)) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blockingExchange(port: port, head: head, body: body, timeout: timeout) })
            }
        }
    }

    /// A request line plus the usual headers, `Connection: close`.
    public static func request(_ method: String, _ target: String, headers: [(String, String)] = [], contentLength: Int? = nil) -> String {
        var lines = ["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
        lines += headers.map { "\($0.0): \($0.1)" }
        if let contentLength { lines.append("Content-Length: \(contentLength)") }
        return lines.joined(separator: "\r\n")
    }

    private static func blockingExchange(port: Int, head: String, body: Data, timeout: Duration) throws -> Answer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.connect(String(cString: strerror(errno))) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure.connect(String(cString: strerror(errno))) }
        let (seconds, attoseconds) = timeout.components
        var limit = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Data((head + "\r\n\r\n").utf8) + body
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: received, as: UTF8.self)
        let statusLine = text.split(separator: "\r\n", maxSplits: 1).first ?? ""
        let parts = statusLine.split(separator: " ")
        return Answer(status: parts.count >= 2 ? Int(parts[1]) : nil, text: text)
    }
}
