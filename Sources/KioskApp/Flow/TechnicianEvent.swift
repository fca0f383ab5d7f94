import Foundation
import TerminalUI

/// What happens in technician mode: the technician's touches and keys, and the host's answers.
public enum TechnicianEvent: Sendable, Equatable {
    // Entry
    /// A tap on home's hidden corner (five within `KioskDelays.gestureWindow` ask to enter).
    case cornerTap
    /// The gesture's window closed.
    case gestureExpired(generation: Int)
    /// The technician's keyboard shortcut (F12), or the fifth corner tap.
    case requestEntry
    /// The host has a PIN configured: the PIN page opens.
    case entryOpened
    // PIN
    case pinKey(KeypadKey)
    case pinSubmit
    case pinVerdict(TechnicianPINVerdict)
    // Pages
    case open(TechnicianState.Page)
    case leave
    case idle(generation: Int)
    // Answers
    case check(TechnicianCheck)
    case runFinished
    case touchTarget(Int)
    case touchMiss
    case touchRestart
    case touchTimed(milliseconds: Int)
    case outbox(TechnicianOutbox)
    case retryRefused(String)
    case preflight([TechnicianCheck])
}

/// What technician mode asks of the host.
public enum TechnicianEffect: Sendable, Equatable {
    /// Answer `entryOpened` when technician mode is configured (a PIN hash), else nothing.
    case requestEntry
    /// Through the technician gate (audited, lockout); answers `pinVerdict`.
    case checkPIN(String)
    /// The full diagnostics; each check answers `check` as it completes, then `runFinished`.
    case runDiagnostics
    /// The reader's checks with a live read (the number masked).
    case readerTest
    /// The printer's checks with a test page.
    case printTestPage
    /// The full diagnostics, then the readiness report printed.
    case printReport
    /// Answers `outbox`.
    case loadOutbox
    /// Makes every case refused for this kind due again; answers `outbox`.
    case retryRefused(String)
    /// Answers `preflight`.
    case loadPreflight
    /// The touch test began: the host notes the time.
    case touchTestStarted
    /// The fifth target was hit: the host answers `touchTimed`.
    case touchTestFinished
    /// The mode ended (`left` or `idle`): audited.
    case left(reason: String)
}
