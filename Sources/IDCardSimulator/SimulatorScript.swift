import Foundation
import KioskDomain

/// A whole simulator script: the cards placed one after another and the SAM's processing
/// delays. A file may also hold a single card object (`{"type": …}`), which means one card.
///
/// ```json
/// { "cards": [ {"type": "resident", "removeAfterSeconds": 3},
///              {"type": "permit", "placeAfterSeconds": 1} ],
///   "samDelaysMs": {"read": 350} }
/// ```
public struct SimulatorScript: Sendable, Equatable {
    public var cards: [ScriptedCard]
    public var samDelays: SAMDelays

    public init(cards: [ScriptedCard], samDelays: SAMDelays = .typical) {
        self.cards = cards
        self.samDelays = samDelays
    }

    private struct Document: Decodable {
        var cards: [ScriptedCard]
        var samDelaysMs: SAMDelays.Milliseconds?
    }

    /// Loads and checks a script file; every card is built once so a bad field fails here,
    /// with the file and the key.
    public static func load(from url: URL) throws(DataFileError) -> SimulatorScript {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw DataFileError(file: url.path, key: "", expected: "a readable card script (JSON)",
                                found: (error as NSError).localizedDescription)
        }
        return try parse(data, file: url.path)
    }

    public static func parse(_ data: Data, file: String) throws(DataFileError) -> SimulatorScript {
        let script: SimulatorScript
        do {
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            if object?["type"] != nil {
                script = SimulatorScript(cards: [try JSONDecoder().decode(ScriptedCard.self, from: data)])
            } else {
                let doc = try JSONDecoder().decode(Document.self, from: data)
                script = SimulatorScript(cards: doc.cards, samDelays: doc.samDelaysMs.map(SAMDelays.init) ?? .typical)
            }
        } catch {
            throw DataFileError.from(error, file: file)
        }
        for (i, card) in script.cards.enumerated() {
            let key = "cards[\(i)]"
            _ = try card.identityCard(file: file, key: key)
            guard card.failNextReads >= 0 else {
                throw DataFileError(file: file, key: key + ".failNextReads", expected: "0 or more", found: String(card.failNextReads))
            }
            if let r = card.removeAfterSeconds, r < 0 {
                throw DataFileError(file: file, key: key + ".removeAfterSeconds", expected: "0 or more seconds", found: String(r))
            }
        }
        return script
    }
}

/// How long the SAM takes to process each command before the answer starts on the wire.
public struct SAMDelays: Sendable, Equatable {
    public var control: Duration
    public var find: Duration
    public var select: Duration
    public var read: Duration
    public var readWithFingerprint: Duration
    public var appendedAddress: Duration

    /// Plausible figures: the reference has no measured ones; openiDR200 waits 400 ms for a read.
    public static let typical = SAMDelays(control: .milliseconds(5), find: .milliseconds(15), select: .milliseconds(15),
                                          read: .milliseconds(300), readWithFingerprint: .milliseconds(450),
                                          appendedAddress: .milliseconds(20))
    /// For tests that care about sequences, not timing.
    public static let none = SAMDelays(control: .zero, find: .zero, select: .zero, read: .zero,
                                       readWithFingerprint: .zero, appendedAddress: .zero)

    public init(control: Duration, find: Duration, select: Duration, read: Duration,
                readWithFingerprint: Duration, appendedAddress: Duration) {
        self.control = control
        self.find = find
        self.select = select
        self.read = read
        self.readWithFingerprint = readWithFingerprint
        self.appendedAddress = appendedAddress
    }

    /// The JSON form, every key optional (missing ones keep `typical`).
    struct Milliseconds: Decodable {
        var control, find, select, read, readWithFingerprint, appendedAddress: Int?
    }

    init(_ ms: Milliseconds) {
        let t = SAMDelays.typical
        func d(_ v: Int?, _ fallback: Duration) -> Duration { v.map { .milliseconds($0) } ?? fallback }
        self.init(control: d(ms.control, t.control), find: d(ms.find, t.find), select: d(ms.select, t.select),
                  read: d(ms.read, t.read), readWithFingerprint: d(ms.readWithFingerprint, t.readWithFingerprint),
                  appendedAddress: d(ms.appendedAddress, t.appendedAddress))
    }
}
