import Foundation
import KioskDomain
import TerminalUI

/// What happens to the kiosk: touches (as the screens name them), device and service answers,
/// and timers. The flow's only input.
public enum KioskEvent: Sendable, Equatable {
    // Navigation
    case start, back, next, home, cancel
    case manualEntry
    // Choices
    case chooseCategory(String)
    case toggleItem(String)
    case answer(question: String, value: String)
    // The form
    case editField(String)
    case keypad(KeypadKey)
    case typed(String)
    case erase
    case choose(String)
    case pickPlace(String)
    /// A page of the list on screen (items, questions, the form's fields, materials, review).
    case pickerPage(Int)
    /// A page of the place picker in the form's editor: its own, so turning it never moves
    /// the field list beside it.
    case placePage(Int)
    case fieldDone
    case fieldCancel
    /// The on-screen pinyin keyboard (handled by `KioskProgram` with the host's engine).
    case keyboard(KeyboardInput)
    // Photo
    case choosePhoto(String)
    case fixPhoto
    case usePhoto
    // Review
    case accept
    // Devices and services
    case readerStatus(ready: Bool)
    case cardReading
    case cardRead(CardHolder)
    case cardRejected(String)
    case cardRemoved
    case healthChanged(JourneyState.Health)
    case caseStored(FiledCase)
    case caseNotStored(String)
    case submitted(SubmissionState)
    case printed(PrintState)
    case photosListed([String])
    case photoChecked(PhotoVerdict)
    // After filing: progress, 补打, 好差评 (JourneyReducer+Progress)
    case queryProgress, reprintReceipts
    case progressUseCard
    case progressLoaded(ProgressReport)
    case progressFailed(String)
    case printProgressSlip
    case slipPrinted(PrintState)
    case showReprints
    case reprintsListed([ReprintChoice])
    case reprint(UUID)
    case rateCase(String)
    case rate(Int)
    case rateReason(String)
    case submitRating
    case skipRating
    // Time
    case tick(Date)
    case idleTimeout(generation: Int)
    case countdownTick(generation: Int)
    case keepGoing
    // Technician mode
    case technician(TechnicianEvent)
}
