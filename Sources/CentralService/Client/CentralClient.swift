import AsyncHTTPClient
import Foundation
import KioskDomain
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import KioskTime

/// The kiosk's client of the central service: signs every request, sends the case UUID as the
/// Idempotency-Key, bounds every call with timeouts, and turns what happened into values.
///
/// It never retries by itself; the outbox drainer owns retry policy so that a retry is always
/// recorded in the store first.
public final class CentralClient: Sendable {
    public struct Configuration: Sendable {
        public var baseURL: URL
        public var terminalID: String
        /// Who signs: this terminal (the default), or a department reading its views.
        public var principal: Principal
        /// How the service's certificate is checked (https only; see `CentralEndpoint`).
        public var tls: CentralTLS
        /// The configuration key or flag the URL came from, named when it is refused.
        public var urlKey: String
        /// TCP connect limit: a central service that does not answer SYN is down for us.
        public var connectTimeout: Duration
        /// Whole-request limit, body included: a hung or trickling server must not hold the queue.
        public var requestTimeout: Duration
        /// Largest answer read; anything bigger is a broken server.
        public var maxResponseBytes: Int

        public init(baseURL: URL, terminalID: String, connectTimeout: Duration = .seconds(3),
                    requestTimeout: Duration = .seconds(15), maxResponseBytes: Int = 4 << 20,
                    tls: CentralTLS = CentralTLS(), urlKey: String = "central.url") {
            self.baseURL = baseURL
            self.terminalID = terminalID
            self.principal = .terminal(terminalID)
            self.tls = tls
            self.urlKey = urlKey
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maxResponseBytes = maxResponseBytes
        }

        /// An operator's client: it signs as `name` and reads the fleet (`GET /v1/terminals`).
        public init(baseURL: URL, operator name: String, connectTimeout: Duration = .seconds(3),
                    requestTimeout: Duration = .seconds(15), tls: CentralTLS = CentralTLS(), urlKey: String = "central.url") {
            self.init(baseURL: baseURL, terminalID: "", connectTimeout: connectTimeout, requestTimeout: requestTimeout,
                      tls: tls, urlKey: urlKey)
            self.principal = .operator(name)
        }

        /// A department's client: it signs as `department` and reads that department's views.
        public init(baseURL: URL, department: String, connectTimeout: Duration = .seconds(3),
                    requestTimeout: Duration = .seconds(15), tls: CentralTLS = CentralTLS(), urlKey: String = "central.url") {
            self.init(baseURL: baseURL, terminalID: "", connectTimeout: connectTimeout, requestTimeout: requestTimeout,
                      tls: tls, urlKey: urlKey)
            self.principal = .department(department)
        }
    }

    /// A raw answer: status, headers we care about, and body.
    public struct RawResponse: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
    }

    public let configuration: Configuration
    private let signer: RequestSigner
    private let http: HTTPClient
    private let clock: any KioskClock

    /// Refuses, before any connection is made, a URL that is not https (unless loopback) or a CA
    /// file that cannot be loaded, with the configuration key named.
    public init(configuration: Configuration, secret: TerminalSecret,
                clock: any KioskClock = SystemClock()) throws(CentralConfigurationError) {
        let endpoint = try CentralEndpoint(baseURL: configuration.baseURL, tls: configuration.tls, urlKey: configuration.urlKey)
        self.configuration = configuration
        self.signer = RequestSigner(principal: configuration.principal, secret: secret)
        self.clock = clock
        var httpConfiguration = HTTPClient.Configuration(
            tlsConfiguration: try endpoint.tls.configuration(),
            // A redirect could lead from https to plain http, or to another host: never follow.
            redirectConfiguration: .disallow,
            timeout: .init(connect: .init(configuration.connectTimeout), read: .init(configuration.requestTimeout)))
        httpConfiguration.httpVersion = .http1Only
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
    }

    /// Closes pooled connections; call once before the program ends.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    /// A client dropped without `shutdown()` (a task that threw) still closes its connections,
    /// instead of leaking them (and tripping async-http-client's debug check).
    deinit {
        let http = self.http
        Task { try? await http.shutdown() }
    }

    // MARK: Calls of the contract

    /// `POST /v1/cases` with the case UUID as Idempotency-Key.
    public func submit(_ filed: FiledCase) async -> SubmitOutcome {
        let body: Data
        do {
            body = try Wire.encoder.encode(CaseSubmission(filed))
        } catch {
            return .refused(status: 0, Problem(error: "unencodable", message: "案件无法编码：\(error)"))
        }
        let response: RawResponse
        do {
            response = try await send("POST", "/v1/cases", body: body,
                                      extraHeaders: [(Wire.idempotencyKey, filed.id.uuidString.lowercased())])
        } catch {
            return Self.classify(transportError: error)
        }
        return Self.classify(response)
    }

    public func progress(caseNumber: String) async throws -> CaseProgress {
        try await call("GET", "/v1/cases/\(Self.escape(caseNumber))")
    }

    public func search(idNumber: String) async throws -> CaseList {
        try await call("POST", "/v1/cases/search", body: Wire.encoder.encode(CaseSearchRequest(idNumber: idNumber)))
    }

    /// The cases a terminal submitted (reconciliation; no personal data).
    public func listCases(terminalID: String) async throws -> CaseList {
        try await call("GET", "/v1/terminals/\(Self.escape(terminalID))/cases")
    }

    public func departmentView(department: String, caseNumber: String) async throws -> DepartmentView {
        try await call("GET", "/v1/departments/\(Self.escape(department))/cases/\(Self.escape(caseNumber))")
    }

    public func heartbeat(_ beat: Heartbeat) async throws {
        let _: EmptyAnswer = try await call("PUT", "/v1/terminals/\(Self.escape(configuration.terminalID))/heartbeat",
                                            body: Wire.encoder.encode(beat))
    }

    public func terminals() async throws -> TerminalList {
        try await call("GET", "/v1/terminals")
    }

    // MARK: Transport

    /// Sends one signed request and reads the whole answer within the request timeout.
    public func send(_ method: String, _ path: String, body: Data = Data(),
                     extraHeaders: [(String, String)] = []) async throws -> RawResponse {
        let signature = signer.sign(method: method, path: path, body: body, date: clock.wallTime)
        var request = HTTPClientRequest(url: configuration.baseURL.absoluteString.trimmingSuffix("/") + path)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in signature.headers + extraHeaders { request.headers.add(name: name, value: value) }
        if !body.isEmpty {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let deadline = NIODeadline.now() + .init(configuration.requestTimeout) // clock-exempt: a socket deadline is real time
        let response = try await http.execute(request, deadline: deadline)
        let buffer = try await response.body.collect(upTo: configuration.maxResponseBytes)
        var headers: [String: String] = [:]
        for (name, value) in response.headers { headers[name.lowercased()] = value }
        return RawResponse(status: Int(response.status.code), headers: headers, body: Data(buffer: buffer))
    }

    private struct EmptyAnswer: Decodable {}

    private func call<T: Decodable>(_ method: String, _ path: String, body: Data = Data()) async throws -> T {
        let response = try await send(method, path, body: body)
        guard (200..<300).contains(response.status) else {
            throw (try? Wire.decoder.decode(Problem.self, from: response.body))
                ?? Problem(error: "http_\(response.status)", message: "中心服务返回 HTTP \(response.status)")
        }
        if T.self == EmptyAnswer.self, response.body.isEmpty { return try Wire.decoder.decode(T.self, from: Data("{}".utf8)) }
        return try Wire.decoder.decode(T.self, from: response.body)
    }

    static func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? segment
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
