import KioskDomain
import Testing
import TestTraits

/// The plan copied into a `FiledCase`: same wording, departments and dates, and each field only
/// for the departments that asked for it.
@Suite(.computeBound) struct PlanSnapshotTests {
    @Test func filedPartsMatchThePlan() throws {
        let plan = try Domain.plan("sichuan", items: ["household", "medical_register"], answers: ["settlement": "own"], on: "2026-02-12")
        let items = plan.filedItems
        #expect(items.map(\.code) == ["household", "medical_register", "pension_transfer"])
        #expect(items.first?.department == "公安部门")
        // Sichuan: 7 working days from 2026-02-12 → 13, 14 (调休), 24, 25, 26, 27, 28 (调休).
        #expect(items.first?.dueDate == Domain.date("2026-02-28"))
        #expect(items.last?.displayOnly == true)
        let materials = plan.materialsToHandIn
        #expect(materials.first { $0.name == "房产证明" }?.forItems == ["户口登记（退役军人恢复户口）"])
        #expect(materials.first { $0.name == "居民身份证" }?.forItems == ["全部事项"])
        #expect(materials.first { $0.name == "居民身份证" }?.form == "复印件（核验原件后收取）")

        let values = plan.fieldValues(["health_status": "良好", "health": "良好", "householder_name": "王某", "card_bank": "不该出现"])
        #expect(values.first { $0.code == "health" }?.departments == ["退役军人事务部门", "医保部门"])
        #expect(values.first { $0.code == "householder_name" }?.personal == true)
        #expect(!values.contains { $0.code == "card_bank" })
        #expect(plan.overallLimitText == "7个工作日")
    }
}
