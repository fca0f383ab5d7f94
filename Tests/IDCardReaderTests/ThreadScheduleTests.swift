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

    @Test func theParserReadsSchedstatLinesAndRefusesAnythingElse() {
        #expect(ThreadSchedule.parse(Array("123 456 7\n".utf8)).map { [$0.running, $0.waiting] } == [123, 456])
        for bad in ["", "\n", "12", "12 x 3", "-1 2 3", "1.5 2 3", "18446744073709551616 1 1"] {
            #expect(ThreadSchedule.parse(Array(bad.utf8)) == nil, "\(bad)")
        }
        // Any bytes: no crash, and an answer only when the first two fields are numbers.
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "7"), UInt8.random(in: 0...255, using: &random)].randomElement(using: &random)!
            }
            if let parsed = ThreadSchedule.parse(bytes) {
                let fields = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
                #expect(UInt64(fields[0]) == parsed.running && UInt64(fields[1]) == parsed.waiting)
            }
        }
    }
}
