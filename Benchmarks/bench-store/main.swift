// bench-store: commit latency of a confirmed case with the durable setting (synchronous=FULL)
// against the same insert with the WAL default (synchronous=NORMAL) as the baseline, in the same
// run, interleaved case by case so both see the same disk and load.
//
// Usage: bench-store [--cases N] [--dir DIRECTORY] [--keep]
// `--keep` leaves the durable store (and its key) in place and prints its paths, so `kioskctl
// cases list --db … --key …` can be tried on realistic data.
// The directory must be on the disk the terminal uses (not tmpfs, where fsync costs nothing).
import Foundation
import KioskDomain
@_spi(Benchmark) import KioskStore
import KioskTesting
import BenchSupport

struct Options {
    var cases = 300
    var directory = FileManager.default.currentDirectoryPath + "/.build/bench-store-data"
    var keep = false

    init(_ arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--cases":
                guard let value = iterator.next().flatMap(Int.init), value >= 10 else { throw Usage("--cases expects a number ≥ 10") }
                cases = value
            case "--dir":
                guard let value = iterator.next() else { throw Usage("--dir expects a directory") }
                directory = value
            case "--keep":
                keep = true
            default:
                throw Usage("unknown argument \(argument); usage: bench-store [--cases N] [--dir DIRECTORY] [--keep]")
            }
        }
    }
}

struct Usage: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}


func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func run() async throws {
    let options = try Options(CommandLine.arguments)
    let root = URL(fileURLWithPath: options.directory).appendingPathComponent("run-\(getpid())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer {
        if options.keep {
            print("kept: --db \(root.path)/full.sqlite --key \(root.path)/full.key")
        } else {
            try? FileManager.default.removeItem(at: root)
        }
    }
    func open(_ name: String) throws -> CaseStore {
        try CaseStore(configuration: StoreConfiguration(databasePath: root.appendingPathComponent("\(name).sqlite").path,
                                                        keyFilePath: root.appendingPathComponent("\(name).key").path))
    }
    let durable = try open("full"), baseline = try open("normal")
    let clock = ContinuousClock()
    var full: [Double] = [], normal: [Double] = []
    let warmup = 10
    for index in 0..<(options.cases + warmup) {
        // The same realistic case (bank account, 2 KB photo) into each store, alternating which goes first.
        let filed = CaseFixtures.withBankAccountAndPhoto(index: index)
        let order: [(CaseStore, CommitDurability)] = index % 2 == 0 ? [(durable, .full), (baseline, .normal)]
                                                                       : [(baseline, .normal), (durable, .full)]
        for (store, durability) in order {
            let elapsed = try await clock.measure { try await store.confirm(filed, durability: durability) }
            guard index >= warmup else { continue }
            if durability == .full { full.append(milliseconds(elapsed)) } else { normal.append(milliseconds(elapsed)) }
        }
    }
    full.sort()
    normal.sort()
    func row(_ name: String, _ values: [Double]) -> String {
        let mean = values.reduce(0, +) / Double(values.count)
        return String(format: "| %@ | %d | %.2f | %.2f | %.2f | %.2f |", name, values.count,
                      Samples(values).percentile(0.50), Samples(values).percentile(0.90), Samples(values).percentile(0.99), mean)
    }
    print("bench-store: \(options.cases) confirmed cases per setting (after \(warmup) warm-up), directory \(options.directory)")
    print("| commit | cases | p50 ms | p90 ms | p99 ms | mean ms |")
    print("|---|---|---|---|---|---|")
    print(row("synchronous=FULL (durable, used)", full))
    print(row("synchronous=NORMAL (baseline)", normal))
    print(String(format: "ratio FULL/NORMAL: p50 %.2f×, p99 %.2f×",
                 Samples(full).median / Samples(normal).median, Samples(full).percentile(0.99) / Samples(normal).percentile(0.99)))
    try await benchLookup(durable, cases: options.cases + warmup)
}

/// 补打 and the progress view find the veteran's own cases: the keyed lookup tag through its
/// index, against the baseline of opening the newest cases one by one and comparing the number
/// (how the lookup worked before the tag, up to 500 cases), in the same store and run. The
/// veteran has no case here, the common first visit: both must look at everything they cover.
func benchLookup(_ store: CaseStore, cases: Int) async throws {
    let clock = ContinuousClock()
    let stranger = "110101199003071234"
    let newest = try await store.caseSummaries(limit: min(cases, 500)).map(\.id)
    var indexed: [Double] = [], opened: [Double] = []
    for round in 0..<7 {
        let tagged = try await clock.measure {
            for _ in 0..<20 { _ = try await store.applicantCases(idNumber: stranger, limit: 10) }
        }
        let scanned = try await clock.measure {
            var found = 0
            for id in newest where try await store.loadCase(id: id).applicant.idNumber == stranger { found += 1 }
            precondition(found == 0)
        }
        guard round > 0 else { continue }
        indexed.append(milliseconds(tagged) / 20)
        opened.append(milliseconds(scanned))
    }
    print("lookup of a veteran's cases among \(cases) (median of 6 rounds):")
    print(String(format: "| keyed tag, indexed (used) | %.3f ms |\n| open the newest %d and compare (baseline) | %.1f ms |\nratio baseline/indexed: %.0f×",
                 Samples(indexed).median, newest.count, Samples(opened).median, Samples(opened).median / Samples(indexed).median))
}

do {
    try await run()
} catch {
    FileHandle.standardError.write(Data("bench-store: \(error)\n".utf8))
    exit(2)
}
