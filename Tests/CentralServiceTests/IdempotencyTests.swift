import CentralService
import Foundation
import KioskDomain
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// The Idempotency-Key contract: a replay returns the original answer, a changed body is a 409.
@Suite(.realTime) struct IdempotencyTests {
    @Test func aReplayReturnsTheOriginalAnswer() async throws {
        let sim = try await CentralSimHarness.start()
        let filed = CaseFixtures.chongqing(index: 3)
        let first = await sim.client.submit(filed)
        let again = await sim.client.submit(filed)
        guard case let .accepted(receipt, replayed, response) = first,
              case let .accepted(receipt2, replayed2, response2) = again else {
            Issue.record("expected two acceptances, got \(first) and \(again)")
            await sim.stop()
            return
        }
        #expect(!replayed)
        #expect(replayed2)
        #expect(receipt == receipt2)
        #expect(response == response2)
        #expect(receipt.caseId == filed.id)
        #expect(receipt.caseNumber.hasPrefix("YJS-500000-"))
        #expect(receipt.items.map(\.code) == filed.items.map(\.code))
        #expect(receipt.items.map(\.department) == filed.items.map(\.department))
        let list = try await sim.client.listCases(terminalID: CentralSimHarness.terminalID)
        #expect(list.cases.map(\.caseId) == [filed.id])
        await sim.stop()
    }

    @Test func theSameKeyWithADifferentBodyIsAConflict() async throws {
        let sim = try await CentralSimHarness.start()
        var filed = CaseFixtures.chongqing(index: 4)
        _ = await sim.client.submit(filed)
        filed.delivery = "自取"
        let outcome = await sim.client.submit(filed)
        guard case let .refused(status, problem) = outcome else {
            Issue.record("expected a 409, got \(outcome)")
            await sim.stop()
            return
        }
        #expect(status == 409)
        #expect(problem.error == "idempotency_conflict")
        await sim.stop()
    }

    /// Many copies of the same submission at once still make one case. (On a loaded machine a
    /// copy may time out; that is a retryable outcome, never a second case or a conflict.)
    @Test func concurrentReplaysCreateOneCase() async throws {
        let sim = try await CentralSimHarness.start()
        let filed = CaseFixtures.chongqing(index: 5)
        let outcomes = await withTaskGroup(of: SubmitOutcome.self) { group in
            for _ in 0..<12 { group.addTask { await sim.client.submit(filed) } }
            return await group.reduce(into: [SubmitOutcome]()) { $0.append($1) }
        }
        var numbers = Set<String>()
        for outcome in outcomes {
            switch outcome {
            case let .accepted(receipt, _, _): numbers.insert(receipt.caseNumber)
            case .retryable: break
            case .refused: Issue.record("a concurrent copy was refused: \(outcome)")
            }
        }
        if case let .accepted(receipt, replayed, _) = await sim.client.submit(filed) {
            numbers.insert(receipt.caseNumber)
            #expect(replayed)
        } else {
            Issue.record("the replay after the burst was not accepted")
        }
        #expect(numbers.count == 1)
        #expect(try await sim.client.listCases(terminalID: CentralSimHarness.terminalID).cases.count == 1)
        await sim.stop()
    }

    @Test func dueDatesFollowTheWorkingDayCalendar() async throws {
        let sim = try await CentralSimHarness.start()
        let filed = CaseFixtures.chongqing(index: 6)
        guard case let .accepted(receipt, _, _) = await sim.client.submit(filed) else {
            Issue.record("not accepted")
            await sim.stop()
            return
        }
        let calendar = try WorkingDayCalendar.load(from: RepositoryPaths.assets)
        let acceptedOn = CivilDate(dayNumber: Int((receipt.acceptedAt.timeIntervalSince1970 + 8 * 3600) / 86_400))
        for item in receipt.items {
            switch item.limitText {
            case "即办": #expect(item.dueDate == acceptedOn)
            case "1个工作日": #expect(item.dueDate == (try? calendar.adding(workingDays: 1, to: acceptedOn)))
            default: break
            }
        }
        await sim.stop()
    }
}
