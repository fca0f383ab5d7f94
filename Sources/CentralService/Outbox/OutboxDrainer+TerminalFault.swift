import Foundation
import KioskDomain
import KioskStore

/// Terminal-wide refusals. A terminal whose id or key does not match what the central service
/// registered (a store moved to another terminal, a key file swapped) would see every queued
/// case refused; that is one fault of the terminal, not many faults of cases. So the queue is
/// held, one alert is raised, and nothing is dead-lettered; the identity is asked again after
/// `terminalFaultPause`, and the queue resumes by itself once the configuration is fixed.
extension OutboxDrainer {
    /// The terminal id this drainer submits as, when the submitter tells it.
    var signingTerminalID: String { (submitter as? any TerminalIdentityChecking)?.signingTerminalID ?? "" }

    /// A `403 wrong_terminal` on a case: the service says this terminal may not submit it.
    static func refusesTerminal(status: Int, problem: Problem) -> Bool {
        status == 403 && problem.error == "wrong_terminal"
    }

    /// Asks the service about the terminal once before the first pass (and again after a fault's
    /// pause). Nil when the terminal is accepted or the answer is inconclusive (service down:
    /// the ordinary backoff handles that).
    func checkIdentity() async -> TerminalFault? {
        guard !identityConfirmed, let checking = submitter as? any TerminalIdentityChecking else { return nil }
        let at = now()
        switch await checking.verifyIdentity() {
        case .confirmed:
            identityConfirmed = true
            if terminalFault != nil {
                logger.notice("terminal accepted again; outbox resumes", metadata: ["terminal": "\(checking.signingTerminalID)"])
            }
            terminalFault = nil
            return nil
        case .keyRefused(let detail):
            return TerminalFault(kind: .keyRefused, terminalID: checking.signingTerminalID, detail: PersonalDataScrubber.scrub(detail), since: at)
        case .terminalRefused(let detail):
            return TerminalFault(kind: .wrongTerminal, terminalID: checking.signingTerminalID, detail: PersonalDataScrubber.scrub(detail), since: at)
        case .unknown:
            return nil
        }
    }

    /// The first case among `cases` filed under another terminal id than the one this drainer
    /// signs as: the service would refuse it (and every other like it) as `wrong_terminal`.
    func foreignCases(_ cases: [FiledCase]) -> (TerminalFault, UUID)? {
        let own = signingTerminalID
        guard !own.isEmpty, let other = cases.first(where: { $0.terminalID != own }) else { return nil }
        return (TerminalFault(kind: .casesOfAnotherTerminal, terminalID: own,
                              detail: "case terminal \(PersonalDataScrubber.scrub(other.terminalID))", since: now()), other.id)
    }

    /// Holds the queue for `terminalFaultPause` and raises one alert for the fault (not again
    /// while the same fault persists), naming the case that showed it.
    func holdQueue(_ fault: TerminalFault, entry: OutboxEntry, report: inout DrainReport) {
        let repeated = terminalFault?.kind == fault.kind
        terminalFault = repeated ? terminalFault : fault
        identityConfirmed = false
        lastError = fault.technicalDescription
        pausedUntil = now().addingTimeInterval(configuration.terminalFaultPause)
        report.servicePauses += 1
        logger.critical("outbox held: terminal fault", metadata: ["kind": "\(fault.kind.rawValue)", "terminal": "\(fault.terminalID)"])
        guard !repeated else { return }
        raise(DrainAlert(kind: .terminalFault, caseID: entry.caseID, localReference: entry.localReference,
                         attempts: entry.attempts, lastError: fault.technicalDescription), into: &report)
    }

    /// A technician fixed the terminal (or wants to try now): forget the fault and the pause; the
    /// next pass asks the service about the terminal again first.
    public func clearTerminalFault() {
        terminalFault = nil
        identityConfirmed = false
        pausedUntil = nil
    }
}
