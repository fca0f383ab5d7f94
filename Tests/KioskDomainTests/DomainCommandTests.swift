import Foundation
import KioskDomain
import KioskDomainTesting
import TestSupport
import Testing
import TestTraits

/// `kioskctl catalog` and `kioskctl plan` as scripts call them: the built binary in a real
/// process, one JSON document on stdout, DESIGN's exit codes (0 yes, 1 a clear no, 2 could not run).
@Suite(.realTime) struct DomainCommandTests {
    struct PlanDocument: Decodable {
        var ready: Bool
        var plan: Plan
    }

    struct Refusal: Decodable {
        var ready: Bool
        var code: String
        var message: String
    }

    func kioskctl(_ arguments: [String]) async throws -> ProcessRunner.Result {
        try await ProcessRunner.runProduct("kioskctl", arguments)
    }

    @Test func catalogJSONForACategory() async throws {
        let result = try await kioskctl(["catalog", "--region", "sichuan", "--category", "assigned_job_soldier", "--json"])
        #expect(result.status == 0)
        let profile = try JSONDecoder().decode(RegionProfile.self, from: result.stdout)
        #expect(profile.items.map(\.code) == ["report", "household", "idcard", "reserve"])
        #expect(profile.categories.map(\.name) == ["安排工作退役士兵"])
    }

    @Test func catalogTextIsChinese() async throws {
        let result = try await kioskctl(["catalog", "--region", "ordos"])
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("退伍入户—退伍军人恢复户口"))
        #expect(result.stdoutText.contains("27个工作日"))
        #expect(result.stdoutText.contains("东胜区 0477—8575378"))
    }

    @Test func catalogBadArgumentsExitTwo() async throws {
        let unknown = try await kioskctl(["catalog", "--region", "atlantis"])
        #expect(unknown.status == 2)
        #expect(unknown.stderrText.contains("chongqing"))
        let category = try await kioskctl(["catalog", "--region", "hebei", "--category", "demobilized_officer"])
        #expect(category.status == 2)
        let assets = try await kioskctl(["catalog", "--region", "hebei", "--assets", "/nonexistent"])
        #expect(assets.status == 2)
    }

    @Test func readyPlanExitsZeroWithDatesMaterialsAndFields() async throws {
        let result = try await kioskctl([
            "plan", "--region", "chongqing", "--category", "self_employed_soldier",
            "--items", "report,household,idcard", "--settlement", "spouse",
            "--answer", "household_mode=join", "--answer", "enlisted_elsewhere=no", "--answer", "idcard_action=damaged",
            "--date", "2026-02-12", "--json",
        ])
        #expect(result.status == 0, "\(result.stderrText)")
        let document = try JSONDecoder().decode(PlanDocument.self, from: result.stdout)
        #expect(document.ready)
        #expect(document.plan.items.map(\.code) == ["report", "household", "idcard"])
        #expect(document.plan.items.last?.due == .on(Domain.date("2026-02-24")))
        #expect(document.plan.materials.map(\.name).contains("结婚证"))
        #expect(document.plan.materials.map(\.name).contains("原身份证正反面照片"))
        #expect(document.plan.fields.first { $0.code == "householder_name" }?.departments == ["police"])
        #expect(document.plan.fees.map(\.yuan) == [40])
        // The JSON carries a machine-readable due state.
        #expect(result.stdoutText.contains("\"state\" : \"date\""))
    }

    @Test func blockingQuestionExitsOne() async throws {
        let result = try await kioskctl(["plan", "--region", "ordos", "--category", "self_employed_soldier",
                                   "--items", "report", "--date", "2026-03-02", "--json"])
        #expect(result.status == 1)
        let document = try JSONDecoder().decode(PlanDocument.self, from: result.stdout)
        #expect(!document.ready)
        #expect(document.plan.blocking.map(\.question) == ["reserve_registered"])
    }

    @Test func itemTheCategoryMayNotChooseExitsOneWithAReason() async throws {
        let result = try await kioskctl(["plan", "--region", "sichuan", "--category", "assigned_job_soldier",
                                   "--items", "report,subsidy", "--date", "2026-03-02", "--json"])
        #expect(result.status == 1)
        let refusal = try JSONDecoder().decode(Refusal.self, from: result.stdout)
        #expect(refusal.code == "item_not_offered")
        #expect(refusal.message.contains("安排工作退役士兵"))
    }

    @Test func badPlanArgumentsExitTwo() async throws {
        let base = ["plan", "--region", "chongqing", "--category", "self_employed_soldier"]
        for extra in [["--items", "report", "--date", "2026-02-30"],
                      ["--items", "lottery"],
                      ["--items", "household", "--settlement", "abroad"],
                      ["--items", "report", "--answer", "colour=red"],
                      ["--items", "report", "--answer", "nonsense"]] {
            let result = try await kioskctl(base + extra)
            #expect(result.status == 2, "\(extra)")
            #expect(!result.stderrText.isEmpty)
        }
    }

    @Test func helpListsEveryQuestionAndItsValues() async throws {
        let result = try await kioskctl(["plan", "--help"])
        #expect(result.status == 0)
        let help = result.stdoutText
        for catalogProfile in Domain.catalog.profiles {
            for question in catalogProfile.questions {
                #expect(help.contains(question.code), "\(catalogProfile.code).\(question.code)")
                for option in question.options { #expect(help.contains("\(option.value) = \(option.label)")) }
            }
        }
        let questions = try await kioskctl(["plan", "--questions", "--region", "hebei"])
        #expect(questions.status == 0)
        #expect(questions.stdoutText.contains("household_cancelled：入伍时户口是否已注销（影响：户口登记（退役军人恢复户口））"))
        let ordos = try await kioskctl(["plan", "--questions", "--region", "ordos"])
        #expect(ordos.stdoutText.contains("reserve_registered：是否已在旗区人武部完成预备役登记（影响：全部事项）"))
    }

    @Test func unpublishedYearIsReportedNotGuessed() async throws {
        let result = try await kioskctl(["plan", "--region", "hebei", "--category", "self_employed_soldier",
                                   "--items", "report", "--date", "2027-01-05"])
        #expect(result.status == 0)
        // Filed in 2027, that year's schedule was out before it began: the kiosk only lacks it.
        #expect(result.stdoutText.contains("本机未载入2027年节假日安排"))
        #expect(!result.stdoutText.contains("尚未公布"))
    }
}
