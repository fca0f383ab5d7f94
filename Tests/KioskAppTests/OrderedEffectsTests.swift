import Foundation
import KioskApp
import KioskTime
import Synchronization
import TerminalUI
import Testing
import TestTraits

/// The card's and the reader's effects reach the host one at a time, in the reducer's order,
/// however long one of them takes: an arm held up must not let the disarm after it run first.
@Suite(.computeBound) struct OrderedEffectsTests {
    /// Records what it performs; the first arm waits until the test opens the gate.
    final class HeldWorld: KioskEffectPerformer {
        let performed = Mutex<[KioskEffect]>([])
        let gate: AsyncStream<Void>
        let open: AsyncStream<Void>.Continuation

        init() { (gate, open) = AsyncStream.makeStream(of: Void.self) }

        func perform(_ effect: KioskEffect, send: @escaping @Sendable (KioskEvent) -> Void) async {
            let first = performed.withLock { list in
                list.append(effect)
                return list.count == 1
            }
            if first, effect == .armReader {
                for await _ in gate { break }
            }
        }

        var list: [KioskEffect] { performed.withLock { $0 } }
    }

    /// Waits (real time, bounded) until `world` has performed `count` effects.
    private func performed(_ world: HeldWorld, count: Int) async -> [KioskEffect] {
        let real = SystemClock()
        let end = real.now.advanced(by: .seconds(10))
        while world.list.count < count, real.now < end { try? await real.sleep(for: .milliseconds(2)) }
        return world.list
    }

    @Test func readerEffectsArePerformedInTheReducersOrder() async throws {
        let context = try JourneyReducerTests.context()
        let world = HeldWorld()
        let program = KioskProgram(context: context, performer: world)
        var model = JourneyState(now: JourneyReducerTests.morning)
        // Identify, keypad, back to identify, back home: arm, disarm, arm, disarm + wipe.
        let events: [KioskEvent] = [.start, .manualEntry, .back, .back]
        var expected = JourneyReducerTests.Run(context)
        var wanted: [KioskEffect] = []
        for event in events {
            _ = program.update(&model, with: event)
            wanted += expected.send(event).filter { [.armReader, .disarmReader, .askToTakeCard, .wipe].contains($0) }
        }
        #expect(wanted.starts(with: [.armReader, .disarmReader, .armReader]), "the walk arms, disarms and arms again")
        #expect(wanted.last == .wipe)

        // The first arm is held: nothing after it may start.
        #expect(await performed(world, count: 1) == [.armReader])
        for _ in 0..<50 { await Task.yield() }
        try? await SystemClock().sleep(for: .milliseconds(50))
        #expect(world.list == [.armReader], "the disarm queued behind the held arm did not run first")

        world.open.yield()
        #expect(await performed(world, count: wanted.count) == wanted)
    }
}
