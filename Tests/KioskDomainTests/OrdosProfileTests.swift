import KioskDomain
import Testing
import TestTraits

/// Ordos (seed 004, 鄂退役军人发〔2022〕25号): eight items, 预备役登记 done beforehand at the 旗区
/// 人武部, funds conditions, 27 working days, a consultation phone per 旗区.
@Suite(.computeBound) struct OrdosProfileTests {
    let profile = Domain.profile("ordos")

    @Test func eightItemsAndNoReserveItem() {
        #expect(profile.items.map(\.name) == [
            "退役士兵报到接收", "退役士兵自主就业一次性经济补助金的给付", "退伍入户—退伍军人恢复户口", "核发居民身份证",
            "灵活就业人员参保登记", "军地养老保险关系转移接续申请", "基本医疗保险关系转移接续", "基本医疗保险参保和变更登记",
        ])
        #expect(profile.item("reserve") == nil)
        // 四、2. 退役军人事务部门, 公安部门, 人力资源和社会保障部门, 医保部门.
        #expect(profile.items.map(\.department) == ["veterans", "veterans", "police", "police", "hrss", "hrss", "medical", "medical"])
        #expect(profile.department("hrss")?.name == "人力资源和社会保障部门")
        #expect(profile.items.allSatisfy { $0.limit.kind == .overall && !$0.mandatory })
        #expect(profile.categories.map(\.name) == ["自主就业退役士兵"])
        #expect(profile.overallLimit.days == 27)
        #expect(profile.policy.number == "鄂退役军人发〔2022〕25号")
        #expect(profile.policy.date == Domain.date("2022-12-28"))
        #expect(profile.item("idcard")?.note == "需本人到现场进行人脸和指纹录入")
        #expect(profile.items.allSatisfy { $0.channel == .offline })
    }

    @Test func windowsOpenInMarchAndSeptember() throws {
        // 三、办理机制: 每年3月、9月……设置军人退役“蒙速办·一次办”窗口.
        #expect(profile.serviceMonths == [3, 9])
        let march = try Domain.plan("ordos", items: ["report"], answers: ["reserve_registered": "yes"], on: "2026-03-02")
        #expect(march.warnings.isEmpty && march.isReady)
        let june = try Domain.plan("ordos", items: ["report"], answers: ["reserve_registered": "yes"], on: "2026-06-01")
        #expect(june.isReady)
        #expect(june.warnings.first?.contains("3月、9月") == true)
    }

    @Test func planTellsTheVeteranTheIDCardNeedsHimInPerson() throws {
        // 四、2. 核发居民身份证业务（需本人到现场进行人脸和指纹录入）.
        let plan = try Domain.plan("ordos", items: ["idcard"], answers: ["reserve_registered": "yes"])
        #expect(plan.chineseText().contains("需本人到现场进行人脸和指纹录入"))
    }

    @Test func categoryNoteGivesBothScopesTheSeedStates() throws {
        // 二、实施范围: 退役后落户在鄂尔多斯市行政区域范围内的自主就业退役士兵，在完成预备役登记后;
        // 附件2 一、服务对象: 鄂尔多斯市入伍的自主就业退役士兵 — the two differ; the veteran sees both.
        let note = try #require(profile.categories.first?.note)
        #expect(note.contains("退役后落户在鄂尔多斯市行政区域范围内"))
        #expect(note.contains("鄂尔多斯市入伍的自主就业退役士兵"))
        #expect(profile.catalogText().contains("鄂尔多斯市入伍的自主就业退役士兵"))
    }

    @Test func consultationPhonePerBanner() {
        let consultation = profile.phones.filter { $0.kind == "consultation" }
        #expect(consultation.count == 9)
        #expect(consultation.first { $0.label == "东胜区" }?.number == "0477—8575378")
        #expect(profile.phones.first { $0.kind == "supervision" }?.number == "0477—8581708")
    }

    @Test func reserveRegistrationIsABlockingPrerequisite() throws {
        let unanswered = try Domain.plan("ordos", items: ["report"])
        #expect(!unanswered.isReady)
        #expect(unanswered.blocking.map(\.question) == ["reserve_registered"])
        let notDone = try Domain.plan("ordos", items: ["report"], answers: ["reserve_registered": "no"])
        #expect(notDone.blocking.first?.kind == .prerequisiteNotMet)
        #expect(notDone.blocking.first?.message.contains("旗区人武部") == true)
        let done = try Domain.plan("ordos", items: ["report"], answers: ["reserve_registered": "yes"])
        #expect(done.isReady)
        #expect(done.materialNames.contains("预备役登记证明"))
    }

    @Test func fundsMustHaveArrivedForTheTransfers() throws {
        let base = ["reserve_registered": "yes"]
        let waiting = try Domain.plan("ordos", items: ["pension_transfer", "medical_transfer"],
                                      answers: base.merging(["pension_funds_arrived": "no", "medical_funds": "not_arrived"]) { a, _ in a })
        #expect(waiting.blocking.map(\.question) == ["pension_funds_arrived", "medical_funds"])
        #expect(waiting.blocking.allSatisfy { $0.kind == .prerequisiteNotMet })
        #expect(waiting.blocking.first?.items == ["pension_transfer"])
        let ready = try Domain.plan("ordos", items: ["pension_transfer", "medical_transfer"],
                                    answers: base.merging(["pension_funds_arrived": "yes", "medical_funds": "none"]) { a, _ in a })
        #expect(ready.isReady)
        #expect(ready.materialNames.contains("军人退役基本养老保险补助资金划转凭证"))
        // The funds question is not asked when the transfer is not chosen.
        #expect(try Domain.plan("ordos", items: ["report"], answers: base).isReady)
    }

    @Test func settlementByOwnResidenceOrByJoiningFamily() throws {
        let own = try Domain.plan("ordos", items: ["household"], answers: ["reserve_registered": "yes", "settlement": "own"])
        #expect(own.materialNames.contains("房屋所有权证明、网签合同等其他合法稳定住所证明"))
        #expect(!own.materialNames.contains("落户拟投靠人居民户口簿"))
        #expect(own.materialNames.contains("入伍前户口所在地公安派出所出具的户口注销证明"))
        let spouse = try Domain.plan("ordos", items: ["household"], answers: ["reserve_registered": "yes", "settlement": "spouse"])
        #expect(spouse.materialNames.contains("结婚证或亲属关系证明"))
        #expect(spouse.materialNames.contains("落户拟投靠人居民户口簿"))
    }
}
