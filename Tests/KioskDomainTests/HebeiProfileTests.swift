import KioskDomain
import Testing
import TestTraits

/// Hebei district guide (seed 003, under 冀政务办〔2022〕70号): nine items, 15 working days,
/// 落户 only when the household was cancelled.
@Suite(.computeBound) struct HebeiProfileTests {
    let profile = Domain.profile("hebei")

    @Test func nineItemsWithTheGuidesWording() {
        #expect(profile.items.map(\.name) == [
            "退役报到", "户口登记（退役军人恢复户口）", "核发身份证", "预备役登记", "社会保险登记", "军地养老保险关系转移接续",
            "基本医疗保险参保和变更登记", "基本医疗保险转移接续", "退役士兵自主就业一次性经济补助的给付",
        ])
        #expect(profile.overallLimit == TimeLimit(kind: .workingDays, days: 15, excludes: ["自主就业一次性经济补助发放"]))
        #expect(profile.items.allSatisfy { $0.limit.kind == .overall && !$0.mandatory && !$0.isDisplayOnly })
        // 四、线下线上办理流程: 退役军人事务部门, 公安派出所, 人社部门, 医保部门; 预备役登记表 goes to the 人武部门.
        #expect(profile.items.map(\.department) == ["veterans", "police", "police", "military", "hrss", "hrss", "medical", "medical", "veterans"])
        #expect(profile.department("police")?.name == "公安派出所")
        #expect(profile.categories.map(\.name) == ["自主就业退役士兵"])
    }

    @Test func householdNotCancelledMeansNoSettlementItemAndNoCancellationProof() throws {
        let plan = try Domain.plan("hebei", items: ["report", "household", "idcard"], answers: ["household_cancelled": "no"])
        #expect(plan.isReady)
        #expect(plan.item("household") == nil)
        #expect(plan.skipped.map(\.code) == ["household"])
        #expect(plan.skipped.first?.reason == "户口未注销的退役士兵不需要重新办理落户")
        #expect(!plan.materialNames.contains("户口注销证明"))
        #expect(!plan.materialNames.contains("居民户口簿"))
        #expect(!plan.fields.contains { $0.label == "落户方姓名" })

        let cancelled = try Domain.plan("hebei", items: ["report", "household", "idcard"], answers: ["household_cancelled": "yes"])
        #expect(cancelled.item("household") != nil)
        #expect(cancelled.materialNames.contains("户口注销证明"))
        #expect(cancelled.material(named: "居民户口簿")?.notes.contains("落户方户口簿") == true)
    }

    @Test func mailOrPickupIsForTheNewHouseholdPageAndIDCard() throws {
        // 四、2. 新办理的户口页、身份证根据申请人选择的送达方式，邮寄或通知申请人自取.
        let withCard = try Domain.plan("hebei", items: ["report", "idcard"], answers: ["household_cancelled": "no"])
        #expect(withCard.delivery.map(\.label) == ["邮寄", "通知申请人自取"])
        let reportOnly = try Domain.plan("hebei", items: ["report", "subsidy"])
        #expect(reportOnly.delivery.isEmpty)
    }

    @Test func unansweredHouseholdQuestionBlocks() throws {
        let plan = try Domain.plan("hebei", items: ["household"])
        #expect(!plan.isReady)
        #expect(plan.blocking.map(\.question) == ["household_cancelled"])
        #expect(plan.blocking.first?.items == ["household"])
    }

    @Test func photosAreElectronicIDPhotoAndARedTwoInchPrint() throws {
        let plan = try Domain.plan("hebei", items: ["idcard"])
        #expect(plan.material(named: "二代证照片")?.form == .electronic)
        #expect(plan.material(named: "两寸证件照片")?.photo?.background == "red")
        #expect(plan.material(named: "两寸证件照片")?.forEveryItem == true)
        #expect(try Domain.plan("hebei", items: ["subsidy"]).material(named: "银行卡")?.notes == ["卡号清晰"])
    }

    @Test func itemsShareTheOverallDueDate() throws {
        // 15 working days from Thursday 2026-02-12 cross the Spring Festival and both make-up Saturdays.
        let plan = try Domain.plan("hebei", items: ["report", "subsidy"], on: "2026-02-12")
        // 13, 14 (Sat), 24, 25, 26, 27, 28 (Sat), Mar 2, 3, 4, 5, 6, 9, 10, 11.
        #expect(plan.overallDue == .on(Domain.date("2026-03-11")))
        #expect(plan.items.allSatisfy { $0.due == .on(Domain.date("2026-03-11")) })
    }
}
