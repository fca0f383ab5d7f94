import Foundation

extension CentralClient {
    /// `POST /v1/ratings` with the rating's UUID as Idempotency-Key.
    public func submitRating(_ rating: RatingSubmission) async -> RatingOutcome {
        let response: RawResponse
        do {
            response = try await send("POST", "/v1/ratings", body: try Wire.encoder.encode(rating),
                                      extraHeaders: [(Wire.idempotencyKey, rating.ratingId.uuidString.lowercased())])
        } catch {
            return Self.ratingOutcome(Self.classify(transportError: error))
        }
        switch response.status {
        case 200, 201:
            guard let receipt = try? Wire.decoder.decode(RatingReceipt.self, from: response.body) else {
                return .retryable(reason: "HTTP \(response.status) with an unreadable answer", retryAfter: nil)
            }
            return .delivered(receipt, replayed: response.headers[Wire.idempotentReplayed.lowercased()] == "true")
        case 404:
            return .refused(status: 404, (try? Wire.decoder.decode(Problem.self, from: response.body))
                ?? Problem(error: "not_found", message: "中心服务没有该案件"))
        default:
            return Self.ratingOutcome(Self.classify(response))
        }
    }

    /// The ratings this terminal delivered (reconciliation and tests; no personal data).
    public func listRatings(terminalID: String) async throws -> RatingList {
        let response = try await send("GET", "/v1/terminals/\(Self.escape(terminalID))/ratings")
        guard response.status == 200 else {
            throw (try? Wire.decoder.decode(Problem.self, from: response.body))
                ?? Problem(error: "http_\(response.status)", message: "中心服务返回 HTTP \(response.status)")
        }
        return try Wire.decoder.decode(RatingList.self, from: response.body)
    }

    private static func ratingOutcome(_ outcome: SubmitOutcome) -> RatingOutcome {
        switch outcome {
        case .accepted: .retryable(reason: "unexpected case receipt", retryAfter: nil)
        case .refused(let status, let problem): .refused(status: status, problem)
        case .retryable(let reason, let retryAfter, _): .retryable(reason: reason, retryAfter: retryAfter)
        }
    }
}
