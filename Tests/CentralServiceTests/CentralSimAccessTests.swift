import CentralService
import Crypto
import Foundation
import KioskDomain
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// central-sim's access rules: no unsigned way in whatever the path's spelling, a header cannot
/// bring the server down, and a terminal reads only its own cases while department views need
/// the department's own credential.
@Suite(.realTime) struct CentralSimAccessTests {
    /// Spellings the router may treat as the same route as `path` (which starts with `/v1/`).
    static func spellings(of path: String) -> [String] {
        let rest = String(path.dropFirst("/v1/".count))
        return [path, "/" + path, "///" + path.dropFirst(), "/v1//" + rest, "/./v1/" + rest, "/v1/./" + rest,
                "/x/../v1/" + rest, "/v1/x/../" + rest, "/%76%31/" + rest, "/%2Fv1/" + rest, "/V1/" + rest,
                path + "/", path + "//", path + "/.", path + "?x=1", "/v1/" + rest.replacingOccurrences(of: "/", with: "//")]
    }

    @Test func everyV1RouteRefusesUnsignedRequestsWhateverTheSpelling() async throws {
        let sim = try await CentralSimHarness.start()
        defer { Task { await sim.stop() } }
        guard case let .accepted(receipt, _, _) = await sim.client.submit(CaseFixtures.chongqing(index: 40)) else {
            Issue.record("not accepted")
            return
        }
        let terminal = CentralSimHarness.terminalID
        let department = "区公安分局".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let search = try Wire.encoder.encode(CaseSearchRequest(idNumber: CaseFixtures.testIDNumbers[0]))
        let routes: [(String, String, Data)] = [
            ("GET", "/v1/terminals", Data()),
            ("POST", "/v1/cases", try Wire.encoder.encode(CaseSubmission(CaseFixtures.chongqing(index: 41)))),
            ("POST", "/v1/cases/search", search),
            ("GET", "/v1/cases/\(receipt.caseNumber)", Data()),
            ("GET", "/v1/terminals/\(terminal)/cases", Data()),
            ("PUT", "/v1/terminals/\(terminal)/heartbeat", Data(#"{"status":"ok"}"#.utf8)),
            ("GET", "/v1/departments/\(department)/cases/\(receipt.caseNumber)", Data()),
        ]
        var answered: [String] = []
        for (method, path, body) in routes {
            for spelling in Self.spellings(of: path) {
                let answer = try await RawSocket.exchange(
                    port: sim.server.port,
                    head: RawSocket.request(method, spelling, headers: [("Content-Type", "application/json")], contentLength: body.count),
                    body: body)
                if answer.status != 401 { answered.append("\(method) \(spelling) → \(answer.status.map(String.init) ?? "no answer")") }
                #expect(!answer.text.contains(CaseFixtures.testIDNumbers[0]))
                #expect(!answer.text.contains("13800138000"))
            }
        }
        #expect(answered.isEmpty, "answered unsigned: \(answered)")
        // Only the two public documents, spelled exactly, are open.
        #expect(try await RawSocket.exchange(port: sim.server.port, head: RawSocket.request("GET", "/healthz")).status == 200)
        #expect(try await RawSocket.exchange(port: sim.server.port, head: RawSocket.request("GET", "/openapi.yaml")).status == 200)
        #expect(try await RawSocket.exchange(port: sim.server.port, head: RawSocket.request("GET", "//openapi.yaml")).status == 401)
    }

    @Test func anOverflowingTimestampIsRefusedAndTheServerStillAnswers() async throws {
        let sim = try await CentralSimHarness.start()
        defer { Task { await sim.stop() } }
        let genuine = RequestSigner(terminalID: CentralSimHarness.terminalID, secret: sim.secret)
            .sign(method: "GET", path: "/v1/terminals", body: Data(), date: Date())
        for hostile in ["-9223372036854775808", "9223372036854775807", "-1", "+1700000000", "99999999999999999999",
                        "1e9", " 1700000000", "0x10", "１７００００００００"] {
            let headers = genuine.headers.map { $0.0 == Wire.timestamp ? ($0.0, hostile) : $0 }
            let answer = try await RawSocket.exchange(port: sim.server.port, head: RawSocket.request("GET", "/v1/terminals", headers: headers))
            #expect(answer.status == 401, "timestamp \(hostile)")
            #expect(answer.text.contains("malformed_timestamp") || answer.text.contains("stale_timestamp"), "timestamp \(hostile)")
        }
        #expect(try await RawHTTP.send("GET", sim.server.baseURL.absoluteString + "/healthz").status == 200)
        #expect(try await sim.client.terminals().terminals.count == 1)
    }

    @Test func aStrangersBodyIsNotWaitedForBeforeRefusal() async throws {
        let sim = try await CentralSimHarness.start()
        defer { Task { await sim.stop() } }
        let stranger = RequestSigner(terminalID: "NOT-REGISTERED", secret: .generate())
            .sign(method: "POST", path: "/v1/cases", body: Data(), date: Date())
        // A megabyte announced, none sent: the headers alone must be enough to refuse.
        let answer = try await RawSocket.exchange(
            port: sim.server.port, head: RawSocket.request("POST", "/v1/cases", headers: stranger.headers, contentLength: 1 << 20),
            timeout: .seconds(5))
        #expect(answer.status == 401)
        #expect(answer.text.contains("unknown_terminal"))
    }

    @Test func aTerminalReadsOnlyItsOwnCasesAndDepartmentsNeedTheirOwnKey() async throws {
        let sim = try await CentralSimHarness.start()
        defer { Task { await sim.stop() } }
        let filed = CaseFixtures.chongqing(index: 42)
        guard case let .accepted(receipt, _, _) = await sim.client.submit(filed) else {
            Issue.record("not accepted")
            return
        }
        let other = sim.makeOtherTerminalClient()
        defer { Task { try? await other.shutdown() } }
        func status(_ body: () async throws -> Void) async -> String? {
            do { try await body(); return nil } catch let problem as Problem { return problem.error } catch { return "\(error)" }
        }
        // The owner reads its case; the other terminal is refused, and its search finds nothing.
        #expect(try await sim.client.progress(caseNumber: receipt.caseNumber).caseNumber == receipt.caseNumber)
        #expect(await status { _ = try await other.progress(caseNumber: receipt.caseNumber) } == "not_your_case")
        #expect(await status { _ = try await other.listCases(terminalID: CentralSimHarness.terminalID) } == "wrong_terminal")
        #expect(try await other.search(idNumber: filed.applicant.idNumber).cases.isEmpty)
        #expect(try await sim.client.search(idNumber: filed.applicant.idNumber).cases.count == 1)
        #expect(try await other.terminals().terminals.map(\.terminalId) == [CentralSimHarness.otherTerminalID])
        // The fleet operator reads every terminal's entry, and nothing of any case.
        let desk = sim.makeOperatorClient()
        defer { Task { try? await desk.shutdown() } }
        #expect(try await desk.terminals().terminals.map(\.terminalId)
                == [CentralSimHarness.terminalID, CentralSimHarness.otherTerminalID].sorted())
        #expect(await status { _ = try await desk.progress(caseNumber: receipt.caseNumber) } == "terminals_only")
        #expect(await status { _ = try await desk.search(idNumber: filed.applicant.idNumber) } == "terminals_only")
        #expect(await status { _ = try await desk.departmentView(department: "区公安分局", caseNumber: receipt.caseNumber) }
                == "wrong_department")
        // A terminal's key never opens a department view.
        #expect(await status { _ = try await sim.client.departmentView(department: "区公安分局", caseNumber: receipt.caseNumber) }
                == "wrong_department")
        // A department reads its own view only, and nothing of the terminals' side.
        let police = sim.makeDepartmentClient("区公安分局")
        defer { Task { try? await police.shutdown() } }
        #expect(try await police.departmentView(department: "区公安分局", caseNumber: receipt.caseNumber).items.map(\.code) == ["household"])
        #expect(await status { _ = try await police.departmentView(department: "区退役军人事务局", caseNumber: receipt.caseNumber) }
                == "wrong_department")
        #expect(await status { _ = try await police.progress(caseNumber: receipt.caseNumber) } == "terminals_only")
        #expect(await status { _ = try await police.listCases(terminalID: CentralSimHarness.terminalID) } == "wrong_terminal")
        // A stranger's department key is refused at the signature.
        let forged = try CentralClient(configuration: .init(baseURL: sim.server.baseURL, department: "区公安分局"), secret: .generate())
        defer { Task { try? await forged.shutdown() } }
        #expect(await status { _ = try await forged.departmentView(department: "区公安分局", caseNumber: receipt.caseNumber) }
                == "bad_signature")
    }

    @Test func theIDNumberLookupColumnIsKeyedNotAPlainHash() async throws {
        let sim = try await CentralSimHarness.start()
        let filed = CaseFixtures.chongqing(index: 43)
        _ = await sim.client.submit(filed)
        #expect(try await sim.client.search(idNumber: filed.applicant.idNumber).cases.count == 1)
        let plain = Hex.lowercase(SHA256.hash(data: Data(filed.applicant.idNumber.uppercased().utf8)))
        await sim.server.stop()
        var bytes = Data()
        for suffix in ["", "-wal"] {
            bytes += (try? Data(contentsOf: sim.directory.appendingPathComponent("central.sqlite" + suffix))) ?? Data()
        }
        #expect(!bytes.isEmpty)
        #expect(bytes.range(of: Data(plain.utf8)) == nil, "the plain SHA-256 of the ID number is stored")
        try? await sim.client.shutdown()
        try? FileManager.default.removeItem(at: sim.directory)
    }
}
