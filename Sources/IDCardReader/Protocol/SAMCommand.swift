import KioskDomain

/// Every host → reader command of the reference sheet (§2), as a value that encodes itself.
///
/// The simulator decodes the same values from the wire (`init(body:)`), so both sides share one
/// table of command bytes.
public enum SAMCommand: Sendable, Hashable, CustomStringConvertible {
    /// `10 FF` SAM reset.
    case samReset
    /// `11 FF` SAM status / self-test; also the probe a tty must answer to count as a reader.
    case samStatus
    /// `12 FF` read the SAM id (管理信息).
    case samID
    /// `20 01` find card (寻卡).
    case findCard
    /// `20 02` select card (选卡).
    case selectCard
    /// `30 01` read text + photo.
    case readText
    /// `30 10` read text + photo + fingerprint.
    case readTextAndFingerprint
    /// `30 03` read the latest appended address (追加住址); also the card-presence probe after a read.
    case readAppendedAddress
    /// `60 xx` set the UART baud rate.
    case setBaud(SAMBaudRate)
    /// `61 FF nn` set the maximum RF frame size in bytes.
    case setMaxFrameSize(UInt8)

    public var code: (command: UInt8, parameter: UInt8) {
        switch self {
        case .samReset: (0x10, 0xFF)
        case .samStatus: (0x11, 0xFF)
        case .samID: (0x12, 0xFF)
        case .findCard: (0x20, 0x01)
        case .selectCard: (0x20, 0x02)
        case .readText: (0x30, 0x01)
        case .readTextAndFingerprint: (0x30, 0x10)
        case .readAppendedAddress: (0x30, 0x03)
        case let .setBaud(rate): (0x60, rate.rawValue)
        case .setMaxFrameSize: (0x61, 0xFF)
        }
    }

    /// `CMD PARA DATA…` without envelope.
    public var body: [UInt8] {
        let (c, p) = code
        if case let .setMaxFrameSize(size) = self { return [c, p, size] }
        return [c, p]
    }

    /// The full frame as sent on the wire.
    public var frame: [UInt8] { SAMFrame.encode(body: body) }

    /// Decodes a command body received by a reader (the simulator); `nil` for an unknown command.
    public init?(body: some Collection<UInt8>) {
        let b = Array(body)
        guard b.count >= 2 else { return nil }
        switch (b[0], b[1], b.count) {
        case (0x10, 0xFF, 2): self = .samReset
        case (0x11, 0xFF, 2): self = .samStatus
        case (0x12, 0xFF, 2): self = .samID
        case (0x20, 0x01, 2): self = .findCard
        case (0x20, 0x02, 2): self = .selectCard
        case (0x30, 0x01, 2): self = .readText
        case (0x30, 0x10, 2): self = .readTextAndFingerprint
        case (0x30, 0x03, 2): self = .readAppendedAddress
        case (0x60, let p, 2):
            guard let rate = SAMBaudRate(rawValue: p) else { return nil }
            self = .setBaud(rate)
        case (0x61, 0xFF, 3): self = .setMaxFrameSize(b[2])
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .samReset: "SAM reset (10 FF)"
        case .samStatus: "SAM status (11 FF)"
        case .samID: "SAM id (12 FF)"
        case .findCard: "find card (20 01)"
        case .selectCard: "select card (20 02)"
        case .readText: "read text+photo (30 01)"
        case .readTextAndFingerprint: "read text+photo+fingerprint (30 10)"
        case .readAppendedAddress: "read appended address (30 03)"
        case let .setBaud(rate): "set baud \(rate.bitsPerSecond) (60 \(Hex.byte(rate.rawValue)))"
        case let .setMaxFrameSize(n): "set max RF frame size \(n) (61 FF)"
        }
    }
}

/// The baud rates a reader's UART can be switched to with `60 xx`.
public enum SAMBaudRate: UInt8, Sendable, CaseIterable {
    case b115200 = 0x00, b57600 = 0x01, b38400 = 0x02, b19200 = 0x03, b9600 = 0x04

    public var bitsPerSecond: Int {
        switch self {
        case .b115200: 115_200
        case .b57600: 57_600
        case .b38400: 38_400
        case .b19200: 19_200
        case .b9600: 9_600
        }
    }

    public init?(bitsPerSecond: Int) {
        guard let rate = SAMBaudRate.allCases.first(where: { $0.bitsPerSecond == bitsPerSecond }) else { return nil }
        self = rate
    }
}

extension SAMCommand {
    /// Whether `status` can be this command's answer: `9F` (find-card success) and `80` (find
    /// failed) answer find card only (reference §3), so either one during another command is a
    /// late answer to an earlier find.
    public func mayBeAnswered(by status: SAMStatus) -> Bool {
        switch status {
        case .findSuccess, .findFailed: self == .findCard
        default: true
        }
    }
}
