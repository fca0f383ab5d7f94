import Foundation
import KioskTime
import Testing
import TestSupport
import TestTraits

@Suite(.realTime) struct ClockTests {
    @Test func manualClockMovesWallTimeAndDurationsTogether() async throws {
        let clock = ManualClock(start: ManualClock.defaultStart)
        let sleeper = Task(executorPreference: TestExecutors.realTime) { try await clock.sleep(for: .seconds(90)) }
        #expect(await clock.sleepers(atLeast: 1))
        clock.advance(by: .seconds(89))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .seconds(1))
        try await sleeper.value
        #expect(clock.wallTime == ManualClock.defaultStart.addingTimeInterval(90))
        #expect(clock.requestedSleeps == [.seconds(90)])
    }

    @Test func steppingClockExpiresTimeoutsAfterAFixedNumberOfPolls() async throws {
        let clock = ManualClock(stepping: true)
        let deadline = clock.deadline(after: .seconds(2))
        var polls = 0
        while !deadline.hasPassed {
            try await clock.sleep(for: .milliseconds(10))
            polls += 1
        }
        #expect(polls == 200)
        #expect(clock.sleepCount == 200)
    }

    @Test func cancellingASleeperResumesIt() async {
        let clock = ManualClock()
        let sleeper = Task(executorPreference: TestExecutors.realTime) { try await clock.sleep(for: .seconds(5)) }
        #expect(await clock.sleepers(atLeast: 1))
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func chinaTimeIsUTCPlusEight() {
        // 2026-01-04T16:30:00Z is already Monday 5 January in China.
        let instant = Date(timeIntervalSince1970: 1_767_544_200)
        let day = ChinaTime.calendar.dateComponents([.year, .month, .day, .hour], from: instant)
        #expect(day.year == 2026 && day.month == 1 && day.day == 5 && day.hour == 0)
        #expect(ChinaTime.iso(instant) == "2026-01-05T00:30:00+08:00")
    }

    @Test func scaledClockRunsFasterAndKeepsWallTimeConsistent() async throws {
        let start = Date(timeIntervalSince1970: 1_767_574_800)
        let clock = ScaledClock(factor: 3600, startingAt: start)
        try await clock.sleep(for: .seconds(3600)) // one simulated hour: about a real second
        let elapsed = clock.wallTime.timeIntervalSince(start)
        // A sleep lasts at least its simulated duration (how much longer depends on the machine).
        #expect(elapsed >= 3600)
    }

    /// A clock passed as `any KioskClock` still keeps deadlines (JobSubmitter, CardReader).
    @Test func deadlinesWorkThroughTheExistential() async throws {
        let manual = ManualClock()
        let clock: any KioskClock = manual
        let deadline = clock.deadline(after: .seconds(1))
        #expect(!deadline.hasPassed)
        manual.advance(by: .seconds(1))
        #expect(deadline.hasPassed)
    }
}
