import Foundation

/// Technician mode (维护模式) as one value beside the veteran's session, never inside it: it is
/// entered only from home with no session, and leaving it is one assignment of nil, so nothing
/// of it stays on screen and no veteran data can be on screen while it is open.
public struct TechnicianState: Sendable, Equatable {
    /// The pages of the mode; `pin` until the gate accepted the PIN.
    public enum Page: String, Sendable, Equatable, CaseIterable {
        case pin, menu, diagnostics, touchTest, reader, printer, outbox, preflight, report
    }

    public var page: Page = .pin
    /// The digits typed so far; drawn as dots only, and dropped when they go to the gate.
    public var pin = ""
    /// The gate is checking a PIN (the slow hash takes a moment).
    public var checking = false
    /// The gate's answer to show on the PIN page (wrong, locked with the time left).
    public var message: String?
    /// A run (diagnostics, reader test, test page, readiness report) is under way.
    public var running = false
    /// The checks of the current run, in the order they completed.
    public var checks: [TechnicianCheck] = []
    public var touch = TouchTest()
    public var outbox: TechnicianOutbox?
    /// Pre-flight's failures (empty: the terminal may serve); nil until loaded.
    public var preflight: [TechnicianCheck]?
    /// Each touch starts a new generation; an idle timer of an older one is ignored.
    public var generation = 0

    public init() {}
}

/// One diagnostics finding as the technician screens show it (KioskApp imports no operations
/// module: the host converts its checks into these). Carries no personal value: the host's
/// engine scrubs every text and masks the card number.
public struct TechnicianCheck: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable { case pass, warn, fail }
    public var code: String
    public var title: String
    public var status: Status
    public var measured: String
    public var expected: String
    public var remedy: String?

    public init(code: String, title: String, status: Status, measured: String, expected: String, remedy: String? = nil) {
        self.code = code
        self.title = title
        self.status = status
        self.measured = measured
        self.expected = expected
        self.remedy = remedy
    }
}

/// The touch test: five targets (four corners and the centre) to tap in any order; taps that hit
/// none are misses. The host times it on the kiosk's clock (start to the fifth hit).
public struct TouchTest: Sendable, Equatable {
    public enum Target: Int, Sendable, Equatable, CaseIterable {
        case topLeft, topRight, centre, bottomLeft, bottomRight
    }
    public var hits: Set<Int> = []
    public var misses = 0
    /// Start to the last hit, in milliseconds, once the host measured it.
    public var elapsedMilliseconds: Int?
    public var isComplete: Bool { hits.count == Target.allCases.count }
    public init() {}
}

/// The outbox as the technician sees it: counts and ages, and refused cases grouped by the
/// central service's problem code (never a case's content).
public struct TechnicianOutbox: Sendable, Equatable {
    public struct Refused: Sendable, Equatable {
        /// `wrong_terminal`, `validation_failed`, or an HTTP status such as `403`.
        public var kind: String
        public var count: Int
        public init(kind: String, count: Int) { self.kind = kind; self.count = count }
    }
    public var pending: Int
    /// Minutes since the oldest pending case was queued; nil with none pending.
    public var oldestMinutes: Int?
    public var refused: [Refused]
    /// What the last retry did (`已重新报送 3 件`).
    public var note: String?

    public init(pending: Int, oldestMinutes: Int?, refused: [Refused], note: String? = nil) {
        self.pending = pending
        self.oldestMinutes = oldestMinutes
        self.refused = refused
        self.note = note
    }
}

/// The gate's answer to a PIN.
public enum TechnicianPINVerdict: Sendable, Equatable {
    case accepted
    /// Wrong; this many tries left before a lockout.
    case refused(remaining: Int)
    /// Not checked: locked for this many more seconds.
    case locked(seconds: Int)
}

/// The hidden gesture on home: taps on the top-left corner, counted within a window.
public struct HiddenGesture: Sendable, Equatable {
    public var taps = 0
    /// Each window has a generation; the reset timer of an older window is ignored.
    public var generation = 0
    public init(taps: Int = 0, generation: Int = 0) {
        self.taps = taps
        self.generation = generation
    }
}
