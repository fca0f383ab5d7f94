import Foundation
import KioskDomain

/// What the flow asks of the world, as data: the host (devices, store, outbox) performs it and
/// answers with events. Nothing here does I/O, so every transition is testable as values.
public enum KioskEffect: Sendable, Equatable {
    /// Watch the reader for a card (identify screen).
    case armReader
    /// Stop reading (left the identify screen).
    case disarmReader
    /// Store the case (confirmed snapshot first), then send it; answers `caseStored` and `submitted`.
    case file(FiledCase)
    /// Print the acknowledgement of a stored case; answers `printed`.
    case printAcknowledgement(UUID)
    /// Print the 不予受理 notice of a stored case.
    case printRefusal(UUID, reason: String, basis: String)
    /// List the photo folder, newest first; answers `photosListed`.
    case listPhotos
    /// Check one photo against the plan's requirement; `fix` runs the fixer first.
    case checkPhoto(String, fix: Bool)
    /// The journey is over and the card is still on the reader: "请取走您的身份证". (The demo's
    /// simulated card leaves the reader a moment later, as a veteran's hand would take it.)
    case askToTakeCard
    /// Ask the central service (the store when it cannot be reached) where the cases stand;
    /// answers `progressLoaded` or `progressFailed`.
    case queryProgress(ProgressLookupKey)
    /// Print the progress slip of a report; answers `slipPrinted`.
    case printProgressSlip(ProgressReport)
    /// The applicant's last acknowledgements in the store; answers `reprintsListed`.
    case listReprints(ProgressLookupKey)
    /// Print a stored acknowledgement again with 【补打】 and audit it; answers `printed`.
    case reprint(UUID)
    /// Store a 好差评 rating and send it through the outbox (exactly once).
    case submitRating(CaseRating)
    /// Deliver `event` after `delay` on the kiosk's clock.
    case after(Duration, KioskEvent)
    /// A spoken prompt (voice guidance), if configured.
    case announce(String)
    /// The session's personal data left the state: the host drops its copies too.
    case wipe
    /// Technician mode's requests (gate, diagnostics, outbox, pre-flight).
    case technician(TechnicianEffect)
}
