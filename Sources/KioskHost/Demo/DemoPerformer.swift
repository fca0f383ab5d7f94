import KioskApp

/// The demo's hands around the host: when a card prompt asks for the card, the simulated card
/// is laid on the reader a moment later; when the kiosk asks for it to be taken, it goes
/// (`DemoHand`, which never waits here: the flow performs these effects in order, one at a time).
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
            await demo.hand.offer()
        case .askToTakeCard:
            await demo.hand.withdraw(after: .seconds(2), reason: "take")
        case .wipe:
            await demo.hand.withdraw(after: .zero, reason: "wipe")
        default:
            break
        }
    }
}
