import Glibc
@testable import IDCardSimulator
import Testing
import TestTraits

/// The simulator's lateness note rests on `/proc/thread-self/schedstat`: a thread that computes
/// sees its own running time grow by what it computed.
@Suite(.computeBound) struct ThreadScheduleTests {
    static func threadCPUTime() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    @Test func runningTimeGrowsByWhatTheThreadComputed() throws {
        let schedule = try #require(ThreadSchedule())
        let before = try #require(schedule.sample())
        let start = Self.threadCPUTime()
        var spin: UInt64 = 0
        while Self.threadCPUTime() - start < 30_000_000 { spin &+= 1 }
        let after = try #require(schedule.sample())
        #expect(spin > 0)
        #expect(after.running - before.running >= 25_000_000, "ran \(after.running - before.running) ns")
        #expect(after.waiting >= before.waiting)
        #expect((-20...19).contains(ThreadSchedule.nice))
    }
}
