/// The one statistics helper of the benchmarks: every figure in docs/benchmarks is a median or a
/// nearest-rank percentile computed here, the same way, so figures from different benches compare.
public struct Samples: Sendable {
    public private(set) var sorted: [Double]

    public init<S: Sequence>(_ values: S) where S.Element == Double {
        sorted = values.sorted()
    }

    /// Samples of durations, in seconds.
    public init<S: Sequence>(durations: S) where S.Element == Duration {
        self.init(durations.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 })
    }

    public var count: Int { sorted.count }
    public var isEmpty: Bool { sorted.isEmpty }

    /// The nearest-rank percentile (p in 0…1): the smallest sample with at least p of the samples
    /// at or below it. p = 0.5 is the median (the lower middle for an even count).
    public func percentile(_ p: Double) -> Double {
        precondition(!sorted.isEmpty, "no samples")
        let rank = Int((Double(sorted.count) * p).rounded(.up))
        return sorted[Swift.min(sorted.count - 1, Swift.max(0, rank - 1))]
    }

    public var median: Double { percentile(0.5) }
    public var min: Double { sorted.first! }
    public var max: Double { sorted.last! }
    public var mean: Double { sorted.reduce(0, +) / Double(sorted.count) }
}

/// Median of plain values (shorthand for the common case).
public func median(_ values: [Double]) -> Double { Samples(values).median }

/// Median of durations.
public func median(_ values: [Duration]) -> Duration {
    values.sorted()[Swift.max(0, Int((Double(values.count) * 0.5).rounded(.up)) - 1)]
}
