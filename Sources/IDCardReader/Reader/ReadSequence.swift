/// The read sequence of the reference (§2): find → select → read, and the probes around it.
/// Shared by the `CardReader` actor, `kioskctl reader read` and the benchmark.
public enum ReadSequence {
    /// What one attempt at reading produced.
    public enum Outcome: Sendable {
        /// No card in the field (find answered `80`).
        case noCard
        /// A card answered; its parsed payload.
        case read(ReadPayload)
        /// A card is there but could not be read (select/read status, or malformed data).
        case failed(ReadFailure)
    }

    /// Checks that the reader answers and its SAM is healthy; returns the SAM's identity.
    public static func handshake(_ link: SAMLink) throws(ReaderFault) -> SAMIdentity? {
        let status = try link.transact(.samStatus)
        guard status.status == .success else { throw .status(.samStatus, status.status) }
        let id = try link.transact(.samID)
        return id.status == .success ? SAMIdentity(data: id.data) : nil
    }

    /// One find → select → read attempt.
    public static func attempt(_ link: SAMLink, withFingerprint: Bool = false) throws(ReaderFault) -> Outcome {
        let find = try link.transact(.findCard)
        switch find.status {
        case .findSuccess, .success: break
        case .findFailed: return .noCard
        case let other: return other.party == .reader ? try fault(.findCard, other) : .noCard
        }
        let select = try link.transact(.selectCard)
        guard select.status == .success else {
            return select.status.party == .reader ? try fault(.selectCard, select.status) : .failed(.status(select.status))
        }
        let command: SAMCommand = withFingerprint ? .readTextAndFingerprint : .readText
        let read = try link.transact(command)
        guard read.status == .success else {
            return read.status.party == .reader ? try fault(command, read.status) : .failed(.status(read.status))
        }
        do {
            return .read(try ReadPayload(data: read.data, withFingerprint: withFingerprint))
        } catch {
            return .failed(.cardData(error))
        }
    }

    /// After a read the card is halted and find keeps failing until it is removed (reference
    /// §5), so presence is probed with the appended-address read, as Routon's demo does: `90`
    /// or `91` means the card is still in the field; any other answer means it left.
    public static func cardStillPresent(_ link: SAMLink) throws(ReaderFault) -> Bool {
        let answer = try link.transact(.readAppendedAddress)
        return answer.status == .success || answer.status == .noContent
    }

    private static func fault(_ command: SAMCommand, _ status: SAMStatus) throws(ReaderFault) -> Outcome {
        throw .status(command, status)
    }
}

/// Why a card on the reader could not be read: told to the veteran, who can retry.
public enum ReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reader reported a card-side failure (select failed, read failed, authentication).
    case status(SAMStatus)
    /// The answer arrived but its data is not a card we can lay out.
    case cardData(CardDataProblem)

    public var chineseMessage: String {
        switch self {
        case let .status(status): status.chineseMessage
        case let .cardData(problem): problem.chineseMessage
        }
    }

    public var description: String {
        switch self {
        case let .status(status): status.technicalMessage
        case let .cardData(problem): problem.description
        }
    }
}
