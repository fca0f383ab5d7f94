// bench-photo: times PhotoCheck's full check (decode + every check + face detection) on files,
// for scripts/bench/photo-check.sh, which runs the Python/OpenCV baseline on the same files.
//
//   bench-photo fixtures DIR               write the benchmark photo set (the test fixtures)
//   bench-photo agreement-set DIR          write the detector agreement images (PGM) for
//                                          scripts/photo/opencv-face-reference.py
//   bench-photo run [--repeat N] [--min-fraction F] FILE...
//       one JSON document: per-file median time, faces, peak RSS; F = smallest face searched
//       as a fraction of the shorter side (default 0.3, as in the checks)
import Foundation
import KioskTesting
import PhotoCheck
import BenchSupport

func fail(_ text: String) -> Never {
    FileHandle.standardError.write(Data(("bench-photo: " + text + "\n").utf8))
    exit(2)
}

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}


func peakRSSKilobytes() -> Int {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss)
}

struct FileResult: Encodable {
    var file: String
    var verdict: String
    var medianMs: Double
    var detectMedianMs: Double
    var faces: [[Int]]
}
struct RunResult: Encodable {
    var implementation = "PhotoCheck (Swift, TurboJPEG, own Haar evaluator)"
    var repeatCount: Int
    var cascadeLoadMs: Double
    var files: [FileResult]
    var peakRSSKB: Int
}

var args = Array(CommandLine.arguments.dropFirst())
guard let mode = args.first else { fail("usage: bench-photo fixtures DIR | agreement-set DIR | run [--repeat N] FILE...") }
args.removeFirst()

switch mode {
case "fixtures":
    guard let dir = args.first else { fail("fixtures needs a directory") }
    do {
        for url in try PhotoFixtures.write(to: URL(fileURLWithPath: dir)) { print(url.path) }
    } catch {
        fail("cannot write fixtures: \(error)")
    }
case "agreement-set":
    guard let dir = args.first else { fail("agreement-set needs a directory") }
    do {
        for url in try AgreementPortraits.write(to: URL(fileURLWithPath: dir)) { print(url.path) }
    } catch {
        fail("cannot write the agreement set: \(error)")
    }
case "run":
    var repeatCount = 50
    if let i = args.firstIndex(of: "--repeat"), i + 1 < args.count, let n = Int(args[i + 1]) {
        repeatCount = n
        args.removeSubrange(i...(i + 1))
    }
    var minFraction: Double?
    if let i = args.firstIndex(of: "--min-fraction"), i + 1 < args.count, let f = Double(args[i + 1]) {
        minFraction = f
        args.removeSubrange(i...(i + 1))
    }
    let clock = ContinuousClock()
    let start = clock.now
    var checker: PhotoChecker
    do {
        checker = try PhotoCheckSetup.checker(region: "sichuan",
                                              specsFile: RepositoryPaths.assets.url(PhotoSpecCatalog.assetPath).path)
    } catch {
        fail("\(error)")
    }
    let cascadeLoad = milliseconds(clock.now - start)
    if let minFraction { checker.faceSearchMinFraction = minFraction }
    var results: [FileResult] = []
    for path in args {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        let bytes = [UInt8](data)
        var report = checker.check(bytes, file: path)           // warm-up
        var times: [Double] = [], detectTimes: [Double] = []
        let luma = (try? TurboJPEG.decodeRGB(bytes))?.luma()
        for _ in 0..<repeatCount {
            let t0 = clock.now
            report = checker.check(bytes, file: path)
            times.append(milliseconds(clock.now - t0))
            if let luma {
                let t1 = clock.now
                _ = checker.detectFaces(luma)
                detectTimes.append(milliseconds(clock.now - t1))
            }
        }
        results.append(FileResult(file: URL(fileURLWithPath: path).lastPathComponent, verdict: report.verdict.rawValue,
                                  medianMs: median(times), detectMedianMs: median(detectTimes),
                                  faces: report.faces.map { [$0.x, $0.y, $0.width, $0.height] }))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let output = RunResult(repeatCount: repeatCount, cascadeLoadMs: cascadeLoad, files: results, peakRSSKB: peakRSSKilobytes())
    print(String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self))
default:
    fail("unknown mode \(mode)")
}
