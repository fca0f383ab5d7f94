import KioskDomain
import Testing
import TestTraits

/// Conditional materials (settlement type, household cancelled, …) as the seeds state them.
@Suite(.computeBound) struct ConditionalMaterialsTests {
    @Test func chongqingSettlementWithSpouseNeedsMarriageCertificateAndSpousesHouseholdRegister() throws {
        let plan = try Domain.plan("chongqing", items: ["report", "household"],
                                   answers: ["settlement": "spouse", "household_mode": "join", "enlisted_elsewhere": "no"])
        #expect(plan.isReady)
        #expect(plan.materialNames.contains("结婚证"))
        #expect(plan.material(named: "户口簿")?.notes.contains("配偶的户口簿") == true)
        #expect(plan.material(named: "户口簿")?.neededBy == ["household"])
        #expect(!plan.materialNames.contains("与父母或配偶父母的亲属关系证明"))
        #expect(!plan.materialNames.contains("合法稳定住所手续"))
        #expect(!plan.materialNames.contains("入伍时的注销户口证明"))
        #expect(plan.fields.contains { $0.label == "户主姓名" && $0.departments == ["police"] })
        #expect(!plan.fields.contains { $0.label == "立户详细地址" })
    }

    @Test func chongqingSettlementWithParentsNeedsKinshipProof() throws {
        let plan = try Domain.plan("chongqing", items: ["household"],
                                   answers: ["settlement": "parents", "household_mode": "new", "enlisted_elsewhere": "yes"])
        #expect(plan.materialNames.contains("与父母或配偶父母的亲属关系证明"))
        #expect(plan.materialNames.contains("入伍时的注销户口证明"))
        #expect(!plan.materialNames.contains("结婚证"))
        #expect(plan.fields.contains { $0.label == "立户详细地址" })
    }

    @Test func unansweredSettlementBlocksInsteadOfGuessing() throws {
        let plan = try Domain.plan("chongqing", items: ["household"], answers: ["household_mode": "join", "enlisted_elsewhere": "no"])
        #expect(!plan.isReady)
        #expect(plan.blocking.map(\.question) == ["settlement"])
        #expect(plan.blocking.first?.options.map(\.value) == ["own", "spouse", "parents"])
    }
}
