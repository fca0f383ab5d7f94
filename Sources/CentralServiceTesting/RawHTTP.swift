import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat

/// Sends a request exactly as given — no signing — to check how central-sim treats unsigned,
/// stale, replayed or tampered requests.
public enum RawHTTP {
    public struct Answer: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public static func send(_ method: String, _ url: String, headers: [(String, String)] = [], body: Data = Data()) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if !body.isEmpty { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 8 << 20)
        var map: [String: String] = [:]
        for (name, value) in response.headers { map[name.lowercased()] = value }
        return Answer(status: Int(response.status.code), headers: map, body: Data(buffer: buffer))
    }
}
