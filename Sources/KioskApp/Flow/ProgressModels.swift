import Foundation
import KioskDomain

/// Where each of an applicant's cases stands, as the progress screen and the progress slip show
/// it. Built by the host from the central service's answer, or from the kiosk's own store when
/// the network is down (then `source` says so and how old the knowledge is).
public struct ProgressReport: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// Fresh from the central service.
        case central
        /// The kiosk's own records, last known at `asOf` (the screen says how long ago).
        case local(asOf: Date)
    }

    public struct CaseEntry: Sendable, Equatable {
        public var caseNumber: String
        /// The case's id in this kiosk's store, when it was filed here (补打 needs it).
        public var storedID: UUID?
        public var categoryTitle: String
        public var acceptedAt: Date
        public var items: [Item]

        public init(caseNumber: String, storedID: UUID?, categoryTitle: String, acceptedAt: Date, items: [Item]) {
            self.caseNumber = caseNumber
            self.storedID = storedID
            self.categoryTitle = categoryTitle
            self.acceptedAt = acceptedAt
            self.items = items
        }

        /// Every item has reached an end (办结 or 不予受理): the case may be rated.
        public var isFinished: Bool { !items.isEmpty && items.allSatisfy(\.state.isFinal) }
    }

    public struct Item: Sendable, Equatable {
        public var code: String
        public var title: String
        public var department: String
        public var state: ProgressItemState
        public var dueDate: CivilDate?
        /// Titles of the items this one waits for.
        public var waitsFor: [String]
        /// For 不予受理: why, and the rule it rests on (一次性告知).
        public var reason: String?
        public var basis: String?

        public init(code: String, title: String, department: String, state: ProgressItemState, dueDate: CivilDate?,
                    waitsFor: [String] = [], reason: String? = nil, basis: String? = nil) {
            self.code = code
            self.title = title
            self.department = department
            self.state = state
            self.dueDate = dueDate
            self.waitsFor = waitsFor
            self.reason = reason
            self.basis = basis
        }
    }

    public var source: Source
    public var cases: [CaseEntry]

    public init(source: Source, cases: [CaseEntry]) {
        self.source = source
        self.cases = cases
    }
}

/// An item's state as the departments report it (the central contract's four; the words are the
/// strings table's `progress.state.<raw value>`).
public enum ProgressItemState: String, Sendable, Equatable, CaseIterable {
    case accepted, processing, completed, refused

    /// The state's words (已受理 / 办理中 / 已办结 / 不予受理).
    public func words(_ strings: Strings) -> String { strings("progress.state." + rawValue) }

    public var isFinal: Bool { self == .completed || self == .refused }
}

/// One acknowledgement the applicant can have printed again (补打), as the list shows it.
public struct ReprintChoice: Sendable, Equatable {
    public var id: UUID
    public var caseNumber: String
    public var categoryTitle: String
    public var filedAt: Date
    public init(id: UUID, caseNumber: String, categoryTitle: String, filedAt: Date) {
        self.id = id
        self.caseNumber = caseNumber
        self.categoryTitle = categoryTitle
        self.filedAt = filedAt
    }
}

/// A 好差评 rating of one case (一事一评): the score, the chosen standard reasons. No personal data.
public struct CaseRating: Sendable, Equatable {
    public var caseNumber: String
    /// 5 非常满意 … 1 非常不满意.
    public var score: Int
    public var reasons: [String]
    public init(caseNumber: String, score: Int, reasons: [String]) {
        self.caseNumber = caseNumber
        self.score = score
        self.reasons = reasons
    }
}

/// How the applicant is identified for a query: the ID number (card or keypad) or a case number.
public enum ProgressLookupKey: Sendable, Equatable {
    case idNumber(String)
    case caseNumber(String)
}

/// The screens of the visit after filing: look up, the cases, 补打, 好差评.
public enum ProgressStep: Sendable, Equatable {
    /// Keypad, typed or scanned case number, or "刷身份证".
    case lookup
    /// Waiting for the card on the reader.
    case card
    /// Asking the central service (or the store).
    case loading
    /// Each case with each item.
    case result(page: Int)
    /// The applicant's last acknowledgements, to print again.
    case reprints
    /// 好差评 of one case.
    case rating
    /// Thanks, then home.
    case done
}

/// The progress visit's part of the session (personal: the key may be an ID number).
public struct ProgressVisit: Sendable, Equatable {
    /// What the visit is for, chosen on the home screen.
    public enum Purpose: Sendable, Equatable { case progress, reprint }
    public var purpose: Purpose
    public var draft = ""
    public var key: ProgressLookupKey?
    public var report: ProgressReport?
    public var reprints: [ReprintChoice]?
    public var slip: PrintState = .notStarted
    /// The case being rated, its score and reasons so far.
    public var rating: CaseRating?
    /// Where the rating screen returns to when it is done or skipped.
    public var afterRating: ProgressStep = .done

    public init(purpose: Purpose) { self.purpose = purpose }
}
