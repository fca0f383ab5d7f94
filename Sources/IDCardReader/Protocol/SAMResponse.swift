/// One reader → host frame, split into its status words and data.
public struct SAMResponse: Sendable, Equatable {
    public var sw1: UInt8
    public var sw2: UInt8
    public var status: SAMStatus
    public var data: [UInt8]

    public init(sw1: UInt8 = 0, sw2: UInt8 = 0, status: SAMStatus, data: [UInt8] = []) {
        self.sw1 = sw1
        self.sw2 = sw2
        self.status = status
        self.data = data
    }

    /// Reads `SW1 SW2 SW3 DATA…`; `nil` when the body is too short to carry the status words.
    public init?(body: some Collection<UInt8>) {
        guard body.count >= 3 else { return nil }
        var it = body.makeIterator()
        sw1 = it.next()!
        sw2 = it.next()!
        status = SAMStatus(code: it.next()!)
        data = Array(body.dropFirst(3))
    }

    public var body: [UInt8] { [sw1, sw2, status.code] + data }

    /// The full frame as a reader sends it.
    public var frame: [UInt8] { SAMFrame.encode(body: body) }
}

/// The SAM's identity from `12 FF`: "05.01-20101129-0001228293-0296863149" (reference §6).
public struct SAMIdentity: Sendable, Equatable, CustomStringConvertible {
    public var raw: [UInt8]

    public init?(data: [UInt8]) {
        guard data.count >= 16 else { return nil }
        raw = Array(data.prefix(16))
    }

    /// u16LE, u16LE, u32LE, u32LE, u32LE; the serial numbers padded to 10 digits.
    public var description: String {
        func u16(_ i: Int) -> UInt32 { UInt32(raw[i]) | UInt32(raw[i + 1]) << 8 }
        func u32(_ i: Int) -> UInt32 { u16(i) | u16(i + 2) << 16 }
        func pad(_ v: UInt32, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(u16(0), 2)).\(pad(u16(2), 2))-\(pad(u32(4), 8))-\(pad(u32(8), 10))-\(pad(u32(12), 10))"
    }
}
