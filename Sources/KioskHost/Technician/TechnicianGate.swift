import Foundation
import KioskStore
import KioskTime

/// The door to technician mode: checks a PIN against the configured hash, locks out after
/// repeated failures with a growing wait, and writes every attempt to the store's audit log
/// (accepted, refused with the count, or refused unchecked during a lockout) — the PIN itself
/// never.
///
/// Lockout: after `freeAttempts` wrong PINs in a row, no PIN is checked for `baseLockout`,
/// doubling with every further failure up to `maximumLockout`. A right PIN resets the count. The
/// wait is measured on the injected clock, so tests drive it without sleeping.
public actor TechnicianGate {
    public enum Verdict: Sendable, Equatable {
        case accepted
        /// Wrong; `remaining` more tries before a lockout (0: the lockout starts now).
        case refused(remaining: Int)
        /// Not checked: locked until then.
        case locked(until: Date)
    }

    public struct Policy: Sendable {
        public var freeAttempts = 3
        public var baseLockout: TimeInterval = 30
        public var maximumLockout: TimeInterval = 15 * 60
        public init() {}
    }

    private let pin: TechnicianPIN
    private let store: CaseStore
    private let clock: any KioskClock
    private let policy: Policy
    private var failures = 0
    private var lockedUntil: Date?

    public init(pin: TechnicianPIN, store: CaseStore, clock: any KioskClock, policy: Policy = Policy()) {
        self.pin = pin
        self.store = store
        self.clock = clock
        self.policy = policy
    }

    /// One attempt. Audited whatever the outcome; an audit the store cannot write refuses entry
    /// (a technician mode that leaves no trace must not open).
    public func attempt(_ candidate: String, technician: String = "") async -> Verdict {
        let now = clock.wallTime
        let who = technician.isEmpty ? "" : " technician=\(technician.prefix(32))"
        if let lockedUntil, now < lockedUntil {
            try? await store.recordAudit(.technicianPINLocked, detail: "remaining_seconds=\(Int(lockedUntil.timeIntervalSince(now).rounded(.up)))\(who)")
            return .locked(until: lockedUntil)
        }
        if pin.matches(candidate) {
            do {
                try await store.recordAudit(.technicianPINAccepted, detail: "after_failures=\(failures)\(who)")
            } catch {
                return .refused(remaining: max(0, policy.freeAttempts - failures))
            }
            failures = 0
            lockedUntil = nil
            return .accepted
        }
        failures += 1
        let over = failures - policy.freeAttempts
        var detail = "failures=\(failures)"
        if over >= 0 {
            let wait = min(policy.maximumLockout, policy.baseLockout * pow(2, Double(over)))
            lockedUntil = now.addingTimeInterval(wait)
            detail += " lockout_seconds=\(Int(wait))"
        }
        try? await store.recordAudit(.technicianPINRefused, detail: detail + who)
        return .refused(remaining: max(0, -over))
    }

    /// Technician mode ended (the technician left, or idleness returned home).
    public func left(technician: String = "", reason: String) async {
        try? await store.recordAudit(.technicianLeft, detail: "reason=\(reason.prefix(32))" + (technician.isEmpty ? "" : " technician=\(technician.prefix(32))"))
    }
}
