import CCups
import Dispatch
import Foundation

/// One `http_t` connection to a CUPS scheduler, confined to one serial dispatch queue.
///
/// libcups calls block (network round trips, job uploads) and keep their last error per thread,
/// so every call runs on this connection's own queue, off the cooperative pool, and a call and
/// its `cupsLastError()` are read inside the same synchronous closure.
final class CupsConnection: @unchecked Sendable {
    let server: CupsServer
    /// Connect and I/O timeout for each call, milliseconds.
    let timeoutMilliseconds: Int32
    private let queue: DispatchQueue
    /// Only touched on `queue`.
    private var http: OpaquePointer?

    init(server: CupsServer, timeoutMilliseconds: Int32 = 5_000) {
        self.server = server
        self.timeoutMilliseconds = timeoutMilliseconds
        self.queue = DispatchQueue(label: "kiosk.cups.\(server)")
    }

    deinit {
        if let http { httpClose(http) }
    }

    /// Runs `body` on the connection's queue with a connected `http_t`, connecting (again) first
    /// if needed. A body that reports a transport failure gets the connection dropped, so the
    /// next call reconnects (cupsd may have restarted).
    func run<T: Sendable>(_ body: @escaping @Sendable (OpaquePointer) throws(CupsError) -> T) async throws(CupsError) -> T {
        let result: Result<T, CupsError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.runOnQueue(body))
            }
        }
        return try result.get()
    }

    private func runOnQueue<T>(_ body: (OpaquePointer) throws(CupsError) -> T) -> Result<T, CupsError> {
        if http == nil {
            http = httpConnect2(server.host, server.port, nil, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1, timeoutMilliseconds, nil)
            guard http != nil else {
                let code = errno
                let detail = cupsLastErrorString().map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
                    ?? String(cString: strerror(code))
                return .failure(.schedulerUnreachable(server: server.description, detail: detail))
            }
        }
        do {
            return .success(try body(http!))
        } catch {
            if error.isTransportFailure, let connection = http {
                httpClose(connection)
                http = nil
            }
            return .failure(error)
        }
    }
}
