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

/// 422 with field-level errors, never echoing the submitted personal data.
@Suite(.realTime) struct ValidationTests {
    func refusal(_ sim: CentralSimHarness, _ filed: FiledCase) async -> (Int, Problem)? {
        if case let .refused(status, problem) = await sim.client.submit(filed) { return (status, problem) }
        return nil
    }

    @Test func invalidFieldsAreNamed() async throws {
        let sim = try await CentralSimHarness.start()
        var filed = CaseFixtures.chongqing(index: 7)
        filed.applicant.idNumber = "110105194912310021" // wrong check character
        filed.applicant.phone = "12345"
        filed.region = "atlantis"
        filed.fields[0].departments = ["区税务局"]
        let result = await refusal(sim, filed)
        #expect(result?.0 == 422)
        let errors = result?.1.fieldErrors ?? []
        let byField = Dictionary(errors.map { ($0.field, $0.code) }, uniquingKeysWith: { a, _ in a })
        #expect(byField["applicant.idNumber"] == "wrong_check_character")
        #expect(byField["applicant.phone"] == "wrong_length")
        #expect(byField["region"] == "unknown_region")
        #expect(byField["fields[0].departments"] == "unknown_department")
        let text = String(describing: result?.1 ?? Problem(error: "", message: ""))
        #expect(!text.contains("110105194912310021"))
        #expect(!text.contains("12345"))
        #expect(!text.contains(filed.applicant.name))
        await sim.stop()
    }

    @Test(arguments: [
        ("11010519491231002", "wrong_length"),
        ("11010519491331002X", "invalid_birth_date"),
        ("440524188001010015", "wrong_check_character"),
    ])
    func idNumberRules(number: String, code: String) async throws {
        let sim = try await CentralSimHarness.start()
        var filed = CaseFixtures.chongqing(index: 8)
        filed.applicant.idNumber = number
        filed.applicant.birthDate = nil
        let result = await refusal(sim, filed)
        #expect(result?.0 == 422)
        #expect(result?.1.fieldErrors?.first { $0.field == "applicant.idNumber" }?.code == code)
        await sim.stop()
    }

    @Test func birthDateAndSexMustMatchTheIDNumber() async throws {
        let sim = try await CentralSimHarness.start()
        var filed = CaseFixtures.chongqing(index: 0) // 11010519491231002X: female, 1949-12-31
        filed.applicant.sex = .male
        filed.applicant.birthDate = CivilDate(year: 1950, month: 1, day: 1)
        let fields = Set(await refusal(sim, filed)?.1.fieldErrors?.map(\.field) ?? [])
        #expect(fields == ["applicant.sex", "applicant.birthDate"])
        await sim.stop()
    }

    @Test func emptyAndDuplicateItemsAreRefused() async throws {
        let sim = try await CentralSimHarness.start()
        var filed = CaseFixtures.chongqing(index: 9)
        filed.items.append(filed.items[0])
        var codes = await refusal(sim, filed)?.1.fieldErrors?.map(\.code) ?? []
        #expect(codes.contains("duplicate"))
        filed.items = []
        filed.fields = []
        codes = await refusal(sim, filed)?.1.fieldErrors?.map(\.code) ?? []
        #expect(codes.contains("required"))
        await sim.stop()
    }

    /// Checked against the region profiles: category, items per category, display-only items,
    /// mandatory items.
    @Test func itemsAndCategoriesFollowTheRegionProfile() async throws {
        let sim = try await CentralSimHarness.start()
        var filed = CaseFixtures.chongqing(index: 15)
        filed.items.append(.init(code: "pension_transfer", title: "军地养老保险关系转移接续", department: "区人力社保局",
                                 dueDate: nil, limitText: "以部门通知为准"))
        filed.items.append(.init(code: "league_transfer", title: "团组织关系转接", department: "区人力社保局",
                                 dueDate: nil, limitText: "以部门通知为准"))
        var byField = Dictionary(((await refusal(sim, filed))?.1.fieldErrors ?? []).map { ($0.field, $0.code) },
                                 uniquingKeysWith: { a, _ in a })
        #expect(byField["items[4].code"] == "display_only")
        #expect(byField["items[5].code"] == "unknown_item")

        filed = CaseFixtures.chongqing(index: 16)
        filed.category = "demobilized_officer" // a Sichuan category
        byField = Dictionary(((await refusal(sim, filed))?.1.fieldErrors ?? []).map { ($0.field, $0.code) },
                             uniquingKeysWith: { a, _ in a })
        #expect(byField["category"] == "unknown_category")

        filed = CaseFixtures.chongqing(index: 17)
        filed.region = "jiangxi" // Jiangxi makes 退役报到 and 预备役登记 mandatory
        filed.items.removeAll { $0.code == "reserve" }
        let codes = await refusal(sim, filed)?.1.fieldErrors?.map(\.code) ?? []
        #expect(codes.contains("missing_mandatory"))
        await sim.stop()
    }

    @Test func aTerminalCannotSubmitAnotherTerminalsCase() async throws {
        let sim = try await CentralSimHarness.start()
        var filed = CaseFixtures.chongqing(index: 10)
        filed.terminalID = "CQ-YB-02"
        let result = await refusal(sim, filed)
        #expect(result?.1.error == "wrong_terminal")
        await sim.stop()
    }

    /// Fuzz: random and mutated bodies are answered 4xx, never 5xx, and the server stays up.
    @Test func randomBodiesNeverBreakTheServer() async throws {
        let sim = try await CentralSimHarness.start()
        var random = SeededRandom(seed: 99)
        let valid = try Wire.encoder.encode(CaseSubmission(CaseFixtures.chongqing(index: 11)))
        for round in 0..<120 {
            var body: Data
            if round % 2 == 0 {
                body = Data((0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            } else {
                body = valid
                for _ in 0..<(1 + random.next() % 8) {
                    body[Int(random.next() % UInt64(body.count))] = UInt8(truncatingIfNeeded: random.next())
                }
            }
            let key = UUID().uuidString
            let response = try await sim.client.send("POST", "/v1/cases", body: body, extraHeaders: [(Wire.idempotencyKey, key)])
            #expect((400..<500).contains(response.status), "round \(round): HTTP \(response.status)")
        }
        #expect(try await RawHTTP.send("GET", sim.server.baseURL.absoluteString + "/healthz").status == 200)
        await sim.stop()
    }
}
