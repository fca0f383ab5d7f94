import CentralService
@testable import CentralSim
import Foundation
import KioskDomain
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// Department progress on the simulated clock, department views, search, heartbeats.
@Suite(.realTime) struct ProgressTests {
    static let items: [CaseSubmission.Item] = [
        .init(code: "report", title: "退役军人报到", department: "区退役军人事务局", limitText: "即办"),
        .init(code: "reserve", title: "预备役登记", department: "区人武部", limitText: "即办"),
        .init(code: "household", title: "退役士兵落户", department: "区公安分局", limitText: "1个工作日"),
        .init(code: "medical_register", title: "医疗保险参保登记", department: "区医保局", limitText: "1个工作日"),
        .init(code: "medical_transfer", title: "医疗保险关系转移接续", department: "区医保局", limitText: "3个工作日"),
    ]

    static let regions = RegionDirectory(catalog: try! RegionCatalog.load(from: RepositoryPaths.assets))

    /// Chongqing's 串并联 order from its profile.
    static func prerequisites() -> [[Int]] {
        let codes = Set(items.map(\.code))
        return items.map { item in
            regions.prerequisites(of: item.code, region: "chongqing", among: codes)
                .compactMap { code in items.firstIndex { $0.code == code } }
        }
    }

    @Test func schedulesHonourDependencies() {
        let simulator = ProgressSimulator(speed: 1440, seed: 3, refusalRate: 0)
        for n in 0..<50 {
            let plans = simulator.plan(caseID: UUID(), items: Self.items, prerequisites: Self.prerequisites())
            for (index, plan) in plans.enumerated() {
                for dependency in Self.prerequisites()[index] {
                    #expect(plan.startsAfter >= plans[dependency].completesAfter, "case \(n) item \(index)")
                }
                #expect(plan.completesAfter > plan.startsAfter)
            }
            #expect(plans[4].dependsOn == ["medical_register"])
            #expect(plans[0].dependsOn.isEmpty)
        }
    }

    @Test func aRefusalCarriesReasonAndBasisAndStopsDependents() {
        let simulator = ProgressSimulator(speed: 1440, seed: 3, refusalRate: 1)
        let plans = simulator.plan(caseID: UUID(), items: Self.items, prerequisites: Self.prerequisites())
        #expect(plans.allSatisfy { $0.refusal != nil })
        #expect(plans[2].refusal?.reason.contains("退役军人报到") == true)
        let accepted = Date(timeIntervalSince1970: 0)
        let (state, _) = simulator.state(of: plans[0], acceptedAt: accepted, now: Date(timeIntervalSince1970: 86_400))
        #expect(state == .refused)
    }

    @Test func theSameSeedGivesTheSameSchedule() {
        let id = UUID()
        let a = ProgressSimulator(speed: 60, seed: 11, refusalRate: 0.2).plan(caseID: id, items: Self.items, prerequisites: Self.prerequisites())
        let b = ProgressSimulator(speed: 60, seed: 11, refusalRate: 0.2).plan(caseID: id, items: Self.items, prerequisites: Self.prerequisites())
        let c = ProgressSimulator(speed: 60, seed: 12, refusalRate: 0.2).plan(caseID: id, items: Self.items, prerequisites: Self.prerequisites())
        #expect(a == b)
        #expect(a != c)
    }

