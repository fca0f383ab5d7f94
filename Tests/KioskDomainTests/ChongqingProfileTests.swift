import KioskDomain
import Testing
import TestTraits

/// Chongqing (seed 000, 渝退役军人局〔2023〕22号): expectations written from the seed text.
@Suite(.computeBound) struct ChongqingProfileTests {
    let profile = Domain.profile("chongqing")

    @Test func documentAndScope() {
        #expect(profile.policy.number == "渝退役军人局〔2023〕22号")
        #expect(profile.policy.date == Domain.date("2023-08-30"))
        #expect(profile.categories.map(\.name) == ["自主就业退役士兵"])
        // 五(六) 8个工作日内完成（不包含信息确认时间、证照寄送时间、一次性经济补助金到账时间、医保关系转移办理时间）;
        // 附件4 四、办结时限 8个工作日（不包括信息确认时间、寄送时间、补助金发放时间、证件制发时间）— the one
        // exclusion the guide adds is 证件制发时间.
        #expect(profile.overallLimit == TimeLimit(kind: .workingDays, days: 8,
            excludes: ["信息确认时间", "证照寄送时间", "一次性经济补助金到账时间", "医保关系转移办理时间", "证件制发时间"]))
    }

    @Test func overallDueSaysTheCardIsNotMadeWithinTheEightDays() throws {
        // A veteran reading 预计…办结 must not take it for the day the new card is in hand.
        let plan = try Domain.plan("chongqing", items: ["idcard"], answers: ["idcard_action": "lost"])
        #expect(plan.overallLimitText.contains("证件制发时间"))
    }

    @Test func oldCardPhotosOnlyForADamagedCard() throws {
        // 附件4 三、13．原身份证正反面照片（原身份证损坏换领时提供）; 四(四)5 网上联办…（仅支持丢失补领和损坏换领）
        // …联办“居民身份证换领”事项的需提供原身份证正反面图片 — 有效期满换领 is not asked for them.
        let expired = try Domain.plan("chongqing", items: ["idcard"], answers: ["idcard_action": "expired"])
        #expect(!expired.materialNames.contains("原身份证正反面照片"))
        let damaged = try Domain.plan("chongqing", items: ["idcard"], answers: ["idcard_action": "damaged"])
        #expect(damaged.material(named: "原身份证正反面照片")?.neededBy == ["idcard"])
    }

    @Test func spousesHouseholdRegisterIsCheckedByThePoliceNotHandedIn() throws {
        // 四(四)4(2) 随配偶户口所在地落户的，提供结婚证、户口簿（本市户口簿公安内部即可核验，无需申请人提供）;
        // the case settles in 重庆, so the spouse's 户口簿 is always a 本市户口簿.
        let plan = try Domain.plan("chongqing", items: ["household"],
                                   answers: ["settlement": "spouse", "household_mode": "join", "enlisted_elsewhere": "no"])
        let register = try #require(plan.material(named: "户口簿"))
        #expect(register.form == .verified)
        #expect(!register.form.isPaper)
        #expect(register.form.chinese.contains("无需提供"))
        #expect(plan.material(named: "结婚证")?.form == .original)
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
        // 五、收费依据及标准: 有效期满换领每张20元；丢失补领、损失换领每张40元. 联办 takes only 丢失补领
        // and 损坏换领 (四(四)5), so the 20元 is paid at the police counter, never in this bundle.
        let expired = try Domain.plan("chongqing", items: ["idcard"], answers: ["idcard_action": "expired"])
        #expect(expired.fees.isEmpty)
        let lost = try Domain.plan("chongqing", items: ["idcard"], answers: ["idcard_action": "lost"])
        #expect(lost.fees.map(\.yuan) == [40])
        #expect(lost.fields.contains { $0.label == "遗失地点" })
        #expect(!lost.materialNames.contains("原身份证正反面照片"))
        let damaged = try Domain.plan("chongqing", items: ["idcard"], answers: ["idcard_action": "damaged"])
        #expect(damaged.materialNames.contains("原身份证正反面照片"))
    }

    @Test func catalogAndPlanCarryTheSeedsRemarks() throws {
        // 四、办事服务: 档案审核通过后，退役军人可……申请联办; 四(五)1 出件邮寄…免费服务（限首次）.
        #expect(profile.catalogText().contains("档案审核通过后"))
        let plan = try Domain.plan("chongqing", items: ["report"])
        #expect(plan.chineseText().contains("限首次"))
        #expect(plan.chineseText().contains("携带退出现役证件和退出现役行政介绍信"))
    }

    @Test func theGuidesBasicMaterialsAreAskedForWhateverIsSelected() throws {
        // 四(三) 申请军人退役“一件事”联办服务，应当向受理窗口现场提交以下相关材料：1–7; 四(四)4 “除基本申请材料外”;
        // 附件4 三、1–7 carry no condition (8–13 do). 落户介绍信 (5) is issued by the department itself.
        let plan = try Domain.plan("chongqing", items: ["household"],
                                   answers: ["settlement": "own", "household_mode": "new", "enlisted_elsewhere": "no"])
        for name in ["军人退役“一件事”联办登记表", "重庆市退役士兵信息登记表", "退出现役证书", "士兵退出现役行政介绍信", "身份证",
                     "军人退役医疗保险个人账户转移凭证"] {
            #expect(plan.material(named: name)?.forEveryItem == true, "\(name)")
        }
        #expect(plan.material(named: "落户介绍信（退役军人事务部门出具）")?.form == .issued)
    }

    @Test func displayOnlyPensionTransferQuotesNoLimit() {
        // 四(四)7 该事项无需本人申请 — the seed gives it no time limit, so the catalog quotes none.
        let line = profile.catalogText().split(separator: "\n").drop { !$0.contains("军地养老保险关系转移接续申请") }.dropFirst().first
        #expect(line?.contains("仅展示") == true)
        #expect(line?.contains("时限") == false)
        // The seed's two sentences, word for word.
        #expect(profile.item("pension_transfer")?.note == "该事项无需本人申请，由转入地社保经办机构与军队经办机构通过国家人社部社会保险关系转移平台"
            + "协同办理退役军人养老保险关系转移接续。对部队委托退役军人本人携带纸质资料线下办理的，安置地（转入地）社保经办机构"
            + "可根据退役军人线下提供的纸质资料审核办理")
    }

    @Test func deliveryIsMailFirstTimeFreeOrPickup() {
        #expect(profile.delivery.map(\.label) == ["邮寄送达", "申请人自取"])
        #expect(profile.delivery.first?.note?.contains("限首次") == true)
    }
}
