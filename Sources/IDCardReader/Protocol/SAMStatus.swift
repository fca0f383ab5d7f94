import KioskDomain

/// The reader's own status byte (SW3) as a typed result (reference §3), with the sentence the
/// veteran reads on the screen and the one a technician reads in a log.
public enum SAMStatus: Sendable, Hashable, CustomStringConvertible {
    case success
    case findSuccess
    case checksumError
    case lengthError
    case badCommand
    case unauthorisedOperation
    case unknownError
    case cardRejectedSAM
    case samRejectedCard
    case verificationError
    case unknownCardType
    case readFailed
    case randomFailed
    case selfTestFailed
    case samNotAuthorised
    case findFailed
    case selectFailed
    case noContent
    /// A code the reference does not list; kept so nothing is lost.
    case other(UInt8)

    public init(code: UInt8) {
        switch code {
        case 0x90: self = .success
        case 0x9F: self = .findSuccess
        case 0x10: self = .checksumError
        case 0x11: self = .lengthError
        case 0x21: self = .badCommand
        case 0x23: self = .unauthorisedOperation
        case 0x24: self = .unknownError
        case 0x31: self = .cardRejectedSAM
        case 0x32: self = .samRejectedCard
        case 0x33: self = .verificationError
        case 0x40: self = .unknownCardType
        case 0x41: self = .readFailed
        case 0x47: self = .randomFailed
        case 0x60: self = .selfTestFailed
        case 0x66: self = .samNotAuthorised
        case 0x80: self = .findFailed
        case 0x81: self = .selectFailed
        case 0x91: self = .noContent
        default: self = .other(code)
        }
    }

    public var code: UInt8 {
        switch self {
        case .success: 0x90
        case .findSuccess: 0x9F
        case .checksumError: 0x10
        case .lengthError: 0x11
        case .badCommand: 0x21
        case .unauthorisedOperation: 0x23
        case .unknownError: 0x24
        case .cardRejectedSAM: 0x31
        case .samRejectedCard: 0x32
        case .verificationError: 0x33
        case .unknownCardType: 0x40
        case .readFailed: 0x41
        case .randomFailed: 0x47
        case .selfTestFailed: 0x60
        case .samNotAuthorised: 0x66
        case .findFailed: 0x80
        case .selectFailed: 0x81
        case .noContent: 0x91
        case let .other(code): code
        }
    }

    public static let allKnown: [SAMStatus] = [
        .success, .findSuccess, .checksumError, .lengthError, .badCommand, .unauthorisedOperation, .unknownError,
        .cardRejectedSAM, .samRejectedCard, .verificationError, .unknownCardType, .readFailed, .randomFailed,
        .selfTestFailed, .samNotAuthorised, .findFailed, .selectFailed, .noContent,
    ]

    /// `90`, `9F` and `91` (an empty optional item) are answers, not failures.
    public var isSuccess: Bool { self == .success || self == .findSuccess || self == .noContent }

    /// Which party is at fault, which decides what the veteran is told.
    public enum Party: Sendable { case none, card, reader }

    public var party: Party {
        switch self {
        case .success, .findSuccess, .noContent: .none
        case .cardRejectedSAM, .samRejectedCard, .verificationError, .unknownCardType, .readFailed,
             .randomFailed, .findFailed, .selectFailed:
            .card
        case .checksumError, .lengthError, .badCommand, .unauthorisedOperation, .unknownError,
             .selfTestFailed, .samNotAuthorised, .other:
            .reader
        }
    }

    /// For the veteran on the touchscreen.
    public var chineseMessage: String {
        switch self {
        case .success, .findSuccess, .noContent: "读卡成功"
        case .findFailed: "请将身份证放在感应区"
        case .unknownCardType: "无法识别此卡，请放置二代居民身份证或居住证"
        case .cardRejectedSAM, .samRejectedCard, .verificationError, .readFailed, .randomFailed, .selectFailed:
            "读卡失败，请重新放置"
        default: "读卡器故障，请联系工作人员"
        }
    }

    /// For a technician: the code and what it means.
    public var technicalMessage: String {
        let meaning = switch self {
        case .success: "success"
        case .findSuccess: "find-card success"
        case .checksumError: "reader saw a checksum error"
        case .lengthError: "reader saw a length error"
        case .badCommand: "bad command or parameter"
        case .unauthorisedOperation: "unauthorised operation"
        case .unknownError: "unknown error"
        case .cardRejectedSAM: "card failed to authenticate the SAM"
        case .samRejectedCard: "SAM failed to authenticate the card"
        case .verificationError: "information verification error"
        case .unknownCardType: "unknown card type"
        case .readFailed: "read failed"
        case .randomFailed: "get-random failed"
        case .selfTestFailed: "SAM self-test failed"
        case .samNotAuthorised: "SAM not authorised"
        case .findFailed: "find failed (no card)"
        case .selectFailed: "select failed"
        case .noContent: "no content for this item"
        case .other: "status not in GA/T 467's table"
        }
        return "SW3=\(Hex.byte(code)) \(meaning)"
    }

    public var description: String { technicalMessage }
}
