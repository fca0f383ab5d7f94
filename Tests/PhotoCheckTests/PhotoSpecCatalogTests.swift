import Foundation
import KioskDomain
import PhotoCheckTesting
import KioskDomainTesting
import TestSupport
import Testing
import TestTraits
@testable import PhotoCheck

/// `Assets/photo/specs.json`: every region loads, each rule cites its sources, errors name the key.
@Suite(.computeBound) struct PhotoSpecCatalogTests {
    let url = RepositoryPaths.assets.url(PhotoSpecCatalog.assetPath)

    @Test func everyRegionLoadsWithSources() throws {
        let catalog = try PhotoSpecCatalog.load(url)
        #expect(Set(catalog.specs.keys) == ["chongqing", "sichuan", "jiangxi", "hebei", "ordos"])
        for spec in catalog.specs.values {
            #expect(!spec.sources.isEmpty && !spec.sizes.isEmpty)
            #expect(spec.fileSizeKB == 14...60)
        }
    }

    @Test func sichuanMatchesTheSeedDefault() throws {
        let sichuan = try PhotoSpecCatalog.load(url).spec(for: "sichuan", file: url.path)
        #expect(sichuan == PhotoSpec.sichuanDefault.with(title: sichuan.title, sources: sichuan.sources))
        #expect(sichuan.sources.contains { $0.contains("001_f889255f2c301235.txt:362") })
    }

    @Test func hebeiRecordsTheRedBackgroundPrint() throws {
        let hebei = try PhotoSpecCatalog.load(url).spec(for: "hebei", file: url.path)
        #expect(hebei.notes.contains { $0.contains("红底") })
        #expect(hebei.sources.contains { $0.contains("003_6bddffae0270caf7.txt:84") })
    }

    @Test func anUnknownRegionListsTheKnownOnes() throws {
        #expect(throws: DataFileError.self) { try PhotoSpecCatalog.load(url).spec(for: "atlantis", file: url.path) }
    }

    @Test func aBadValueNamesTheFileAndKey() throws {
        let dir = try RepositoryPaths.temporaryDirectory("photo-spec")
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"maxSpread\": 18", with: "\"maxSpread\": \"even\"")
        let bad = dir.appendingPathComponent("specs.json")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        do {
            _ = try PhotoSpecCatalog.load(bad)
            Issue.record("a string where a number belongs was accepted")
        } catch {
            #expect(error.file == bad.path)
            #expect(error.key.hasSuffix("background.maxSpread"))
        }
    }
}

extension PhotoSpec {
    func with(title: String, sources: [String]) -> PhotoSpec {
        var copy = self
        copy.title = title
        copy.sources = sources
        return copy
    }
}

/// The photo rules agree with the region profiles other modules plan from.
@Suite(.computeBound) struct PhotoSpecProfileTests {
    @Test func specsAgreeWithTheRegionProfiles() throws {
        let assets = RepositoryPaths.assets
        let catalog = try PhotoSpecCatalog.load(assets.url(PhotoSpecCatalog.assetPath))
        let regions = try RegionCatalog.load(from: assets)
        #expect(Set(catalog.specs.keys) == Set(regions.codes))
        for profile in regions.profiles {
            let spec = try catalog.spec(for: profile.code, file: "specs.json")
            guard let photo = PhotoSpec.electronicPhoto(in: profile) else { continue }
            if let minKB = photo.minKB { #expect(Double(minKB) == spec.fileSizeKB.lowerBound, "\(profile.code)") }
            if let maxKB = photo.maxKB { #expect(Double(maxKB) == spec.fileSizeKB.upperBound, "\(profile.code)") }
            if photo.background == "white" { #expect(spec.background.reference == [255, 255, 255]) }
        }
    }

    @Test func theProfilesFileLimitsOverrideTheSpecsFile() throws {
        let assets = RepositoryPaths.assets
        let sichuan = try #require(RegionCatalog.load(from: assets).profile("sichuan"))
        var loose = PhotoSpec.sichuanDefault
        loose.fileSizeKB = 1...500
        let overlaid = loose.overlaid(with: sichuan)
        #expect(overlaid.fileSizeKB == 14...60)
        #expect(overlaid.sources.last?.contains("regions/sichuan.json") == true)
    }
}
