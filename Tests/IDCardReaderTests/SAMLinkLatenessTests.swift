import IDCardReader
import Synchronization
import Testing
import TestTraits

/// Lateness on either side of the link. A wait that comes back far later than asked is this
/// process's lateness, not the reader's: the link moves its deadline by it and goes on
/// listening, while a reader that is really silent still times out. (On a loaded two-core test
/// machine a simulator thread and the host were both held 7.6 s; the host then counted a reader
/// that answered at once as not answering.) A reader's late answer to a command the host gave
/// up on arrives during the next command: one that cannot be that command's is passed over.
@Suite(.realTime) struct SAMLinkLatenessTests {
    /// A transport whose receives are scripted: each either blocks for its timeout plus a
    /// stall and returns nothing, or returns an answer at once.
    final class ScriptedTransport: SAMTransport, @unchecked Sendable {
        enum Step { case stall(Duration), silent, answer([UInt8]) }
        let label = "scripted"
        private let steps: Mutex<[Step]>
        private let receives = Mutex(0)
        init(_ steps: [Step]) { self.steps = Mutex(steps) }

        var receiveCount: Int { receives.withLock { $0 } }
        func send(frame: [UInt8], timeout: Duration) throws(TransportError) {}
        func receive(timeout: Duration) throws(TransportError) -> [UInt8] {
            receives.withLock { $0 += 1 }
            let step = steps.withLock { $0.isEmpty ? Step.silent : $0.removeFirst() }
            switch step {
            case .stall(let extra): (timeout + extra).sleepBlocking(); return []
            case .silent: timeout.sleepBlocking(); return []
            case .answer(let frame): return frame
            }
        }
        func discardPendingInput() {}
        func close() {}
    }

    static let timeouts = SAMTimeouts(control: .milliseconds(100), find: .milliseconds(100), read: .milliseconds(100),
                                      readWithFingerprint: .milliseconds(100), appendedAddress: .milliseconds(100))

    @Test func anAnswerAfterTheProcessWasHeldPastTheDeadlineIsTaken() throws {
        let transport = ScriptedTransport([.stall(.milliseconds(800)), .answer(SAMResponse(status: .success).frame)])
        let link = SAMLink(transport: transport, timeouts: Self.timeouts)
        #expect(try link.transact(.samStatus).status == .success)
        #expect(transport.receiveCount == 2)
    }

    @Test func aSilentReaderStillTimesOut() {
        let transport = ScriptedTransport([.silent])
        let link = SAMLink(transport: transport, timeouts: Self.timeouts)
        #expect(throws: ReaderFault.timeout(.samStatus)) { try link.transact(.samStatus) }
    }

    static let findAnswer = SAMResponse(status: .findSuccess, data: [0, 0, 0, 0]).frame
    static let selectAnswer = SAMResponse(status: .success, data: [0, 0, 0, 0, 0, 0, 0, 0]).frame

    @Test func aLateFindAnswerIsPassedOverForTheSelectsOwn() throws {
        // Both in one read, and apart.
        for steps: [ScriptedTransport.Step] in [[.answer(Self.findAnswer + Self.selectAnswer)],
                                                  [.answer(Self.findAnswer), .answer(Self.selectAnswer)]] {
            let link = SAMLink(transport: ScriptedTransport(steps), timeouts: Self.timeouts)
            let answer = try link.transact(.selectCard)
            #expect(answer.status == .success && answer.data.count == 8)
        }
    }

    @Test func onlyALateFindAnswerIsNoAnswer() {
        let link = SAMLink(transport: ScriptedTransport([.answer(Self.findAnswer)]), timeouts: Self.timeouts)
        #expect(throws: ReaderFault.timeout(.selectCard)) { try link.transact(.selectCard) }
    }

    @Test func findStatusesAnswerFindOnly() {
        for status in SAMStatus.allKnown {
            #expect(SAMCommand.findCard.mayBeAnswered(by: status))
            #expect(SAMCommand.readText.mayBeAnswered(by: status) == ![.findSuccess, .findFailed].contains(status))
        }
    }
}