    @Test func itemsAdvanceOnTheSimulatedClock() async throws {
        // A simulated month per real second: everything finishes within moments.
        let sim = try await CentralSimHarness.start(refusalRate: 0, speed: 2_592_000)
        let filed = CaseFixtures.chongqing(index: 12)
        guard case let .accepted(receipt, _, _) = await sim.client.submit(filed) else {
            Issue.record("not accepted")
            await sim.stop()
            return
        }
        var progress = try await sim.client.progress(caseNumber: receipt.caseNumber)
        for _ in 0..<100 where !progress.items.allSatisfy({ $0.state == .completed }) {
            try await Task.sleep(for: .milliseconds(50))
            progress = try await sim.client.progress(caseNumber: receipt.caseNumber)
        }
        #expect(progress.items.allSatisfy { $0.state == .completed })
        let byCode = Dictionary(uniqueKeysWithValues: progress.items.map { ($0.code, $0) })
        #expect(byCode["household"]?.dependsOn == ["report"])
        #expect(byCode["pension_register"]?.dependsOn == ["household"])
        #expect(byCode["household"]!.updatedAt >= byCode["report"]!.updatedAt)
        await sim.stop()
    }

    @Test func refusedItemsSayWhyInChinese() async throws {
        let sim = try await CentralSimHarness.start(refusalRate: 1, speed: 2_592_000)
        guard case let .accepted(receipt, _, _) = await sim.client.submit(CaseFixtures.chongqing(index: 13)) else {
            Issue.record("not accepted")
            await sim.stop()
            return
        }
        try await Task.sleep(for: .milliseconds(500))
        let progress = try await sim.client.progress(caseNumber: receipt.caseNumber)
        #expect(progress.items.allSatisfy { $0.state == .refused })
        #expect(progress.items.allSatisfy { ($0.reason?.isEmpty == false) && ($0.basis?.isEmpty == false) })
        #expect(ItemState.refused.chinese == "不予受理")
        await sim.stop()
    }

    @Test func eachDepartmentSeesOnlyItsItemsAndFields() async throws {
        let sim = try await CentralSimHarness.start()
        let filed = CaseFixtures.chongqing(index: 14)
        guard case let .accepted(receipt, _, _) = await sim.client.submit(filed) else {
            Issue.record("not accepted")
            await sim.stop()
            return
        }
        func view(_ department: String) async throws -> DepartmentView {
            let client = sim.makeDepartmentClient(department)
            defer { Task { try? await client.shutdown() } }
            return try await client.departmentView(department: department, caseNumber: receipt.caseNumber)
        }
        let police = try await view("区公安分局")
        #expect(police.items.map(\.code) == ["household"])
        #expect(police.fields.map(\.code) == ["name"])
        let veterans = try await view("区退役军人事务局")
        #expect(Set(veterans.fields.map(\.code)) == ["name", "phone", "enlist_date"])
        let reserve = try await view("区人武部")
        #expect(reserve.fields.isEmpty)
        await #expect(throws: Problem.self) { try await view("区税务局") }
        await sim.stop()
    }

    @Test func anApplicantsCasesAreFoundByIDNumber() async throws {
        let sim = try await CentralSimHarness.start()
        // Fixtures 0, 3 and 6 share the first test ID number.
        for index in [0, 1, 3, 6] { _ = await sim.client.submit(CaseFixtures.chongqing(index: index)) }
        let found = try await sim.client.search(idNumber: CaseFixtures.testIDNumbers[0])
        #expect(found.cases.map(\.localReference) == [0, 3, 6].map { CaseFixtures.chongqing(index: $0).localReference })
        let none = try await sim.client.search(idNumber: "360426199101010071")
        #expect(none.cases.isEmpty)
        await sim.stop()
    }

    @Test func heartbeatsAreListedWithTheTerminals() async throws {
        let sim = try await CentralSimHarness.start()
        try await sim.client.heartbeat(Heartbeat(status: "ok", softwareVersion: "0.1", pendingCases: 3, oldestPendingSeconds: 42,
                                                 refusedCases: 0, devices: ["printer": "ok", "reader": "unknown"]))
        let list = try await sim.client.terminals()
        let me = list.terminals.first { $0.terminalId == CentralSimHarness.terminalID }
        #expect(me?.lastHeartbeat?.pendingCases == 3)
        #expect(me?.lastHeartbeat?.devices["reader"] == "unknown")
        #expect(me?.lastHeartbeatAt != nil)
        await sim.stop()
    }
}
