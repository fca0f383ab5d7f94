import CentralService
import Foundation
import HTTPTypes
import Hummingbird
import NIOFoundationCompat

/// `POST /v1/ratings` and `GET /v1/terminals/{terminalId}/ratings` of the contract: 好差评 from
/// the kiosks, one rating per UUID. Logs name the rating's UUID only.
struct RatingRoutes: Sendable {
    let repository: RatingRepository
    let now: @Sendable () -> Date

    /// The scheme's five grades; reasons are short labels, a handful at most.
    static let scores = 1...5
    static let maxReasons = 12
    static let maxReasonLength = 40

    func register(on router: Router<SimRequestContext>) {
        router.post("/v1/ratings") { request, context in try await submit(request, context) }
        router.get("/v1/terminals/{terminalId}/ratings") { _, context in
            let terminal = try CentralRoutes.parameter("terminalId", context)
            guard terminal == context.terminalID else { return Access.notYourTerminal }
            return JSONAnswer.value(.ok, RatingList(ratings: try await repository.ratings(terminalID: terminal)))
        }
    }

    private func submit(_ request: Request, _ context: SimRequestContext) async throws -> Response {
        guard let terminal = context.terminalID else { return Access.terminalsOnly }
        let body = Data(buffer: try await request.body.collect(upTo: 16_384))
        guard let key = request.headers[HTTPField.Name(Wire.idempotencyKey)!], let keyID = UUID(uuidString: key) else {
            return JSONAnswer.problem(.badRequest, Problem(error: "missing_idempotency_key", message: "缺少 Idempotency-Key（应为评价的 UUID）"))
        }
        guard let rating = try? Wire.decoder.decode(RatingSubmission.self, from: body) else {
            return JSONAnswer.problem(.unprocessableContent, Problem(error: "validation_failed", message: "请求体不符合接口规范",
                                                                     fieldErrors: [.init(field: "$", code: "invalid_document", message: "应为评价文档")]))
        }
        let errors = Self.errors(in: rating, key: keyID)
        guard errors.isEmpty else {
            return JSONAnswer.problem(.unprocessableContent, Problem(error: "validation_failed", message: "评价内容校验未通过", fieldErrors: errors))
        }
        let digest = context.contentSHA256 ?? RequestSignature.sha256Hex(body)
        switch try await repository.submit(rating, terminalID: terminal, digest: digest, now: now()) {
        case .created(let receipt):
            context.logger.info("rating stored", metadata: ["rating": "\(rating.ratingId.uuidString.lowercased())"])
            return JSONAnswer.value(.created, receipt)
        case .replayed(let receipt):
            var response = JSONAnswer.value(.created, receipt)
            response.headers[HTTPField.Name(Wire.idempotentReplayed)!] = "true"
            return response
        case .conflict:
            return JSONAnswer.problem(.conflict, Problem(error: "idempotency_conflict", message: "同一评价编号已提交过不同的内容"))
        case .unknownCase:
            return JSONAnswer.notFound("案件")
        case .notYourCase:
            return Access.notYourCase
        }
    }

    /// Field errors of a rating: the key is its id, a score of the scheme, short standard reasons.
    static func errors(in rating: RatingSubmission, key: UUID) -> [Problem.FieldError] {
        var errors: [Problem.FieldError] = []
        if rating.ratingId != key { errors.append(.init(field: "ratingId", code: "mismatch", message: "应与 Idempotency-Key 相同")) }
        if !scores.contains(rating.score) { errors.append(.init(field: "score", code: "out_of_range", message: "应为 1 到 5")) }
        if rating.caseNumber.isEmpty || rating.caseNumber.count > 64 {
            errors.append(.init(field: "caseNumber", code: "invalid", message: "应为 1 到 64 个字符的受理编号"))
        }
        if rating.reasons.count > maxReasons || rating.reasons.contains(where: { $0.isEmpty || $0.count > maxReasonLength }) {
            errors.append(.init(field: "reasons", code: "invalid", message: "最多 \(maxReasons) 项，每项 1 到 \(maxReasonLength) 个字符"))
        }
        if rating.channel != "kiosk" { errors.append(.init(field: "channel", code: "invalid", message: "应为 kiosk")) }
        return errors
    }
}
