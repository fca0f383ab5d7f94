import KioskDomain
import Testing
import TestTraits

/// Sichuan (seed 001, 优化“退役军人服务一件事”联办工作实施方案): 13 items in three channels plus one
/// display-only, four categories with their own 办事指南, fields routed per department.
@Suite(.computeBound) struct SichuanProfileTests {
    let profile = Domain.profile("sichuan")

    @Test func thirteenItemsInTheSeedsChannels() {
        // 三、(一) 线上办理事项（4项）(二) 线上申请、线下办理事项（4项）(三) 线下办理事项（4项）; 养老 仅展示.
        let expected: [(String, String, ServiceItem.Channel, String)] = [
            ("report", "退役报到", .onlineApplyOfflineHandle, "veterans"),
            ("party_transfer", "党组织关系转接", .offline, "organisation"),
            ("league_transfer", "团组织关系转接", .offline, "league"),
            ("household", "户口登记（退役军人恢复户口）", .onlineApplyOfflineHandle, "police"),
            ("idcard", "居民身份证申领", .offline, "police"),
            ("reserve", "预备役登记", .offline, "military"),
            ("pension_register", "社会保险登记", .online, "hrss"),
            ("pension_transfer", "军地养老保险关系转接", .displayOnly, "hrss"),
            ("social_card", "社会保障卡（含电子社保卡）申领", .online, "hrss"),
            ("medical_register", "基本医疗保险参保和变更登记", .online, "medical"),
            ("medical_transfer", "军地医疗保险关系转接", .online, "medical"),
            ("subsidy", "自主就业一次性经济补助金的给付", .onlineApplyOfflineHandle, "veterans"),
            ("training", "自主就业职业技能培训和就业创业指导", .onlineApplyOfflineHandle, "veterans"),
        ]
        #expect(profile.items.count == 13)
        for (code, name, channel, department) in expected {
            #expect(profile.item(code)?.name == name, "\(code)")
            #expect(profile.item(code)?.channel == channel, "\(code)")
            #expect(profile.item(code)?.department == department, "\(code)")
            #expect(profile.item(code)?.mandatory == false, "\(code)")
        }
        #expect(profile.overallLimit.kind == .workingDays && profile.overallLimit.days == 7)
        #expect(profile.policy.basis == ["国办函〔2024〕53号"])
    }

    @Test func fourCategoriesWithTheirGuides() throws {
        #expect(profile.categories.map(\.name) == ["自主就业退役士兵", "安排工作退役士兵", "复员军官", "逐月领取退役金退役军人"])
        let assigned = try #require(profile.category(CategoryCode.assignedJobSoldier))
        #expect(Set(profile.items(for: assigned).map(\.name)) == ["退役报到", "户口登记（退役军人恢复户口）", "居民身份证申领", "预备役登记"])
        for code in [CategoryCode.demobilizedOfficer, CategoryCode.monthlyPensionVeteran] {
            let category = try #require(profile.category(code))
            let offered = Set(profile.items(for: category).map(\.code))
            // 9 guide entries (党（团）as one) = 10 items, plus the display-only pension transfer.
            #expect(offered.count == 11)
            #expect(!offered.contains("subsidy") && !offered.contains("training"))
        }
        let selfEmployed = try #require(profile.category(CategoryCode.selfEmployedSoldier))
        #expect(profile.items(for: selfEmployed).count == 13)
    }

