import Foundation
import KioskDomain
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits
@testable import KioskStore

/// confirm → dueOutbox → markDelivered / markAttemptFailed / retry, as the drainer uses them.
@Suite(.computeBound) struct OutboxLifecycleTests {
    @Test func confirmedCasesAreDueOldestFirstAndDeliveredOnce() async throws {
        let rig = try StoreRig(label: "outbox")
        defer { rig.remove() }
        let store = try rig.open()
        let cases = (0..<5).map { CaseFixtures.chongqing(index: $0) }
        // Confirm in a scrambled order; the queue order is the order of confirmation.
        let order = [3, 0, 4, 1, 2]
        for index in order {
            try await store.confirm(cases[index])
            rig.clock.advance(seconds: 10)
        }
        let due = try await store.dueOutbox(now: rig.clock.wallTime, limit: 10)
        #expect(due.map(\.caseID) == order.map { cases[$0].id })
        #expect(due.allSatisfy { $0.state == .pending && $0.attempts == 0 && $0.lastError == nil })
        #expect(due.first?.localReference == cases[3].localReference)
        #expect(try await store.dueOutbox(now: rig.clock.wallTime, limit: 2).count == 2)
        // Nothing is due before it was enqueued.
        #expect(try await store.dueOutbox(now: Date(timeIntervalSince1970: 0), limit: 10).isEmpty)

        let target = cases[3].id
        try await store.markDelivered(caseID: target, centralCaseNumber: "CQ-2026-000001", acknowledgedAt: rig.clock.wallTime,
                                      response: Data("{}".utf8))
        // The same acknowledgement again (a replay after a crash) is a no-op.
        try await store.markDelivered(caseID: target, centralCaseNumber: "CQ-2026-000001", acknowledgedAt: rig.clock.wallTime,
                                      response: Data("{}".utf8))
        await #expect(throws: StoreError.conflictingAcknowledgement(id: target, existing: "CQ-2026-000001", new: "CQ-2026-000999")) {
            try await store.markDelivered(caseID: target, centralCaseNumber: "CQ-2026-000999", acknowledgedAt: rig.clock.wallTime,
                                          response: Data())
        }
        // A failure reported after delivery does not undo it.
        try await store.markAttemptFailed(caseID: target, error: "timeout", nextAttemptAt: rig.clock.wallTime, permanent: true)
        let remaining = try await store.dueOutbox(now: rig.clock.wallTime, limit: 10)
        #expect(remaining.map(\.caseID) == [0, 4, 1, 2].map { cases[$0].id })
        #expect(try await store.loadCase(id: target).centralCaseNumber == "CQ-2026-000001")
        let stats = try await store.outboxStats(now: rig.clock.wallTime)
        #expect(stats.pending == 4 && stats.delivered == 1 && stats.dead == 0 && stats.alerting == 0)
        #expect(stats.oldestPendingAge == 40)
        await #expect(throws: StoreError.alreadyDelivered(id: target)) { try await store.retry(caseID: target) }
    }

    @Test func aFailingCaseStepsAsideAlertsAtTheThresholdAndCanBeRetried() async throws {
        let rig = try StoreRig(label: "outbox-fail")
        defer { rig.remove() }
        let store = try rig.open(alertThreshold: 3)
        let stuck = CaseFixtures.chongqing(index: 0), next = CaseFixtures.chongqing(index: 1)
        try await store.confirm(stuck)
        rig.clock.advance(seconds: 1)
        try await store.confirm(next)
        for attempt in 1...3 {
            try await store.markAttemptFailed(caseID: stuck.id, error: "HTTP 503 Service Unavailable",
                                              nextAttemptAt: rig.clock.wallTime.addingTimeInterval(60), permanent: false)
            // The stuck case is not due until its next attempt; the next case is.
            #expect(try await store.dueOutbox(now: rig.clock.wallTime, limit: 10).map(\.caseID) == [next.id])
            let entry = try #require(try await store.outboxEntries(states: [.pending]).first { $0.caseID == stuck.id })
            #expect(entry.attempts == attempt)
            #expect(entry.lastError == "HTTP 503 Service Unavailable")
            #expect(entry.lastAttemptAt == rig.clock.wallTime)
        }
        var stats = try await store.outboxStats(now: rig.clock.wallTime)
        #expect(stats.alerting == 1 && stats.needsAttention)
        #expect(try await store.dueOutbox(now: rig.clock.wallTime.addingTimeInterval(60), limit: 10).map(\.caseID) == [stuck.id, next.id])

        // A permanent refusal: dead, never due, until an operator retries.
        try await store.markAttemptFailed(caseID: stuck.id, error: "422 证件号码校验失败", nextAttemptAt: rig.clock.wallTime, permanent: true)
        #expect(try await store.dueOutbox(now: rig.clock.wallTime.addingTimeInterval(86_400), limit: 10).map(\.caseID) == [next.id])
        stats = try await store.outboxStats(now: rig.clock.wallTime)
        #expect(stats.dead == 1 && stats.pending == 1 && stats.alerting == 0)
        rig.clock.advance(seconds: 5)
        try await store.retry(caseID: stuck.id)
        let due = try await store.dueOutbox(now: rig.clock.wallTime, limit: 10)
        #expect(due.map(\.caseID) == [stuck.id, next.id])
        #expect(due[0].nextAttemptAt == rig.clock.wallTime && due[0].attempts == 4)
        // A late success after all: delivered.
        try await store.markDelivered(caseID: stuck.id, centralCaseNumber: "CQ-1", acknowledgedAt: rig.clock.wallTime, response: Data())
        stats = try await store.outboxStats(now: rig.clock.wallTime)
        #expect(stats.delivered == 1 && stats.dead == 0 && stats.alerting == 0)

        let events = try await store.auditLog(limit: 20).map(\.event)
        for event in [AuditEvent.caseConfirmed, .deliveryFailed, .deliveryAlert, .deliveryDead, .retryRequested, .caseDelivered] {
            #expect(events.contains(event.rawValue), "missing audit event \(event.rawValue)")
        }
    }

    @Test func confirmingTheSameCaseTwiceIsANoOpButADifferentCaseIsRefused() async throws {
        let rig = try StoreRig(label: "outbox-dup")
        defer { rig.remove() }
        let store = try rig.open()
        let filed = CaseFixtures.chongqing(index: 0)
        try await store.confirm(filed)
        try await store.confirm(filed)
        #expect(try await store.caseCount() == 1)
        // Still the same case after it gained its central case number.
        try await store.markDelivered(caseID: filed.id, centralCaseNumber: "CQ-7", acknowledgedAt: rig.clock.wallTime, response: Data())
        try await store.confirm(filed)
        #expect(try await store.auditLog().map(\.event).filter { $0 == AuditEvent.storeCreated.rawValue }.count == 1)
        // A filing time with a fraction, as a real clock gives, is still the same case.
        var fractional = CaseFixtures.chongqing(index: 5)
        fractional.filedAt = Date(timeIntervalSinceReferenceDate: 817_092_800.123_456_789)
        try await store.confirm(fractional)
        try await store.confirm(fractional)
        #expect(abs(try await store.loadCase(id: fractional.id).filedAt.timeIntervalSince(fractional.filedAt)) < 0.000_001)
        var changed = filed
        changed.delivery = "自取"
        await #expect(throws: StoreError.duplicateCase(id: filed.id)) { try await store.confirm(changed) }
        var clash = CaseFixtures.chongqing(index: 1)
        clash.localReference = filed.localReference
        await #expect(throws: StoreError.duplicateLocalReference(filed.localReference)) { try await store.confirm(clash) }
        #expect(try await store.caseCount() == 2)
        #expect(try await store.outboxEntries().count == 2)
    }

    @Test func unknownCasesAreNamed() async throws {
        let rig = try StoreRig(label: "outbox-unknown")
        defer { rig.remove() }
        let store = try rig.open()
        let id = UUID()
        await #expect(throws: StoreError.caseNotFound(id.uuidString)) { try await store.loadCase(id: id) }
        await #expect(throws: StoreError.caseNotFound(id.uuidString)) { try await store.retry(caseID: id) }
        await #expect(throws: StoreError.caseNotFound(id.uuidString)) {
            try await store.markDelivered(caseID: id, centralCaseNumber: "X", acknowledgedAt: Date(), response: Data())
        }
        await #expect(throws: StoreError.caseNotFound(id.uuidString)) {
            try await store.markAttemptFailed(caseID: id, error: "x", nextAttemptAt: Date(), permanent: false)
        }
    }
}
