import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat

/// Reads one terminal's `/v1/status` (what `kioskctl status` shows), with the bearer token when
/// one is given. Failures are values that say which kind of "no" it was, so the command can map
/// them to DESIGN's exit codes.
public enum StatusClient {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// Nothing answered, or the answer was not a status document (exit 2).
        case unreachable(String)
        /// The terminal refused the token (exit 1: a clear "no").
        case refused(Int)

        public var description: String {
            switch self {
            case .unreachable(let reason): "状态接口无法访问: \(reason)"
            case .refused(let status): "状态接口拒绝访问 (HTTP \(status))：令牌缺失或错误"
            }
        }
    }

    public static func fetch(baseURL: URL, token: String?, timeout: Duration = .seconds(5)) async -> Result<StatusSnapshot, Failure> {
        let url = baseURL.absoluteString.trimmingSuffixSlash() + "/v1/status"
        var request = HTTPClientRequest(url: url)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                                configuration: .init(timeout: .init(connect: .init(timeout), read: .init(timeout))))
        let result = await fetch(request, url: url, client: client, timeout: timeout)
        try? await client.shutdown()
        return result
    }

    private static func fetch(_ request: HTTPClientRequest, url: String, client: HTTPClient,
                              timeout: Duration) async -> Result<StatusSnapshot, Failure> {
        do {
            let response = try await client.execute(request, timeout: .init(timeout))
            let body = try await response.body.collect(upTo: 1 << 20)
            guard response.status.code != 401, response.status.code != 403 else { return .failure(.refused(Int(response.status.code))) }
            guard response.status.code == 200 else { return .failure(.unreachable("HTTP \(response.status.code) from \(url)")) }
            do {
                return .success(try StatusSnapshot.decoder.decode(StatusSnapshot.self, from: Data(buffer: body)))
            } catch {
                return .failure(.unreachable("\(url) did not answer a status document: \(error)"))
            }
        } catch {
            return .failure(.unreachable("\(url): \(error)"))
        }
    }
}

extension String {
    func trimmingSuffixSlash() -> String { hasSuffix("/") ? String(dropLast()) : self }
}
