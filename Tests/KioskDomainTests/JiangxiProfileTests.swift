import KioskDomain
import Testing
import TestTraits

/// Jiangxi (seed 002, 赣退役军人字〔2023〕2号): nine items, two mandatory, per-item limits,
/// the bundle limit "按照各部门明确的时限办理".
@Suite(.computeBound) struct JiangxiProfileTests {
    let profile = Domain.profile("jiangxi")

    @Test func nineItemsTwoMandatoryWithTheSeedsLimits() {
        let expected: [(String, String, String, TimeLimit.Kind, Int?, Bool)] = [
            ("report", "退役报到", "veterans", .perDepartment, nil, true),
            ("household", "户口登记(退役军人恢复户口)", "police", .workingDays, 3, false),
            ("idcard", "核发居民身份证", "police", .workingDays, 15, false),
            ("reserve", "预备役登记", "military", .instant, nil, true),
            ("pension_register", "社会保险登记", "hrss", .workingDays, 1, false),
            ("pension_transfer", "军地养老保险关系转移接续", "hrss", .workingDays, 3, false),
            ("medical_register", "基本医疗保险参保和变更登记", "medical", .workingDays, 1, false),
            ("medical_transfer", "基本医疗保险关系转移接续", "medical", .workingDays, 5, false),
            ("subsidy", "退役士兵自主就业一次性经济补助金的给付", "veterans", .perDepartment, nil, false),
        ]
        #expect(profile.items.count == 9)
        for (code, name, department, kind, days, mandatory) in expected {
            let item = profile.item(code)
            #expect(item?.name == name, "\(code)")
            #expect(item?.department == department, "\(code)")
            #expect(item?.limit.kind == kind, "\(code)")
            #expect(item?.limit.days == days, "\(code)")
            #expect(item?.mandatory == mandatory, "\(code)")
        }
        #expect(profile.items.allSatisfy { !$0.isDisplayOnly })
        #expect(profile.overallLimit.kind == .perDepartment)
        #expect(profile.categories.map(\.name) == ["自主就业退役军人"])
        #expect(profile.item("pension_transfer")?.limit.startsWhen == "转移基金匹配到账后")
    }

    @Test func planTellsTheVeteranTheIDCardIsTakenAtThePoliceStation() throws {
        // 四(二)3. 可在落户后向户口所在地派出所(办证中心)申领,现场采集本人相片、指纹等信息.
        let plan = try Domain.plan("jiangxi", items: ["household", "idcard"], answers: ["settlement": "parents", "enlisted_elsewhere": "no"])
        #expect(plan.chineseText().contains("现场采集本人相片、指纹"))
    }

    @Test func everyDepartmentReceivesWhomTheApplicationConcerns() throws {
        // 四(二)1. 由综合窗口将相关材料和落户介绍信分别推送给其他联办部门; 2. 拟落户地公安部门收到综合窗口推送的
        // 办事申请及相关材料后… — each department gets the applicant's 姓名 and 身份证件号 with its part.
        let plan = try Domain.plan("jiangxi", items: ["household", "pension_register", "medical_transfer", "subsidy"],
                                   answers: ["settlement": "parents", "enlisted_elsewhere": "no"])
        for label in ["姓名", "身份证件号"] {
            #expect(plan.fields.first { $0.label == label }?.departments == ["window", "veterans", "police", "hrss", "medical", "military"],
                    "\(label)")
        }
        // …and nothing more than its part: 预备役 fields stay with 人武部门.
        #expect(plan.fields.first { $0.label == "退役时军衔" }?.departments == ["military"])
    }

    @Test func mandatoryItemsAreAlwaysIn() throws {
        let plan = try Domain.plan("jiangxi", items: ["medical_register"], answers: [:])
        #expect(plan.items.map(\.code) == ["report", "reserve", "medical_register"])
        #expect(plan.item("report")?.addedAsMandatory == true)
        #expect(plan.item("medical_register")?.addedAsMandatory == false)
    }

    @Test func oneHouseholdRegisterLineForEveryItemThatNeedsIt() throws {
        let plan = try Domain.plan("jiangxi", items: ["household", "idcard", "pension_register", "medical_register"],
                                   answers: ["settlement": "spouse", "enlisted_elsewhere": "yes"])
        let register = plan.materials.filter { $0.name == "居民户口簿" }
        #expect(register.count == 1)
        #expect(register.first?.neededBy == ["household", "idcard", "pension_register", "medical_register"])
        #expect(register.first?.notes == ["拟投靠人居民户口簿"])
        #expect(plan.materialNames.contains("结婚证"))
        #expect(plan.materialNames.contains("入伍前公安机关户口注销证明"))
        // 居民身份证 for 预备役登记, 社会保险登记 and 医保 — one line.
        #expect(plan.material(named: "居民身份证")?.neededBy == ["reserve", "pension_register", "medical_register"])
        let parents = try Domain.plan("jiangxi", items: ["household"], answers: ["settlement": "parents", "enlisted_elsewhere": "no"])
        #expect(!parents.materialNames.contains("结婚证"))
        #expect(!parents.materialNames.contains("入伍前公安机关户口注销证明"))
    }

    @Test func limitWithoutANumberTravelsDownTheChain() throws {
        let plan = try Domain.plan("jiangxi", items: ["household", "idcard", "pension_transfer"],
                                   answers: ["settlement": "parents", "enlisted_elsewhere": "no"], on: "2026-02-12")
        #expect(plan.item("report")?.due == .perDepartment)
        #expect(plan.item("reserve")?.due == .on(Domain.date("2026-02-12")))
        #expect(plan.item("household")?.due == .waiting(days: 3, after: ["report"]))
        #expect(plan.item("idcard")?.due == .waiting(days: 15, after: ["household"]))
        #expect(plan.item("pension_transfer")?.due == .afterEvent(days: 3, event: "转移基金匹配到账后"))
        #expect(plan.overallDue == .perDepartment)
        #expect(plan.item("idcard")?.due.chinese(names: ["household": "户口登记"]) == "户口登记办结后15个工作日内")
    }
}
