import KioskTime
import CentralService
import Foundation
import KioskDomain
import Testing
import TestTraits

@Suite(.realTime) struct BackoffTests {
    let policy = BackoffPolicy(initial: 2, multiplier: 2, maximum: 60)

    @Test func delaysGrowExponentiallyWithinJitterBounds() {
        for failures in 1...10 {
            let base = min(60, 2 * pow(2, Double(failures - 1)))
            #expect(policy.delay(afterFailures: failures, retryAfter: nil, unit: 0) == base / 2)
            #expect(policy.delay(afterFailures: failures, retryAfter: nil, unit: 0.999_999) <= base)
            #expect(policy.delay(afterFailures: failures, retryAfter: nil, unit: 0.5) == base * 0.75)
        }
        #expect(policy.delay(afterFailures: 50, retryAfter: nil, unit: 1) == 60)
    }

    @Test func retryAfterIsAFloor() {
        #expect(policy.delay(afterFailures: 1, retryAfter: 30, unit: 0) == 30)
        #expect(policy.delay(afterFailures: 10, retryAfter: 5, unit: 0) == 30)
        // A server asking for longer than the cap is obeyed.
        #expect(policy.delay(afterFailures: 1, retryAfter: 120, unit: 0) == 120)
    }

    @Test func jitterSpreadsKiosksApart() {
        var random = SeededRandom(seed: 5)
        let delays = (0..<200).map { _ in policy.delay(afterFailures: 4, retryAfter: nil, unit: random.unit()) }
        #expect(Set(delays.map { Int($0 * 10) }).count > 20)
        #expect(delays.allSatisfy { (8...16).contains($0) })
    }
}
