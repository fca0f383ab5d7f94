import KioskApp

/// The demo's hands around the host: when the identify screen asks for the card, the simulated
/// card is laid on the reader a moment later; when the kiosk asks for it to be taken, it goes.
public struct DemoPerformer: KioskEffectPerformer {
    public let host: KioskHost
    public let demo: DemoEnvironment

    public init(host: KioskHost, demo: DemoEnvironment) {
        self.host = host
        self.demo = demo
    }

    public func perform(_ effect: KioskEffect, send: @escaping @Sendable (KioskEvent) -> Void) async {
        await host.perform(effect, send: send)
        switch effect {
        case .armReader:
            if !demo.simulator.engine.isCardPresent { await demo.placeCard() }
        case .askToTakeCard, .wipe:
            if demo.simulator.engine.isCardPresent { await demo.takeCard(after: effect == .wipe ? .zero : .seconds(2)) }
        default:
            break
        }
    }
}
