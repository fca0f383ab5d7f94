import Foundation
import Synchronization
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP/1.1 server that reads each request and answers it with the same bytes: a
/// misbehaving or hostile central service (forged answers, escape sequences, echoed personal
/// data) on the real wire, for tests of what the kiosk does with what a server says.
public final class CannedHTTPServer: Sendable {
    public let port: Int
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    private let listener: Int32
    private let requests = Mutex(0)

    /// Answers every request with `status` and the JSON `body`.
    public init(status: Int, reason: String = "Status", body: Data) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard let bound = try? FreePort.bindLoopback(fd), listen(fd, 16) == 0 else {
            close(fd)
            throw RawSocket.Failure.connect("bind/listen: \(String(cString: strerror(errno)))")
        }
        port = bound
        listener = fd
        let answer = Data("HTTP/1.1 \(status) \(reason)\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8) + body
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                Self.readRequest(client)
                // Counted before it is answered: a client that has its answer must find its
                // request counted, not race this thread to the count.
                self.requests.withLock { $0 += 1 }
                _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(client)
            }
        }
    }

    /// Requests read so far (each is answered right after).
    public var requestCount: Int { requests.withLock { $0 } }

    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// Reads the head and a Content-Length body, so the client sees its request consumed.
    private static func readRequest(_ fd: Int32) {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var limit = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        while true {
            if let end = received.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if received.count - end.upperBound >= length { return }
            }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return }
            received.append(contentsOf: buffer[0..<count])
        }
    }
}