    @Test func assignedJobSoldierIsOfferedOnlyItsFourItems() throws {
        #expect(throws: PlanError.itemNotOffered(item: "subsidy", itemName: "自主就业一次性经济补助金的给付",
                                                 category: "assigned_job_soldier", categoryName: "安排工作退役士兵")) {
            try Domain.plan("sichuan", CategoryCode.assignedJobSoldier, items: ["report", "subsidy"])
        }
        let plan = try Domain.plan("sichuan", CategoryCode.assignedJobSoldier, items: ["report", "household", "idcard", "reserve"],
                                   answers: ["settlement": "own"])
        #expect(plan.items.map(\.code).sorted() == ["household", "idcard", "report", "reserve"])
        #expect(plan.displayOnly.isEmpty)
        #expect(plan.materialNames.sorted() == ["“退役军人服务一件事”办理登记表", "居民身份证", "房产证明", "退出现役行政介绍信", "退出现役证书"].sorted())
    }

    @Test func assignedJobSoldierIsNotToldAboutSocialCardPostage() throws {
        // 安排工作退役士兵办事指南 结果获取方式: only the online progress query; 社会保障卡邮递送达后需由申请人
        // 支付邮寄费用 belongs to the guides that offer 社会保障卡（含电子社保卡）申领.
        let assigned = try #require(profile.category(CategoryCode.assignedJobSoldier))
        #expect(!profile.catalogText(category: assigned).contains("社会保障卡邮递"))
        #expect(!profile.restricted(to: assigned).delivery.contains { $0.label.contains("社会保障卡") })
        let plan = try Domain.plan("sichuan", CategoryCode.assignedJobSoldier, items: ["report"])
        #expect(!plan.delivery.contains { $0.label.contains("社会保障卡") })
        #expect(plan.delivery.contains { $0.label.contains("查询办理进度") })
        let withCard = try Domain.plan("sichuan", items: ["social_card"])
        #expect(withCard.delivery.first { $0.label.contains("社会保障卡") }?.note?.contains("申请人支付邮寄费用") == true)
        let selfEmployed = try #require(profile.category(CategoryCode.selfEmployedSoldier))
        #expect(profile.catalogText(category: selfEmployed).contains("社会保障卡邮递送达"))
    }

    @Test func displayOnlyPensionTransferIsListedNeverSubmitted() throws {
        let plan = try Domain.plan("sichuan", items: ["report", "pension_register"])
        #expect(plan.displayOnly.map(\.code) == ["pension_transfer"])
        #expect(plan.item("pension_transfer") == nil)
        #expect(throws: Never.self) { try Domain.plan("sichuan", items: ["pension_transfer", "report"]) }
        #expect(try Domain.plan("sichuan", items: ["pension_transfer", "report"]).item("pension_transfer") == nil)
    }

    @Test func socialCardNeedsTheCardPhotoWithItsRules() throws {
        let plan = try Domain.plan("sichuan", items: ["social_card"])
        let photo = try #require(plan.material(named: "制卡相片"))
        #expect(photo.form == .electronic)
        #expect(photo.photo?.format == "JPG" && photo.photo?.minKB == 14 && photo.photo?.maxKB == 60)
        #expect(photo.photo?.background == "white")
        #expect(plan.material(named: "居民身份证")?.onlineForm == .scan)
        #expect(plan.material(named: "居民身份证")?.form == .copy)
    }

    @Test func eachDepartmentReceivesOnlyItsOwnFields() throws {
        // 操作指南 三(三)–(五): 公安 gets 婚姻状况, 医保 gets 健康状况, 人社 gets neither.
        let plan = try Domain.plan("sichuan", items: ["household", "pension_register", "medical_register"],
                                   answers: ["settlement": "spouse"])
        func receivers(_ label: String) -> [String]? { plan.fields.first { $0.label == label }?.departments }
        #expect(receivers("婚姻状况") == ["veterans", "police"])
        #expect(receivers("健康状况") == ["veterans", "medical"])
        #expect(receivers("参加工作日期") == ["hrss", "medical"])
        #expect(receivers("户主公民身份号码") == ["police"])
        #expect(receivers("发卡银行") == nil) // social_card not selected
        // The voucher is one line for both medical items only when both are chosen.
        #expect(plan.material(named: "军人退役医疗保险个人账户转移凭证")?.neededBy == ["medical_register"])
        #expect(plan.materialNames.contains("户口簿") && plan.materialNames.contains("亲属关系证明"))
    }
}
