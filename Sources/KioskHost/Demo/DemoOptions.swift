import Foundation

/// What a demo (or a test driving the real `kioskd --demo`) may change about the demo world.
public struct DemoOptions: Sendable, Equatable {
    /// Item codes the embedded central-sim always refuses (to show a 不予受理 on demand).
    public var refuseItems: Set<String> = []
    /// Share of items refused at random.
    public var refusalRate = 0.1
    /// The network is down: the kiosk's client points at a closed loopback port, so filing
    /// queues in the outbox and a progress query falls back on the store.
    public var offline = false

    public init() {}

    /// Where the kiosk's client goes when `offline`: the discard port on loopback, nobody listens.
    static let unreachable = URL(string: "http://127.0.0.1:9")!
}
