import KioskDomain
import Testing
import TestTraits

/// The seeds that print their materials as a table (name, 原件/复印件/电子版, count) checked line by
/// line against a plan with every item: the expectations are the seed's rows, typed here.
@Suite(.computeBound) struct SeedMaterialTablesTests {
    typealias Row = (name: String, form: Material.Form, online: Material.Form?, count: Int)

    func expectRows(_ plan: Plan, _ rows: [Row], sourceLocation: SourceLocation = #_sourceLocation) {
        for row in rows {
            let line = plan.material(named: row.name)
            #expect(line != nil, "missing \(row.name)", sourceLocation: sourceLocation)
            #expect(line?.form == row.form, "\(row.name)", sourceLocation: sourceLocation)
            #expect(line?.onlineForm == row.online, "\(row.name)", sourceLocation: sourceLocation)
            #expect(line?.count == row.count, "\(row.name)", sourceLocation: sourceLocation)
        }
    }

    @Test func hebeiAttachment1() throws {
        // 附件1 军人退役一套申报材料: 材料名称 材料形式 材料数量 备注.
        let plan = try Domain.plan("hebei", items: ["report", "household", "idcard", "reserve", "pension_register",
                                                    "pension_transfer", "medical_register", "medical_transfer", "subsidy"],
                                   answers: ["household_cancelled": "yes"])
        expectRows(plan, [
            ("退出现役证书", .original, nil, 1),
            ("退出现役行政介绍信", .original, nil, 1),
            ("居民身份证", .original, nil, 1),
            ("居民户口簿", .original, nil, 1),
            ("户口注销证明", .original, nil, 1),
            ("二代证照片", .electronic, nil, 1),
            ("军人退役基本养老保险参保缴费凭证", .original, nil, 1),
            ("军人退役基本养老保险关系转移接续信息表", .original, nil, 1),
            ("银行养老保险受理回执", .copy, nil, 1),
            ("军人退役医疗保险个人账户转移凭证", .original, nil, 1),
            ("两寸证件照片", .original, nil, 1),
            ("银行卡", .copy, nil, 1),
        ])
        // The form (附件2) is filled at the kiosk; nothing else is asked for.
        #expect(plan.materials.count == 13)
    }

    @Test func sichuanAttachment2AndTheGuides() throws {
        // 附件2: 线上 扫描件 / 线下 复印件或原件, 一式一份; 制卡相片 近期1寸白底彩色免冠电子照片;
        // 办事指南: 5.军人退役医疗保险个人账户转移凭证，原件 (附件2 says 复印件 — the guide is followed).
        let all = ["report", "party_transfer", "league_transfer", "household", "idcard", "reserve", "pension_register",
                   "social_card", "medical_register", "medical_transfer", "subsidy", "training"]
        let plan = try Domain.plan("sichuan", items: all, answers: ["settlement": "own"])
        expectRows(plan, [
            ("“退役军人服务一件事”办理登记表", .generated, nil, 1),
            ("居民身份证", .copy, .scan, 1),
            ("退出现役证书", .copy, .scan, 1),
            ("退出现役行政介绍信", .original, .scan, 1),
            ("制卡相片", .electronic, nil, 1),
            ("军人退役医疗保险个人账户转移凭证", .original, .scan, 1),
            ("党（团)组织关系介绍信", .original, .scan, 1),
        ])
        #expect(plan.material(named: "党（团)组织关系介绍信")?.neededBy == ["party_transfer", "league_transfer"])
    }

    @Test func chongqingGuideMaterialNames() throws {
        // 附件4 三、申请材料 1–13 (no forms given): every name is the guide's, across the three 落户类型.
        let all = ["report", "reserve", "subsidy", "household", "idcard", "pension_register", "medical_register", "medical_transfer"]
        var names: Set<String> = []
        for settlement in ["own", "spouse", "parents"] {
            let plan = try Domain.plan("chongqing", items: all, answers: [
                "settlement": settlement, "household_mode": "join", "enlisted_elsewhere": "yes", "idcard_action": "damaged"])
            names.formUnion(plan.materialNames)
        }
        #expect(names == [
            "军人退役“一件事”联办登记表", "重庆市退役士兵信息登记表", "退出现役证书", "士兵退出现役行政介绍信",
            "落户介绍信（退役军人事务部门出具）", "身份证", "军人退役医疗保险个人账户转移凭证", "合法稳定住所手续",
            "结婚证", "户口簿", "与父母或配偶父母的亲属关系证明", "入伍时的注销户口证明", "原身份证正反面照片",
        ])
    }

    @Test func ordosGuideMaterials() throws {
        // 附件2 二、申请材料 1–12, every one marked （原件） except 1. 预备役登记证明.
        let items = ["report", "subsidy", "household", "idcard", "pension_register", "pension_transfer",
                     "medical_transfer", "medical_register"]
        let answers = ["reserve_registered": "yes", "pension_funds_arrived": "yes", "medical_funds": "arrived"]
        var joining = answers
        joining["settlement"] = "spouse"
        let plan = try Domain.plan("ordos", items: items, answers: joining)
        expectRows(plan, [
            ("预备役登记证明", .original, nil, 1),
            ("退伍证", .original, nil, 1),
            ("居民身份证或军人身份证号码登记表", .original, nil, 1),
            ("部队行政介绍信", .original, nil, 1),
            ("落户拟投靠人居民户口簿", .original, nil, 1),
            ("结婚证或亲属关系证明", .original, nil, 1),
            ("入伍前户口所在地公安派出所出具的户口注销证明", .original, nil, 1),
            ("军人退役医疗保险转移凭证", .original, nil, 1),
            ("军人退役养老保险转移凭证", .original, nil, 1),
            ("军人退役基本养老保险关系转移接续信息表", .original, nil, 1),
            ("军人退役基本养老保险补助资金划转凭证", .original, nil, 1),
        ])
        var own = answers
        own["settlement"] = "own"
        let byResidence = try Domain.plan("ordos", items: items, answers: own)
        expectRows(byResidence, [("房屋所有权证明、网签合同等其他合法稳定住所证明", .original, nil, 1)])
        #expect(!byResidence.materialNames.contains("结婚证或亲属关系证明"))
    }
}
