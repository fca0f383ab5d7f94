import CentralService
import Foundation
import Hummingbird
import NIOCore

/// Builds JSON answers with the contract's encoder (sorted keys, ISO 8601 dates).
enum JSONAnswer {
    static func data(_ status: HTTPResponse.Status, _ data: Data, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func value(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
        do {
            return data(status, try Wire.encoder.encode(value))
        } catch {
            return problem(.internalServerError, Problem(error: "encoding", message: "应答编码失败"))
        }
    }

    static func problem(_ status: HTTPResponse.Status, _ problem: Problem) -> Response {
        data(status, (try? Wire.encoder.encode(problem)) ?? Data())
    }

    static func notFound(_ what: String) -> Response {
        problem(.notFound, Problem(error: "not_found", message: "\(what)不存在"))
    }
}
