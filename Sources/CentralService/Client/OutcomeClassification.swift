import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

extension CentralClient {
    /// Maps an HTTP answer to a submission outcome.
    static func classify(_ response: RawResponse) -> SubmitOutcome {
        let problem = { (fallback: String) -> Problem in
            (try? Wire.decoder.decode(Problem.self, from: response.body))
                ?? Problem(error: "http_\(response.status)", message: fallback)
        }
        switch response.status {
        case 200, 201:
            guard let receipt = try? Wire.decoder.decode(SubmissionReceipt.self, from: response.body) else {
                // A success status with an unreadable body: the case may be stored; asking
                // again with the same key returns the stored answer.
                return .retryable(reason: "HTTP \(response.status) with an unreadable receipt", retryAfter: nil, scope: .request)
            }
            let replayed = response.headers[Wire.idempotentReplayed.lowercased()] == "true"
            return .accepted(receipt, replayed: replayed, response: response.body)
        case 400, 403, 409, 413, 422:
            // 403: this terminal may not submit this case (e.g. another terminal's case).
            return .refused(status: response.status, problem("中心服务拒收（HTTP \(response.status)）"))
        case 401:
            let p = problem("签名被拒绝（HTTP \(response.status)）")
            return .retryable(reason: "HTTP \(response.status) \(p.summary)", retryAfter: nil, scope: .service)
        case 429, 503:
            return .retryable(reason: "HTTP \(response.status)", retryAfter: retryAfter(response.headers["retry-after"]),
                              scope: .service)
        default:
            return .retryable(reason: "HTTP \(response.status)", retryAfter: retryAfter(response.headers["retry-after"]),
                              scope: .request)
        }
    }

    /// Maps a transport failure. Connection refused and connect timeouts mean the service is
    /// not there at all; read timeouts and dropped connections are per request.
    static func classify(transportError error: any Error) -> SubmitOutcome {
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout:
                return .retryable(reason: "connect timeout", retryAfter: nil, scope: .service)
            case .readTimeout, .deadlineExceeded:
                return .retryable(reason: "timeout", retryAfter: nil, scope: .request)
            case .remoteConnectionClosed:
                return .retryable(reason: "connection closed by the server", retryAfter: nil, scope: .request)
            default:
                return .retryable(reason: "HTTP client: \(client)", retryAfter: nil, scope: .request)
            }
        }
        if error is NIOConnectionError || (error as? IOError)?.errnoCode == ECONNREFUSED {
            return .retryable(reason: "connection refused", retryAfter: nil, scope: .service)
        }
        if error is NIOTooManyBytesError {
            return .retryable(reason: "answer too large", retryAfter: nil, scope: .request)
        }
        let text = String(describing: error)
        if text.contains("stream ended") || text.contains("EOF") {
            return .retryable(reason: "connection dropped mid-answer", retryAfter: nil, scope: .request)
        }
        return .retryable(reason: "transport: \(text.prefix(160))", retryAfter: nil, scope: .request)
    }

    /// Retry-After as delay-seconds (the form central-sim and most gateways send); an HTTP-date
    /// is accepted too.
    static func retryAfter(_ value: String?) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = TimeInterval(value), seconds >= 0 { return min(seconds, 3600) }
        guard let date = httpDate(value) else { return nil }
        return min(max(0, date.timeIntervalSinceNow), 3600)
    }

    /// RFC 9110's IMF-fixdate (`Sun, 06 Dec 2026 02:10:03 GMT`), as in `Date` and `Retry-After`.
    public static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text.trimmingCharacters(in: .whitespaces))
    }
}
