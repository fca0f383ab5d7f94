import KioskDomain
import Testing

/// Chongqing (seed 000, 渝退役军人局〔2023〕22号): expectations written from the seed text.
@Suite struct ChongqingProfileTests {
    let profile = Domain.profile("chongqing")

    @Test func documentAndScope() {
        #expect(profile.policy.number == "渝退役军人局〔2023〕22号")
        #expect(profile.policy.date == Domain.date("2023-08-30"))
        #expect(profile.categories.map(\.name) == ["自主就业退役士兵"])
        #expect(profile.overallLimit == TimeLimit(kind: .workingDays, days: 8,
            excludes: ["信息确认时间", "证照寄送时间", "一次性经济补助金到账时间", "医保关系转移办理时间"]))
    }

    @Test func nineItemsWithTheSeedsWordingDepartmentsAndLimits() {
        // 三、联办事项 (一)…(九), and the limits of 四（四）联办流程.
        let expected: [(String, String, String, TimeLimit.Kind, Int?)] = [
            ("report", "退役报到", "veterans", .instant, nil),
            ("reserve", "预备役登记", "military", .instant, nil),
            ("subsidy", "退役士兵自主就业一次性经济补助金给付", "veterans", .instant, nil),
            ("household", "退役士兵安置落户", "police", .workingDays, 1),
            ("idcard", "居民身份证补领/居民身份证换领", "police", .workingDays, 2),
            ("pension_register", "城乡居民基本养老保险参保登记/职工参保登记", "hrss", .workingDays, 1),
            ("pension_transfer", "军地养老保险关系转移接续申请", "hrss", .perDepartment, nil),
            ("medical_register", "城乡居民基本医疗保险参保登记/以个人身份参加城镇职工基本医疗保险参保登记", "medical", .workingDays, 1),
            ("medical_transfer", "基本医疗保险关系转移接续手续办理", "medical", .workingDays, 3),
        ]
        #expect(profile.items.count == 9)
        for (code, name, department, kind, days) in expected {
            let item = profile.item(code)
            #expect(item?.name == name, "\(code)")
            #expect(item?.department == department, "\(code)")
            #expect(item?.limit.kind == kind, "\(code)")
            #expect(item?.limit.days == days, "\(code)")
            #expect(item?.mandatory == false, "\(code)")
        }
        // 该事项无需本人申请: listed, never submitted.
        #expect(profile.items.filter(\.isDisplayOnly).map(\.code) == ["pension_transfer"])
        #expect(profile.item("idcard")?.limit.excludes == ["证件制发及送达时间"])
        #expect(profile.department("police")?.name == "落户地公安派出所")
    }

    @Test func idCardFeesFromTheGuide() throws {
        // 五、收费依据及标准: 有效期满换领每张20元；丢失补领、损失换领每张40元.
        let expired = try Domain.plan("chongqing", items: ["idcard"], answers: ["idcard_action": "expired"])
        #expect(expired.fees.map(\.yuan) == [20])
        let lost = try Domain.plan("chongqing", items: ["idcard"], answers: ["idcard_action": "lost"])
        #expect(lost.fees.map(\.yuan) == [40])
        #expect(lost.fields.contains { $0.label == "遗失地点" })
        #expect(!lost.materialNames.contains("原身份证正反面照片"))
        let damaged = try Domain.plan("chongqing", items: ["idcard"], answers: ["idcard_action": "damaged"])
        #expect(damaged.materialNames.contains("原身份证正反面照片"))
    }

    @Test func deliveryIsMailFirstTimeFreeOrPickup() {
        #expect(profile.delivery.map(\.label) == ["邮寄送达", "申请人自取"])
        #expect(profile.delivery.first?.note?.contains("限首次") == true)
    }
}
