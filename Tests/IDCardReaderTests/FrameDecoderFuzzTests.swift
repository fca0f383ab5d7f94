import IDCardReader
import IDCardReaderTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import Testing
import TestTraits

/// Property tests of the incremental decoder against hostile streams: whatever arrives, it never
/// traps, never returns a frame that was not sent intact, and never holds more than `capacity`.
@Suite("SAM frame decoder under fuzzing", .computeBound)
struct FrameDecoderFuzzTests {
    /// A valid answer of random size and content.
    static func randomResponse(_ rng: inout SeededRandom) -> [UInt8] {
        let data = rng.bytes(Int.random(in: 0...300, using: &rng))
        return SAMResponse(sw1: 0, sw2: 0, status: SAMStatus(code: UInt8.random(in: 0...255, using: &rng)), data: data).frame
    }

    /// Feeds `stream` in random pieces and checks the invariants after each piece.
    static func feedInPieces(_ stream: [UInt8], _ rng: inout SeededRandom, quietAtEnd: Bool = false) -> [[UInt8]] {
        var decoder = SAMFrameDecoder.responses()
        var out: [[UInt8]] = []
        var i = 0
        while i < stream.count {
            let n = min(stream.count - i, Int.random(in: 1...97, using: &rng))
            out += decoder.feed(stream[i..<(i + n)])
            #expect(decoder.bufferedCount <= decoder.capacity)
            i += n
        }
        // The line goes quiet: a candidate still waiting for bytes is abandoned, as SAMLink does.
        if quietAtEnd { out += decoder.abandonPartialFrame() }
        return out
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    @Test("pure noise never yields a frame with a bad checksum", arguments: 0..<20)
    func randomStreams(_ seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) &* 7919)
        var stream = rng.bytes(20_000)
        // Sprinkle preambles so the length and checksum paths are exercised, not just the scan.
        for _ in 0..<200 {
            let at = Int.random(in: 0..<(stream.count - 7), using: &rng)
            stream.replaceSubrange(at..<(at + 5), with: SAMFrame.preamble)
        }
        for frame in Self.feedInPieces(stream, &rng) {
            // Anything returned must exist in the input as a complete, correctly summed frame.
            #expect(Self.contains(stream, SAMFrame.encode(body: frame)))
        }
    }

    @Test("valid frames split at every kind of boundary come out whole and in order", arguments: 0..<20)
    func splitStreams(_ seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) + 1000)
        let frames = (0..<30).map { _ in Self.randomResponse(&rng) }
        let decoded = Self.feedInPieces(frames.flatMap { $0 }, &rng)
        #expect(decoded.map { SAMFrame.encode(body: $0) } == frames)
    }

    @Test("a valid frame embedded in garbage (including false preambles) is found", arguments: 0..<30)
    func embeddedInGarbage(_ seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) + 5000)
        let frame = Self.randomResponse(&rng)
        var garbage = rng.bytes(Int.random(in: 0...3000, using: &rng))
        // A false start: a preamble with a short, impossible or checksum-failing frame.
        let falseStart = SAMFrame.preamble + [0x00, UInt8.random(in: 0...8, using: &rng)] + rng.bytes(6)
        garbage.insert(contentsOf: falseStart, at: Int.random(in: 0...garbage.count, using: &rng))
        let stream = garbage + frame + rng.bytes(Int.random(in: 0...50, using: &rng))
        let decoded = Self.feedInPieces(stream, &rng)
        #expect(decoded.contains { SAMFrame.encode(body: $0) == frame })
    }

    @Test("a false start with a huge plausible length does not hide the real frame for ever")
    func abandonHiddenFrame() {
        let real = SAMResponse(status: .success).frame
        // Preamble, LEN 0x0900 (plausible), then the real frame inside the claimed length.
        let stream = SAMFrame.preamble + [0x09, 0x00] + real
        var decoder = SAMFrameDecoder.responses()
        #expect(decoder.feed(stream).isEmpty)
        // The line goes quiet; the link gives up on the false start and rescans.
        #expect(decoder.abandonPartialFrame().map { SAMFrame.encode(body: $0) } == [real])
    }

    @Test("a truncated frame yields nothing; the next whole frame is found (at the latest when the line goes quiet)", arguments: 0..<20)
    func truncated(_ seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) + 9000)
        let cut = Self.randomResponse(&rng)
        let whole = Self.randomResponse(&rng)
        let stream = Array(cut.prefix(Int.random(in: 0..<cut.count, using: &rng))) + whole
        let decoded = Self.feedInPieces(stream, &rng, quietAtEnd: true)
        #expect(decoded.last.map { SAMFrame.encode(body: $0) } == whole)
        for frame in decoded { #expect(Self.contains(stream, SAMFrame.encode(body: frame))) }
    }

    @Test("single-bit corruption never produces a frame that was not sent", arguments: 0..<40)
    func corrupted(_ seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) + 20_000)
        let frames = (0..<5).map { _ in Self.randomResponse(&rng) }
        var stream = frames.flatMap { $0 }
        let flips = Int.random(in: 1...4, using: &rng)
        for _ in 0..<flips {
            let at = Int.random(in: 0..<stream.count, using: &rng)
            stream[at] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
        }
        for frame in Self.feedInPieces(stream, &rng) {
            #expect(Self.contains(stream, SAMFrame.encode(body: frame)))
        }
    }

    @Test("impossible lengths are rejected and counted")
    func impossibleLengths() {
        var decoder = SAMFrameDecoder.responses()
        // LEN 0 and 3 are too short for SW1 SW2 SW3 CHK; 0xFFFF exceeds any answer.
        for len: [UInt8] in [[0, 0], [0, 3], [0xFF, 0xFF]] {
            #expect(decoder.feed(SAMFrame.preamble + len + [0x90, 0x90]).isEmpty)
        }
        #expect(decoder.rejectedFrames == 3)
        #expect(decoder.feed(SAMResponse(status: .success).frame).count == 1)
    }

    @Test("megabytes of noise keep the buffer bounded")
    func boundedBuffer() {
        var rng = SeededRandom(seed: 42)
        var decoder = SAMFrameDecoder.responses()
        for _ in 0..<200 {
            _ = decoder.feed(rng.bytes(8192))
            #expect(decoder.bufferedCount <= decoder.capacity)
        }
        // One giant chunk at once, too.
        _ = decoder.feed(rng.bytes(1 << 20))
        #expect(decoder.bufferedCount <= decoder.capacity)
        #expect(decoder.discardedBytes > 1 << 20)
    }
}
