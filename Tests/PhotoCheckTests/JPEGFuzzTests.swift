import KioskTime
import Foundation
import PhotoCheckTesting
import KioskDomainTesting
import TestSupport
import TestTraits
import Testing
@testable import PhotoCheck

/// Thousands of damaged JPEGs: every one gets a verdict or "unreadable" — no crash, no hang, no
/// unbounded allocation. The generator is seeded, so a failure is reproducible.
@Suite(.computeBound) struct JPEGFuzzTests {
    typealias Random = SeededRandom

    enum Mutation: CaseIterable { case bitFlips, truncate, markerLength, markerType, frameSize, insertBytes, dropEOI }

    static func mutate(_ base: [UInt8], _ kind: Mutation, _ rng: inout Random) -> [UInt8] {
        var b = base
        let markers = (0..<(b.count - 1)).filter { b[$0] == 0xFF && b[$0 + 1] != 0 && b[$0 + 1] != 0xFF }
        switch kind {
        case .bitFlips:
            for _ in 0...rng.below(24) { b[rng.below(b.count)] ^= UInt8(1 << rng.below(8)) }
        case .truncate:
            b = Array(b.prefix(rng.below(b.count)))
        case .markerLength:
            let m = markers[rng.below(markers.count)]
            if m + 3 < b.count { b[m + 2] = UInt8(rng.below(256)); b[m + 3] = UInt8(rng.below(256)) }
        case .markerType:
            let m = markers[rng.below(markers.count)]
            b[m + 1] = UInt8(0xC0 + rng.below(64))
        case .frameSize:
            // Claim a huge or zero frame: the decoder must refuse before allocating.
            if let sof = markers.first(where: { b[$0 + 1] == 0xC0 || b[$0 + 1] == 0xC2 }), sof + 8 < b.count {
                for k in 5...8 { b[sof + k] = UInt8(rng.below(256)) }
            }
        case .insertBytes:
            let at = rng.below(b.count)
            b.insert(contentsOf: (0..<(1 + rng.below(16))).map { _ in UInt8(rng.below(256)) }, at: at)
        case .dropEOI:
            b = Array(b.dropLast(2 + rng.below(64)))
        }
        return b
    }

    @Test func thousandsOfMutatedJPEGsGetAVerdict() throws {
        let checker = try PhotoTestSupport.checker()
        let base = try PhotoFixtures.astronaut()
        // Small photos keep the run short; the full-size ones keep the real layout in play.
        let small = base.resized(width: 90, height: 110)
        let seeds = [try TurboJPEG.encode(small), try TurboJPEG.encode(small, options: .init(progressive: true)),
                     try TurboJPEG.encode(small, options: .init(mode: .gray)),
                     try TurboJPEG.encode(small, options: .init(mode: .cmyk)),
                     try PhotoFixtures.encode(small, kb: 0...60, exifOrientation: 6)]
        var rng = Random(seed: 0x5EED_0004)
        var verdicts: [PhotoReport.Verdict: Int] = [:]
        for i in 0..<3000 {
            let seed = seeds[i % seeds.count]
            let kind = Mutation.allCases[rng.below(Mutation.allCases.count)]
            let report = checker.check(Self.mutate(seed, kind, &rng), file: "fuzz-\(i)")
            verdicts[report.verdict, default: 0] += 1
            if report.verdict == .unreadable {
                #expect(report.result(.decode)?.status == .fail)
            } else {
                #expect(report.result(.decode)?.status == .pass)
                #expect(report.checks.count == CheckCode.allCases.count)
            }
        }
        // Both outcomes occur: the mutations are neither all harmless nor all fatal.
        #expect((verdicts[.unreadable] ?? 0) > 100)
        #expect((verdicts[.refused] ?? 0) + (verdicts[.accepted] ?? 0) > 100)
    }

    @Test func fullSizeMutationsGetAVerdict() throws {
        let checker = try PhotoTestSupport.checker()
        let good = try PhotoFixtures.astronautBytes()
        var rng = Random(seed: 0xFACE)
        for i in 0..<150 {
            let kind = Mutation.allCases[i % Mutation.allCases.count]
            let report = checker.check(Self.mutate(good, kind, &rng), file: "fuzz-full-\(i)")
            #expect(report.verdict == .unreadable ? report.result(.decode)?.status == .fail : report.checks.count == CheckCode.allCases.count)
        }
    }

    @Test(arguments: [(1, 1), (2, 3), (8, 8), (25, 3), (3, 40)])
    func tinyImagesGetAVerdict(_ size: (Int, Int)) throws {
        let image = RGBImage(width: size.0, height: size.1, fill: (200, 120, 90))
        let report = try PhotoTestSupport.checker().check(TurboJPEG.encode(image), file: "tiny")
        #expect(report.verdict == .refused)
        #expect(report.result(.pixelSize)?.status == .fail)
    }

    @Test func aMissingFileIsUnreadableAndSaysSo() throws {
        let report = try PhotoTestSupport.checker().checkFile("/nonexistent/photo.jpg")
        #expect(report.verdict == .unreadable)
        #expect(report.result(.decode)?.measured.contains("not found") == true)
    }

    @Test func aHugeFrameIsRefusedBeforeAnyAllocation() throws {
        var bytes = try TurboJPEG.encode(PhotoFixtures.astronaut().resized(width: 64, height: 80))
        let sof = try #require((0..<(bytes.count - 1)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes[sof + 5] = 0xEA; bytes[sof + 6] = 0x60     // height 60000
        bytes[sof + 7] = 0xEA; bytes[sof + 8] = 0x60     // width 60000
        #expect(throws: TurboJPEG.DecodeError.self) { try TurboJPEG.decodeRGB(bytes) }
        do { _ = try TurboJPEG.decodeRGB(bytes) } catch { #expect(error.kind == .tooLarge) }
        let report = try PhotoTestSupport.checker().check(bytes, file: "huge")
        #expect(report.verdict == .unreadable)
    }

    @Test func aProgressiveFileWithThousandsOfScansIsRefused() throws {
        // Repeat the scans of a progressive file 600 times: a decoder that follows every scan
        // would spend minutes; the scan limit and stop-on-warning end it at once.
        let bytes = try TurboJPEG.encode(PhotoFixtures.astronaut().resized(width: 64, height: 80),
                                         options: .init(progressive: true))
        let firstScan = try #require((0..<(bytes.count - 1)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xDA })
        // Everything from the first SOS to EOI (scans and the tables between them) is repeated.
        let scans = Array(bytes[firstScan..<(bytes.count - 2)])
        var bomb = Array(bytes[..<firstScan])
        for _ in 0..<600 { bomb += scans }
        bomb += [0xFF, 0xD9]
        #expect(throws: TurboJPEG.DecodeError.self) { try TurboJPEG.decodeRGB(bomb) }
        let report = try PhotoTestSupport.checker().check(bomb, file: "scan-bomb")
        #expect(report.verdict == .unreadable)
    }

    @Test func memoryStaysBoundedAcrossTheFuzzRun() throws {
        // The decoder refuses frames above its pixel limit, so the process high-water mark stays
        // far below what a 60000×60000 decode would need (10 GB).
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        #expect(usage.ru_maxrss < 1_500_000)   // kilobytes
    }
}
