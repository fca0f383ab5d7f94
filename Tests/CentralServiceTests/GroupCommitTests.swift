import CentralService
import Foundation
import KioskDomain
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// central-sim's submission path since group commit: the nonce is recorded with the case, the
/// content comparison of a replay tolerates another encoding, and submissions arriving together
/// share a commit while each gets its own answer.
@Suite(.realTime) struct GroupCommitTests {
    static func post(_ sim: CentralSimHarness, _ body: Data, key: String, signedAt: Date = Date())
        async throws -> (answer: RawHTTP.Answer, headers: [(String, String)]) {
        let signature = RequestSigner(terminalID: CentralSimHarness.terminalID, secret: sim.secret)
            .sign(method: "POST", path: "/v1/cases", body: body, date: signedAt)
        let headers = signature.headers + [(Wire.idempotencyKey, key)]
        let answer = try await RawHTTP.send("POST", sim.server.baseURL.absoluteString + "/v1/cases", headers: headers, body: body)
        return (answer, headers)
    }

    /// The contract compares content after decoding: the same case written with other key order
    /// and whitespace is a replay (201 with the original receipt), not a 409.
    @Test func theSameContentWrittenDifferentlyIsAReplay() async throws {
        let sim = try await CentralSimHarness.start()
        let filed = CaseFixtures.chongqing(index: 21)
        guard case let .accepted(receipt, false, original) = await sim.client.submit(filed) else {
            Issue.record("the first submission was not accepted")
            await sim.stop()
            return
        }
        let other = JSONEncoder()
        other.outputFormatting = [.prettyPrinted]
        other.dateEncodingStrategy = .iso8601
        let rewritten = try other.encode(CaseSubmission(filed))
        #expect(rewritten != (try Wire.encoder.encode(CaseSubmission(filed))))
        let (answer, _) = try await Self.post(sim, rewritten, key: filed.id.uuidString.lowercased())
        #expect(answer.status == 201)
        #expect(answer.body == original)
        #expect(answer.text.contains(receipt.caseNumber))
        #expect(try await sim.client.listCases(terminalID: CentralSimHarness.terminalID).cases.count == 1)
        await sim.stop()
    }

    /// A submission refused before storing still uses up its nonce: sent again verbatim, it is
    /// refused as a replay; a genuine retry (new nonce) gets the 422 again.
    @Test func aRefusedSubmissionStillUsesItsNonce() async throws {
        let sim = try await CentralSimHarness.start()
        var bad = CaseFixtures.chongqing(index: 22)
        bad.applicant.idNumber = "110105194912310021"
        let body = try Wire.encoder.encode(CaseSubmission(bad))
        let key = bad.id.uuidString.lowercased()
        let (first, headers) = try await Self.post(sim, body, key: key)
        #expect(first.status == 422)
        let replay = try await RawHTTP.send("POST", sim.server.baseURL.absoluteString + "/v1/cases", headers: headers, body: body)
        #expect(replay.status == 401)
        #expect(replay.text.contains("replayed_nonce"))
        #expect(try await Self.post(sim, body, key: key).answer.status == 422)
        await sim.stop()
    }

    /// Sixteen different cases at once: every one is stored once with its own number, the
    /// numbers run without gaps, and the answers match their cases.
    @Test func concurrentSubmissionsEachGetTheirOwnAnswer() async throws {
        let sim = try await CentralSimHarness.start()
        let cases = (0..<16).map { CaseFixtures.chongqing(index: 300 + $0) }
        let outcomes = await withTaskGroup(of: (UUID, SubmitOutcome).self) { group in
            for filed in cases { group.addTask { (filed.id, await sim.client.submit(filed)) } }
            return await group.reduce(into: [UUID: SubmitOutcome]()) { $0[$1.0] = $1.1 }
        }
        var numbers: [String] = []
        for filed in cases {
            guard case let .accepted(receipt, replayed, _) = outcomes[filed.id] else {
                Issue.record("case \(filed.localReference): \(String(describing: outcomes[filed.id]))")
                continue
            }
            #expect(receipt.caseId == filed.id)
            #expect(!replayed)
            numbers.append(receipt.caseNumber)
        }
        #expect(Set(numbers).count == 16)
        #expect(Set(numbers.compactMap { $0.split(separator: "-").last.flatMap { Int($0) } }) == Set(1...16))
        let held = try await sim.client.listCases(terminalID: CentralSimHarness.terminalID).cases
        #expect(held.count == 16)
        await sim.stop()
    }
}
