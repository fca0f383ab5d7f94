import Foundation
import KioskDomain
import Testing
import TestTraits

/// The planner points of the held-out audit (issue 12, point 14), each against its seed.
@Suite(.computeBound) struct PlanAuditTests {
    let chongqingAnswers = ["settlement": "own", "household_mode": "new", "enlisted_elsewhere": "no"]

    @Test func chongqingsJointCardItemTakesOnlyLostAndDamaged() throws {
        // seed 000 四(四)5: 可在网上联办“居民身份证补领/居民身份证换领”（仅支持丢失补领和损坏换领）.
        let expired = try Domain.plan("chongqing", items: ["report", "idcard"], answers: ["idcard_action": "expired"])
        #expect(expired.isReady)
        #expect(expired.item("idcard") == nil)
        let skipped = try #require(expired.skipped.first { $0.code == "idcard" })
        #expect(skipped.reason.contains("仅支持丢失补领和损坏换领"))
        #expect(expired.chineseText().contains("不需办理（网上联办仅支持丢失补领和损坏换领"))
        #expect(!expired.fields.contains { $0.code == "mail_address" && $0.items == ["idcard"] })
        for action in ["lost", "damaged"] {
            let plan = try Domain.plan("chongqing", items: ["report", "idcard"], answers: ["idcard_action": action])
            #expect(plan.item("idcard") != nil, "\(action)")
        }
        // Without the answer the item asks first instead of guessing.
        let open = try Domain.plan("chongqing", items: ["report", "idcard"])
        #expect(open.blocking.contains { $0.question == "idcard_action" })
    }

    @Test func aBlockedPlanPrintsNoDueDate() throws {
        // Ordos: 申请人在旗区人武部完成预备役登记后 … 发起联办申请 — without it nothing can be filed yet.
        let blocked = try Domain.plan("ordos", items: ["report"], answers: ["reserve_registered": "no"])
        #expect(!blocked.isReady)
        let text = blocked.chineseText()
        #expect(text.contains("尚不能提交"))
        #expect(text.contains("办结：处理完上述问题后确定"))
        #expect(!text.contains("预计 20"))
        #expect(!text.contains("办结：20"))
        let ready = try Domain.plan("ordos", items: ["report"], answers: ["reserve_registered": "yes"])
        #expect(ready.chineseText().contains("办结：2026年"))
    }

    @Test func aMissingCalendarYearIsWordedAsWhatTheKioskKnows() throws {
        // Filed 2024-12-30 (before the loaded 2025–2026): the 2024 schedule exists, the kiosk lacks it.
        let past = try Domain.plan("chongqing", items: ["report"], on: "2024-12-30")
        #expect(past.item("report")?.due == .calendarNotLoaded(year: 2024))
        #expect(past.chineseText().contains("本机未载入2024年节假日安排"))
        #expect(!past.chineseText().contains("尚未公布"))
        // A year after the filing year may or may not be published: the kiosk says only that it lacks it.
        let future = try Domain.plan("chongqing", items: ["report", "household"], answers: chongqingAnswers, on: "2026-12-31")
        #expect(future.item("household")?.due == .calendarUnknown(year: 2027))
        #expect(future.chineseText().contains("本机未载入2027年节假日安排"))
        #expect(!future.chineseText().contains("尚未公布"))
        // The calendar's own message for a year before the loaded ones.
        #expect(WorkingDayCalendar.CalendarError.unknownYear(2024, covered: 2025...2026).chineseMessage.hasPrefix("本机未载入2024年"))
        #expect(WorkingDayCalendar.CalendarError.unknownYear(2027, covered: 2025...2026).chineseMessage.hasPrefix("本机未载入2027年"))
        // The new state survives the case's JSON.
        let data = try JSONEncoder().encode(DueDate.calendarNotLoaded(year: 2024))
        #expect(try JSONDecoder().decode(DueDate.self, from: data) == .calendarNotLoaded(year: 2024))
    }

    @Test func answersThatDoNotApplyAreNotKept() throws {
        // 投靠还是新立户 concerns only 户口登记 (附件1 落户信息); with only 退役报到 chosen it is no 情形.
        let plan = try Domain.plan("chongqing", items: ["report"], answers: ["household_mode": "join", "idcard_action": "lost"])
        #expect(plan.answers.isEmpty)
        #expect(!plan.chineseText().contains("情形"))
        let household = try Domain.plan("chongqing", items: ["report", "household"], answers: chongqingAnswers.merging(["idcard_action": "lost"]) { a, _ in a })
        #expect(Set(household.answers.map(\.question)) == ["settlement", "household_mode", "enlisted_elsewhere"])
        #expect(!household.chineseText().contains("居民身份证办理情形"))
    }

    @Test func aDuplicatedItemIsRefusedByName() throws {
        let request = PlanRequest(region: "chongqing", category: "self_employed_soldier", items: ["report", "household", "report"],
                                  answers: chongqingAnswers, filingDate: Domain.date("2026-03-02"))
        let result = Result { () throws(PlanError) -> Plan in try Domain.planner.plan(request) }
        #expect(result == .failure(.duplicateItem("report")))
        #expect(PlanError.duplicateItem("report").chineseMessage == "事项重复选择：report")
        #expect(PlanError.duplicateItem("report").description.contains("more than once"))
    }
}
