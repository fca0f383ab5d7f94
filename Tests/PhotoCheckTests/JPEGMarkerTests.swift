import Foundation
import PhotoCheckTesting
import KioskDomainTesting
import TestSupport
import Testing
import TestTraits
@testable import PhotoCheck

/// The marker scanner reads what TurboJPEG 2.x does not expose: coding process, density, EXIF
/// orientation and the quantisation tables.
@Suite(.computeBound) struct JPEGMarkerTests {
    let image: RGBImage

    init() throws { image = try PhotoFixtures.astronaut().resized(width: 120, height: 148) }

    @Test func readsFrameAndCodingProcess() throws {
        let baseline = try JPEGMarkers.scan(TurboJPEG.encode(image))
        #expect(baseline.process == .baseline && baseline.width == 120 && baseline.height == 148 && baseline.components == 3)
        let progressive = try JPEGMarkers.scan(TurboJPEG.encode(image, options: .init(progressive: true)))
        #expect(progressive.process == .progressive)
        let gray = try JPEGMarkers.scan(TurboJPEG.encode(image, options: .init(mode: .gray)))
        #expect(gray.components == 1)
        let cmyk = try JPEGMarkers.scan(TurboJPEG.encode(image, options: .init(mode: .cmyk)))
        #expect(cmyk.components == 4 && cmyk.adobeTransform == 2)
    }

    @Test func densityIsWrittenAndRead() throws {
        let plain = try JPEGMarkers.scan(TurboJPEG.encode(image))
        #expect(plain.density?.dpi == nil)                      // TurboJPEG writes 1:1, no unit
        let set = try JPEGMarkers.scan(JFIFDensity.set(dpi: 350, in: TurboJPEG.encode(image)))
        #expect(set.density == .init(unit: 1, x: 350, y: 350))
        #expect(set.density?.dpi == 350)
    }

    @Test(arguments: 1...8)
    func exifOrientationIsRead(_ orientation: Int) throws {
        let bytes = try PhotoFixtures.encode(image, kb: 0...60, exifOrientation: orientation)
        #expect(try JPEGMarkers.scan(bytes).exifOrientation == orientation)
    }

    @Test func littleEndianEXIFIsRead() {
        var body: [UInt8] = Array("Exif".utf8) + [0, 0, 0x49, 0x49, 0x2A, 0x00, 0x08, 0, 0, 0, 0x01, 0x00]
        body += [0x12, 0x01, 0x03, 0x00, 0x01, 0, 0, 0, 0x08, 0x00, 0, 0, 0, 0, 0, 0]
        #expect(ExifOrientation.read(app1: body[...]) == 8)
        #expect(ExifOrientation.read(app1: body.prefix(15)) == nil)   // truncated IFD
    }

    @Test(arguments: [30, 50, 70, 85, 95])
    func qualityIsEstimatedFromTheTables(_ quality: Int) throws {
        let markers = try JPEGMarkers.scan(TurboJPEG.encode(image, options: .init(quality: quality)))
        let slot = try #require(markers.lumaTableSlot)
        let table = try #require(markers.quantTables[slot])
        let estimate = try #require(JPEGQuality.estimate(lumaTable: table))
        #expect(abs(estimate - quality) <= 2, "estimated \(estimate) for \(quality)")
    }

    @Test func orientationRoundTrips() {
        for o in 1...8 {
            #expect(image.storedForOrientation(o).applyingOrientation(o) == image)
        }
    }

    @Test func nonJPEGAndDamagedHeadersThrow() throws {
        #expect(throws: JPEGMarkerError.self) { try JPEGMarkers.scan([]) }
        #expect(throws: JPEGMarkerError.self) { try JPEGMarkers.scan(Array("GIF89a....".utf8)) }
        let bytes = try TurboJPEG.encode(image)
        #expect(throws: JPEGMarkerError.self) { try JPEGMarkers.scan(Array(bytes.prefix(40))) }
    }
}
