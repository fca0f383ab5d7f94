/// Reassembles SAM frames from bytes that arrive in arbitrary pieces (a serial line delivers a
/// 1295-byte answer in dozens of reads; noise and a half-sent frame precede it after a replug).
///
/// Garbage before a preamble is dropped. A frame whose length is impossible or whose checksum is
/// wrong is rejected, and the search resumes one byte after its preamble, so a real frame hidden
/// behind a false start is still found. The buffer never holds more than one largest frame
/// (`capacity`), whatever the input: nothing on the wire can make the decoder grow without bound.
public struct SAMFrameDecoder: Sendable {
    /// Smallest and largest acceptable `LEN` values.
    public let lengthRange: ClosedRange<Int>
    /// The most bytes ever held between calls.
    public var capacity: Int { SAMFrame.headerLength + lengthRange.upperBound }

    private var buffer: [UInt8] = []
    /// Bytes dropped because they could not belong to a frame (noise, rejected frames' preambles).
    public private(set) var discardedBytes = 0
    /// Candidate frames refused for an impossible length or a wrong checksum.
    public private(set) var rejectedFrames = 0

    /// A decoder for answers from a reader (`SW1 SW2 SW3 CHK` at least, fingerprint reads at most).
    public static func responses() -> SAMFrameDecoder {
        SAMFrameDecoder(lengthRange: 4...SAMFrame.largestResponseLength)
    }

    /// A decoder for commands from a host (the simulator's side).
    public static func commands() -> SAMFrameDecoder {
        SAMFrameDecoder(lengthRange: 3...SAMFrame.largestCommandLength)
    }

    public init(lengthRange: ClosedRange<Int>) {
        precondition(lengthRange.lowerBound >= 1 && lengthRange.upperBound <= 0xFFFF)
        self.lengthRange = lengthRange
        buffer.reserveCapacity(SAMFrame.headerLength + lengthRange.upperBound)
    }

    /// Bytes held waiting for the rest of a frame.
    public var bufferedCount: Int { buffer.count }

    /// Adds bytes and returns the bodies (between `LEN` and `CHK`) of every frame they complete,
    /// in order. Every returned body passed the length and checksum checks.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [[UInt8]] {
        var frames: [[UInt8]] = []
        var rest = bytes[...]
        repeat {
            let room = max(1, capacity - buffer.count)
            buffer.append(contentsOf: rest.prefix(room))
            rest = rest.dropFirst(room)
            extract(into: &frames)
        } while !rest.isEmpty
        return frames
    }

    /// Gives up on the frame being assembled (the line went quiet before it completed) and looks
    /// for another preamble inside what was received; returns any frame found there.
    /// Every incomplete candidate is dead once the line is quiet, so this keeps rescanning until
    /// only complete frames and non-preamble bytes have been consumed.
    public mutating func abandonPartialFrame() -> [[UInt8]] {
        var frames: [[UInt8]] = []
        while buffer.starts(with: SAMFrame.preamble) {
            rejectedFrames += 1
            discard(1)
            extract(into: &frames)
        }
        return frames
    }

    /// Drops everything held (a new command starts a new exchange).
    public mutating func reset() {
        discardedBytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func extract(into frames: inout [[UInt8]]) {
        var start = 0
        defer { if start > 0 { buffer.removeFirst(start) } }
        while true {
            guard let p = findPreamble(from: start) else {
                // Keep a tail that may be the beginning of a preamble split across reads.
                let keep = preamblePrefixSuffix(from: start)
                discardedBytes += buffer.count - start - keep
                start = buffer.count - keep
                return
            }
            discardedBytes += p - start
            start = p
            let available = buffer.count - p
            guard available >= SAMFrame.headerLength else { return }
            let length = Int(buffer[p + 5]) << 8 | Int(buffer[p + 6])
            guard lengthRange.contains(length) else {
                reject(&start)
                continue
            }
            let total = SAMFrame.headerLength + length
            guard available >= total else { return }
            var x: UInt8 = 0
            for i in (p + 5)..<(p + total - 1) { x ^= buffer[i] }
            guard x == buffer[p + total - 1] else {
                reject(&start)
                continue
            }
            frames.append(Array(buffer[(p + SAMFrame.headerLength)..<(p + total - 1)]))
            start = p + total
        }
    }

    private mutating func reject(_ start: inout Int) {
        rejectedFrames += 1
        discardedBytes += 1
        start += 1
    }

    private mutating func discard(_ n: Int) {
        discardedBytes += n
        buffer.removeFirst(n)
    }

    private func findPreamble(from start: Int) -> Int? {
        let pre = SAMFrame.preamble
        var i = start
        let last = buffer.count - pre.count
        while i <= last {
            if buffer[i] == 0xAA, buffer[i + 1] == 0xAA, buffer[i + 2] == 0xAA, buffer[i + 3] == 0x96, buffer[i + 4] == 0x69 {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Length of the longest suffix of `buffer[start...]` that is a proper prefix of the preamble.
    private func preamblePrefixSuffix(from start: Int) -> Int {
        let pre = SAMFrame.preamble
        let available = buffer.count - start
        var k = min(pre.count - 1, available)
        while k > 0 {
            if buffer[(buffer.count - k)...].elementsEqual(pre[0..<k]) { return k }
            k -= 1
        }
        return 0
    }
}
