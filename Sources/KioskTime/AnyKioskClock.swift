import Foundation

/// A `KioskClock` of erased type, for APIs generic over their clock (TerminalRuntime) when the
/// clock in hand is an `any KioskClock` from configuration.
public struct AnyKioskClock: KioskClock {
    public struct Instant: InstantProtocol, Sendable {
        public var offset: Swift.Duration
        public func advanced(by duration: Swift.Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Swift.Duration { other.offset - offset }
        public static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private let elapsed: @Sendable () -> Swift.Duration
    private let sleeper: @Sendable (Swift.Duration) async throws -> Void
    private let wall: @Sendable () -> Date
    public let minimumResolution: Swift.Duration

    public init(_ base: any KioskClock) {
        let parts = base.erasedParts()
        elapsed = parts.elapsed
        sleeper = parts.sleep
        wall = parts.wall
        minimumResolution = base.minimumResolution
    }

    public var now: Instant { Instant(offset: elapsed()) }
    public var wallTime: Date { wall() }

    public func sleep(until deadline: Instant, tolerance: Swift.Duration?) async throws {
        let remaining = now.duration(to: deadline)
        if remaining > .zero { try await sleeper(remaining) } else { try Task.checkCancellation() }
    }
}

extension KioskClock {
    /// The clock as closures (called on an existential, this opens it).
    fileprivate func erasedParts() -> (elapsed: @Sendable () -> Swift.Duration, sleep: @Sendable (Swift.Duration) async throws -> Void,
                                       wall: @Sendable () -> Date) {
        let start = now
        return ({ start.duration(to: self.now) }, { try await self.sleep(for: $0) }, { self.wallTime })
    }
}
