import Foundation
import IDCardReader
import IDCardSimulator
import KioskDomain
import IDCardReaderTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// The simulator's reader side on its own: the scripted timeline and the protocol states.
@Suite("simulator engine", .computeBound)
struct SimulatorEngineTests {
    final class FakeTime: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Duration = .zero
        var now: Duration { lock.withLock { value } }
        func set(_ d: Duration) { lock.withLock { value = d } }
    }

    static func status(_ engine: SAMReaderEngine, _ command: SAMCommand) -> SAMStatus? {
        engine.receive(command.frame).first.flatMap { reply in
            var d = SAMFrameDecoder.responses()
            return d.feed(reply.frame).first.flatMap { SAMResponse(body: $0) }?.status
        }
    }

    @Test("cards follow the script's timeline: placed, removed, the next placed after its gap")
    func timeline() throws {
        let time = FakeTime()
        let engine = try SAMReaderEngine(script: SimulatorScript(cards: [
            ScriptedCard(type: .residentID, removeAfterSeconds: 0.4),
            ScriptedCard(type: .foreignPermanentResident, placeAfterSeconds: 0.2),
        ]), now: { time.now })
        #expect(Self.status(engine, .findCard) == .findSuccess)
        time.set(.milliseconds(450))
        #expect(Self.status(engine, .findCard) == .findFailed)
        #expect(Self.status(engine, .readAppendedAddress) == .readFailed)
        time.set(.milliseconds(650))
        #expect(Self.status(engine, .findCard) == .findSuccess)
        #expect(Self.status(engine, .readAppendedAddress) == .noContent)
    }

    @Test("a read card stays halted (find fails) until it leaves; a read needs a select")
    func haltedAfterRead() throws {
        let time = FakeTime()
        let engine = try SAMReaderEngine(script: SimulatorScript(cards: [ScriptedCard(type: .residentID, appendedAddress: "新址")]), now: { time.now })
        #expect(Self.status(engine, .readText) == .readFailed)
        #expect(Self.status(engine, .findCard) == .findSuccess)
        #expect(Self.status(engine, .selectCard) == .success)
        #expect(Self.status(engine, .readText) == .success)
        #expect(Self.status(engine, .findCard) == .findFailed)
        #expect(Self.status(engine, .selectCard) == .selectFailed)
        #expect(Self.status(engine, .readAppendedAddress) == .success)
        engine.removeCard()
        #expect(Self.status(engine, .readAppendedAddress) == .readFailed)
        try engine.place(ScriptedCard(type: .residentID))
        #expect(Self.status(engine, .findCard) == .findSuccess)
    }
}

/// The example scripts shipped for technicians and the demo.
@Suite("shipped simulator scripts", .computeBound)
struct ShippedScriptTests {
    @Test("every example script under Devices/simulator loads")
    func examplesLoad() throws {
        let dir = RepositoryPaths.root.appendingPathComponent("Devices/simulator")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 2)
        for file in files {
            let script = try SimulatorScript.load(from: dir.appendingPathComponent(file))
            #expect(!script.cards.isEmpty, "\(file)")
        }
        let morning = try SimulatorScript.load(from: dir.appendingPathComponent("hall-morning.json"))
        #expect(morning.cards.map(\.type) == [.residentID, .residentID, .residentID, .residentID, .residencePermit, .foreignPermanentResident])
        #expect(morning.samDelays.read == .milliseconds(300))
    }
}
