// bench-reader: the two figures of the reader issue (docs/benchmarks/id-card-reader.md).
//
// 1. Host-side cost of one full read — decode the 1295-byte answer arriving in 64-byte pieces,
//    split the payload, parse the text block, validate the number, build and deliver the event —
//    against the answer's wire time at 115200 baud (1295 × 10 bits ≈ 112.4 ms).
// 2. One read end to end (find → select → read → parse → validate) through the serial
//    transport and the pty simulator with wire-time emulation, against the sum of the emulated
//    wire times and SAM delays.
//
// Run: swift build -c release --product bench-reader && .build/release/bench-reader [iterations]
import Foundation
import IDCardReader
import IDCardSimulator
import KioskDomain
import BenchSupport

let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 5000
let today = CivilDate(year: 2026, month: 11, day: 23)!
let verifier: CardVerifier
do {
    verifier = CardVerifier(divisions: try DivisionCodes.load(from: AssetDirectory.locate()))
} catch {
    FileHandle.standardError.write(Data("bench-reader: \(error)\n".utf8))
    exit(2)
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func ms(_ s: Double) -> String { String(format: "%.3f ms", s * 1000) }

/// Median of repeated timings.

// MARK: figure 1 — host-side cost

let card = try ScriptedCard(type: .residentID).identityCard()
let answer = SAMResponse(status: .success, data: ReadPayload.encode(text: CardTextEncoder.encode(card),
                                                                     photo: card.photo.bytes, fingerprint: nil)).frame
precondition(answer.count == 1295)
let wireTime = Double(answer.count * 10) / 115_200
let (events, sink) = AsyncStream.makeStream(of: ReaderEvent.self, bufferingPolicy: .bufferingNewest(1))
_ = events

func oneRead() -> Bool {
    var decoder = SAMFrameDecoder.responses()
    var body: [UInt8]?
    var i = 0
    while i < answer.count {
        let end = min(answer.count, i + 64)
        if let b = decoder.feed(answer[i..<end]).first { body = b }
        i = end
    }
    guard let body, let response = SAMResponse(body: body),
          let payload = try? ReadPayload(data: response.data, withFingerprint: false),
          let parsed = try? payload.card() else { return false }
    let reading = verifier.verify(parsed, today: today)
    sink.yield(.cardRead(reading))
    return reading.isAcceptable
}

for _ in 0..<200 { precondition(oneRead()) } // warm-up
var samples: [Double] = []
let clock = ContinuousClock()
for _ in 0..<10 {
    let n = max(1, iterations / 10)
    let t = clock.measure { for _ in 0..<n { _ = oneRead() } }
    samples.append(seconds(t) / Double(n))
}
let hostCost = median(samples)

// MARK: figure 2 — end to end through the pty simulator

func endToEnd(delays: SAMDelays, reads: Int) throws -> (measured: Double, emulated: Double) {
    let engine = try SAMReaderEngine(script: SimulatorScript(cards: [], samDelays: delays), now: SAMReaderEngine.realTime())
    let simulator = try PTYReaderSimulator(engine: engine, baud: 115_200, wireTime: true)
    simulator.start()
    defer { simulator.stop() }
    let link = SAMLink(transport: try SerialPort(path: simulator.devicePath))
    defer { link.close() }
    _ = try ReadSequence.handshake(link)
    let byte = 10.0 / 115_200
    let findWire = Double(SAMCommand.findCard.frame.count + SAMResponse(status: .findSuccess, data: [0, 0, 0, 0]).frame.count) * byte
    let selectWire = Double(SAMCommand.selectCard.frame.count + SAMResponse(status: .success, data: [UInt8](repeating: 0, count: 8)).frame.count) * byte
    let readWire = Double(SAMCommand.readText.frame.count + answer.count) * byte
    let emulated = findWire + selectWire + readWire + seconds(delays.find + delays.select + delays.read)
    var times: [Double] = []
    for _ in 0..<reads {
        try engine.place(ScriptedCard(type: .residentID))
        let t = try clock.measure {
            guard case let .read(payload) = try ReadSequence.attempt(link) else { fatalError("no card read") }
            _ = verifier.verify(try payload.card(), today: today)
        }
        times.append(seconds(t))
    }
    return (median(times), emulated)
}

let typical = try endToEnd(delays: .typical, reads: 15)
let wireOnly = try endToEnd(delays: .none, reads: 15)

print("""
| figure | measured | baseline | ratio |
|---|---|---|---|
| host-side cost of one full read (decode + parse + validate + event), median of 10 × \(iterations / 10) | \(ms(hostCost)) | wire time of 1295 bytes at 115200 baud: \(ms(wireTime)) | \(String(format: "%.4f %%", hostCost / wireTime * 100)) |
| end-to-end read via pty simulator, typical SAM delays (find \(Int(seconds(SAMDelays.typical.find) * 1000)) ms, select \(Int(seconds(SAMDelays.typical.select) * 1000)) ms, read \(Int(seconds(SAMDelays.typical.read) * 1000)) ms), median of 15 | \(ms(typical.measured)) | emulated wire + SAM: \(ms(typical.emulated)) | \(String(format: "%.3f×", typical.measured / typical.emulated)) |
| end-to-end read via pty simulator, no SAM delays (wire time only), median of 15 | \(ms(wireOnly.measured)) | emulated wire: \(ms(wireOnly.emulated)) | \(String(format: "%.3f×", wireOnly.measured / wireOnly.emulated)) |
""")
