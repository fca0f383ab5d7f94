import Foundation
import KioskDomain

/// Everything the kiosk's screens show, as one value. The personal part lives in `session` only,
/// so wiping a session (idle, done, cancel) is one assignment and leaves nothing behind.
public struct JourneyState: Sendable, Equatable {
    public enum Screen: Sendable, Equatable {
        case home
        /// Waiting for the card, or reading it.
        case identify
        /// Typing the ID number on the keypad (no valid card).
        case manualID
        case category
        case items
        case questions
        /// The one form, one group of fields per page.
        case form(page: Int)
        case photo
        case materials
        case review
        /// Committed to the store and sent; waiting for the answer or printing.
        case outcome
        /// "请取走您的身份证": the card is still on the reader.
        case takeCard
        /// After filing: progress query, 补打, 好差评 (JourneyReducer+Progress).
        case progress(ProgressStep)
        /// 维护模式: the technician's PIN page and the pages behind it (`technician`).
        case technician
    }

    /// Why the terminal must not take a case now (store unwritable, disk, clock, calendar).
    public enum PauseReason: String, Sendable, Equatable {
        case store = "paused.store", disk = "paused.disk", clock = "paused.clock", calendar = "paused.calendar"
    }

    /// Device and service health, as the home screen's banners need it.
    public struct Health: Sendable, Equatable {
        public var printerReady = true
        public var readerReady = true
        public var centralReachable = true
        public var pause: PauseReason?
        public init() {}
    }

    public var screen: Screen = .home
    public var health = Health()
    /// Wall time of the last tick (the home screen's clock).
    public var now: Date
    public var session: Session?
    public var idle = IdleState()
    /// Technician mode, while it is open (never at the same time as a session).
    public var technician: TechnicianState?
    /// Taps on home's hidden corner so far.
    public var hiddenGesture = HiddenGesture()

    public init(now: Date) { self.now = now }

    /// The screen's name for status output (no personal data): `home`, `identify`, `form`, …
    public var screenName: String {
        switch screen {
        case .form: "form"
        case .progress: "progress"
        default: "\(screen)"
        }
    }

    /// True while a veteran's data is on the terminal.
    public var hasPersonalData: Bool { session != nil }
}

/// One veteran's visit: identity, choices, answers, the form, photo, and what came back.
public struct Session: Sendable, Equatable {
    public var holder: CardHolder?
    /// Whether the card is on the reader now.
    public var cardPresent = false
    /// A problem to show on the current screen (reader failure, invalid value, refused).
    public var message: String?
    public var category: String?
    public var items: [String] = []
    public var answers: [String: String] = [:]
    public var values: [String: String] = [:]
    /// The field being edited and its draft text.
    public var editing: String?
    public var draft = ""
    /// Place picker: the division codes chosen so far for the field being edited.
    public var placePath: [String] = []
    /// The place picker's page (the field list beside it keeps `pickerPage`).
    public var placePage = 0
    /// The page of the list on screen; on the form, the page of the field list.
    public var pickerPage = 0
    public var photo: PhotoState = PhotoState()
    public var committed = false
    public var reading = false
    /// The case as filed (after the store confirmed it).
    public var filed: FiledCase?
    public var submission: SubmissionState = .notSent
    public var printing: PrintState = .notStarted
    /// Manual entry: the typed name.
    public var manualName = ""
    /// A visit for progress, 补打 or 好差评 rather than filing (nil while filing).
    public var visit: ProgressVisit?
    /// The on-screen pinyin keyboard while a free-text field is edited.
    public var keyboard = OnScreenKeyboard()

    public init() {}
}

/// What the reader gave (or the keypad, for a veteran without a valid card). Personal.
public struct CardHolder: Sendable, Equatable {
    public var name: String
    public var idNumber: String
    public var sex: Sex?
    public var ethnicity: String?
    public var birthDate: CivilDate?
    public var address: String?
    /// Read from a card (locked) rather than typed.
    public var fromCard: Bool

    public init(name: String, idNumber: String, sex: Sex? = nil, ethnicity: String? = nil, birthDate: CivilDate? = nil,
                address: String? = nil, fromCard: Bool) {
        self.name = name
        self.idNumber = idNumber
        self.sex = sex
        self.ethnicity = ethnicity
        self.birthDate = birthDate
        self.address = address
        self.fromCard = fromCard
    }

    /// The value a card-kind field takes.
    public func value(_ key: String?) -> String? {
        switch key {
        case "name": name
        case "idNumber": idNumber
        case "sex": sex?.chinese
        case "ethnicity": ethnicity
        case "birthDate": birthDate?.description
        case "address": address
        default: nil
        }
    }
}

public struct PhotoState: Sendable, Equatable {
    public var files: [String] = []
    public var chosen: String?
    public var report: PhotoVerdict?
    /// The bytes to submit (the fixed photo when the fixer ran).
    public var accepted: Data?
    public init() {}
}

/// A photo check as the screen shows it.
public struct PhotoVerdict: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var passed: Bool
        public var text: String
        public init(passed: Bool, text: String) { self.passed = passed; self.text = text }
    }
    public var accepted: Bool
    public var fixable: Bool
    public var lines: [Line]
    public var bytes: Data?
    /// The photo as the screen previews it (nil when it could not be decoded).
    public var preview: PhotoPreview?
    public init(accepted: Bool, fixable: Bool, lines: [Line], bytes: Data?, preview: PhotoPreview? = nil) {
        self.accepted = accepted
        self.fixable = fixable
        self.lines = lines
        self.bytes = bytes
        self.preview = preview
    }
}

public enum SubmissionState: Sendable, Equatable {
    case notSent
    case sending
    /// The central service took it: its case number.
    case accepted(caseNumber: String)
    /// Kept in the outbox; goes out when the network returns.
    case queued
    /// 不予受理, with reason and basis (一次性告知).
    case refused(reason: String, basis: String)
    /// The store could not keep it: nothing was sent.
    case failed(String)
}

public enum PrintState: Sendable, Equatable {
    case notStarted, printing, printed
    case failed(String)
}

/// The idle watch: every touch starts a new generation; a timer of an older one is ignored.
public struct IdleState: Sendable, Equatable {
    public var generation = 0
    /// Seconds left in the warning, or nil when no warning is shown.
    public var countdown: Int?
    public init() {}
}
