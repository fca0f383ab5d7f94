import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat

/// Asks a running kioskd to run its diagnostics (`POST /v1/diagnostics`) or for the stored runs
/// (`GET /v1/diagnostics/history`), with the bearer token when one is given. `kioskctl diag`
/// goes through here whenever kioskd answers, because kioskd owns the devices.
public enum DiagnosticsClient {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// No kioskd answered at the address: run the checks directly instead.
        case notRunning(String)
        /// kioskd answered but refused or failed (token, an older kioskd without diagnostics).
        case refused(Int, String)

        public var description: String {
            switch self {
            case .notRunning(let reason): "kioskd 未运行: \(reason)"
            case .refused(let status, let reason): "kioskd 拒绝自检请求 (HTTP \(status))：\(reason)"
            }
        }
    }

    /// Runs the checks in kioskd; the run can take several seconds (live read, central round trip).
    public static func run(baseURL: URL, token: String?, request: DiagnosticRequest,
                           timeout: Duration = .seconds(60)) async -> Result<DiagnosticRun, Failure> {
        var body: [String: Any] = ["technician": request.technician, "testPrint": request.testPrint, "printReport": request.printReport]
        if !request.only.isEmpty { body["only"] = request.only.map(\.rawValue).sorted() }
        let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
        return await call(baseURL: baseURL, path: "/v1/diagnostics", post: true, body: data, token: token, timeout: timeout)
    }

    public static func history(baseURL: URL, token: String?, limit: Int) async -> Result<DiagnosticHistory, Failure> {
        await call(baseURL: baseURL, path: "/v1/diagnostics/history?limit=\(limit)", post: false, body: nil, token: token, timeout: .seconds(10))
    }

    private static func call<T: Decodable>(baseURL: URL, path: String, post: Bool, body: Data?, token: String?,
                                           timeout: Duration) async -> Result<T, Failure> {
        let url = baseURL.absoluteString.trimmingSuffixSlash() + path
        var request = HTTPClientRequest(url: url)
        if post { request.method = .POST }
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                                configuration: .init(timeout: .init(connect: .seconds(2), read: .init(timeout))))
        let result: Result<T, Failure> = await execute(request, url: url, client: client, timeout: timeout)
        try? await client.shutdown()
        return result
    }

    private static func execute<T: Decodable>(_ request: HTTPClientRequest, url: String, client: HTTPClient,
                                              timeout: Duration) async -> Result<T, Failure> {
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await client.execute(request, timeout: .init(timeout))
            bytes = try await response.body.collect(upTo: 4 << 20)
        } catch {
            return .failure(.notRunning("\(url): \(error)"))
        }
        guard response.status.code == 200 else {
            let message = (try? JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [String: Any])?["message"] as? String
            return .failure(.refused(Int(response.status.code), message ?? "HTTP \(response.status.code)"))
        }
        do {
            return .success(try StatusSnapshot.decoder.decode(T.self, from: Data(buffer: bytes)))
        } catch {
            return .failure(.refused(200, "\(url) did not answer a diagnostics document: \(error)"))
        }
    }
}
