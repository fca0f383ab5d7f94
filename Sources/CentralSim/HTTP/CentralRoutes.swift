import CentralService
import Foundation
import HTTPTypes
import Hummingbird
import NIOFoundationCompat
import KioskDomain
import NIOCore

/// The contract of `Assets/api/central.yaml`, route by route.
struct CentralRoutes: Sendable {
    let repository: CaseRepository
    let committer: GroupCommitter
    let database: SimDatabase
    let validator: SubmissionValidator
    let knownTerminals: [String]
    let specification: Data
    let now: @Sendable () -> Date

    func register(on router: Router<SimRequestContext>) {
        router.get("/healthz") { _, _ in JSONAnswer.data(.ok, Data(#"{"status":"ok"}"#.utf8)) }
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: specification)))
        }
        router.post("/v1/cases") { request, context in try await submit(request, context) }
        RatingRoutes(repository: RatingRepository(database: database), now: now).register(on: router)
        router.post("/v1/cases/search") { request, context in
            guard let terminal = context.terminalID else { return Access.terminalsOnly }
            guard let query = try? Wire.decoder.decode(CaseSearchRequest.self, from: Data(buffer: try await request.body.collect(upTo: 4096))),
                  Self.isIDNumberShaped(query.idNumber) else {
                return JSONAnswer.problem(.badRequest, Problem(error: "bad_request", message: "请求体应为 {\"idNumber\": 18 位身份证号}"))
            }
            return JSONAnswer.value(.ok, CaseList(cases: try await repository.cases(idNumber: query.idNumber.uppercased(),
                                                                                    terminalID: terminal, now: now())))
        }
        router.get("/v1/cases/{caseNumber}") { _, context in
            guard let terminal = context.terminalID else { return Access.terminalsOnly }
            let number = try Self.parameter("caseNumber", context)
            guard let found = try await repository.progress(caseNumber: number, now: now()) else { return JSONAnswer.notFound("案件") }
            guard found.terminalID == terminal else { return Access.notYourCase }
            return JSONAnswer.value(.ok, found.progress)
        }
        router.get("/v1/terminals") { _, context in
            // The fleet: an operator sees every terminal; a terminal only its own entry.
            if context.principal?.operatorName != nil {
                return JSONAnswer.value(.ok, try await repository.terminals(known: knownTerminals, only: nil))
            }
            guard let terminal = context.terminalID else { return Access.terminalsOnly }
            return JSONAnswer.value(.ok, try await repository.terminals(known: knownTerminals, only: terminal))
        }
        router.get("/v1/terminals/{terminalId}/cases") { _, context in
            let terminal = try Self.parameter("terminalId", context)
            guard terminal == context.terminalID else { return Access.notYourTerminal }
            return JSONAnswer.value(.ok, CaseList(cases: try await repository.cases(terminalID: terminal, now: now())))
        }
        router.put("/v1/terminals/{terminalId}/heartbeat") { request, context in
            let terminal = try Self.parameter("terminalId", context)
            guard terminal == context.terminalID else { return Access.notYourTerminal }
            let body = Data(buffer: try await request.body.collect(upTo: 65536))
            guard let beat = try? Wire.decoder.decode(Heartbeat.self, from: body) else {
                return JSONAnswer.problem(.badRequest, Problem(error: "bad_request", message: "心跳内容格式不正确"))
            }
            if let field = beat.contractProblem ?? Self.nonIntegerCount(in: body) {
                return JSONAnswer.problem(.badRequest, Problem(error: "bad_request", message: "心跳字段 \(field) 的值不符合接口约定"))
            }
            try await repository.recordHeartbeat(terminalID: terminal, beat: body, now: now())
            return Response(status: .noContent)
        }
        router.get("/v1/departments/{department}/cases/{caseNumber}") { _, context in
            let department = try Self.parameter("department", context)
            guard department == context.department else { return Access.departmentsOnly }
            let number = try Self.parameter("caseNumber", context)
            guard let view = try await repository.departmentView(department: department, caseNumber: number, now: now()) else {
                return JSONAnswer.notFound("该部门的案件")
            }
            return JSONAnswer.value(.ok, view)
        }
    }

    /// `POST /v1/cases`: validate, then store once; a replay gets the original receipt. The
    /// request's nonce is recorded with the case, or on its own for any other answer.
    private func submit(_ request: Request, _ context: SimRequestContext) async throws -> Response {
        let body = Data(buffer: try await request.body.collect(upTo: context.maxUploadSize))
        let submission: CaseSubmission
        switch check(request, body: body, context) {
        case .answer(let response):
            if let nonce = context.unrecordedNonce, try await !database.useNonce(nonce) {
                return SignatureMiddleware.refusal(.replayedNonce, context: context)
            }
            return response
        case .valid(let valid):
            submission = valid
        }
        let item = CaseRepository.Submission(submission: submission, body: body, digest: context.contentSHA256 ?? RequestSignature.sha256Hex(body),
                                             nonce: context.unrecordedNonce, now: now())
        switch try await committer.submit(item) {
        case .created(let receipt):
            context.logger.debug("case accepted", metadata: ["case": "\(submission.localReference)"])
            return JSONAnswer.data(.created, receipt)
        case .replayed(let receipt):
            return JSONAnswer.data(.created, receipt, headers: [HTTPField.Name(Wire.idempotentReplayed)!: "true"])
        case .conflict:
            return JSONAnswer.problem(.conflict, Problem(error: "idempotency_conflict",
                                                         message: "同一案件编号已提交过不同的内容"))
        case .replayedNonce:
            return SignatureMiddleware.refusal(.replayedNonce, context: context)
        }
    }

    private enum Checked {
        case valid(CaseSubmission)
        /// Refused before storing: the answer to send.
        case answer(Response)
    }

    /// The key, the document, the terminal and the content rules, in that order.
    private func check(_ request: Request, body: Data, _ context: SimRequestContext) -> Checked {
        guard let key = request.headers[HTTPField.Name(Wire.idempotencyKey)!], UUID(uuidString: key) != nil else {
            return .answer(JSONAnswer.problem(.badRequest, Problem(error: "missing_idempotency_key",
                                                                   message: "缺少 Idempotency-Key（应为案件的 UUID）")))
        }
        let submission: CaseSubmission
        do {
            submission = try Wire.decoder.decode(CaseSubmission.self, from: body)
        } catch {
            let failure = DataFileError.from(error, file: "request body")
            return .answer(JSONAnswer.problem(.unprocessableContent, Problem(
                error: "validation_failed", message: "请求体不符合接口规范",
                fieldErrors: [.init(field: failure.key.isEmpty ? "$" : failure.key, code: "invalid_document",
                                    message: "应为 \(failure.expected)")])))
        }
        guard submission.terminalId == context.terminalID else {
            return .answer(JSONAnswer.problem(.forbidden, Problem(error: "wrong_terminal", message: "终端只能提交本终端受理的案件",
                                                                  fieldErrors: [.init(field: "terminalId", code: "mismatch",
                                                                                      message: "与签名终端不一致")])))
        }
        let errors = validator.errors(in: submission, idempotencyKey: key, today: DueDates.chinaDate(now()))
        guard errors.isEmpty else {
            return .answer(JSONAnswer.problem(.unprocessableContent, Problem(error: "validation_failed", message: "案件内容校验未通过",
                                                                             fieldErrors: errors)))
        }
        return .valid(submission)
    }

    static func parameter(_ name: String, _ context: SimRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }

    /// The contract's `^[0-9]{17}[0-9X]$` (the kiosk sends numbers normalised, X upper-case).
    static func isIDNumberShaped(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 18 else { return false }
        return bytes.dropLast().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && ((bytes[17] >= UInt8(ascii: "0") && bytes[17] <= UInt8(ascii: "9")) || bytes[17] == UInt8(ascii: "X"))
    }

    /// JSONDecoder reads `null` into an `Int?` count (and may read `1.0` as 1); the contract says
    /// integer. Names the first count that is `null` or not a whole number, or nil.
    static func nonIntegerCount(in body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        for key in ["pendingCases", "oldestPendingSeconds", "refusedCases"] {
            guard let value = object[key] else { continue }
            if value is NSNull { return key }
            if let number = value as? NSNumber, number.doubleValue.rounded() != number.doubleValue { return key }
        }
        return nil
    }
}
