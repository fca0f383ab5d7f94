import Foundation
import KioskDomain
import PhotoCheckTesting
import KioskDomainTesting
import TestSupport
import TestTraits
import Testing
@testable import PhotoCheck

/// The detector against OpenCV's `detectMultiScale` on the same pixels: faces from 12 % to 80 %
/// of the width (`AgreementPortraits`), every level the fixer (12 %) and the checker (30 %)
/// search. OpenCV's answers are in Fixtures/opencv-faces.json, written by
/// scripts/photo/opencv-face-reference.py, so the test needs no OpenCV.
///
/// Agreement is exact: the same raw windows (position, size) before grouping, and the same boxes
/// after grouping at minNeighbors 3, 4 and 5. Raw windows are compared because grouping hides
/// small differences until a cluster crosses minNeighbors — which is how a second "face" inside
/// the head appeared.
@Suite(.computeBound) struct FaceAgreementTests {
    struct Reference: Decodable {
        var opencv: String
        var scaleFactor: Double
        var rawMinFraction: Double
        var images: [Image]
    }
    struct Image: Decodable {
        var name: String
        var width: Int, height: Int
        var checksum: String
        var raw: [[Int]]
        var faces: [Grouped]
    }
    struct Grouped: Decodable {
        var minNeighbors: Int
        var minFraction: Double
        var boxes: [[Int]]
    }

    static let referenceURL = RepositoryPaths.root.appendingPathComponent("Tests/PhotoCheckTests/Fixtures/opencv-faces.json")
    static let reference: Reference = {
        do {
            return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: referenceURL))
        } catch {
            fatalError("\(referenceURL.path): expected OpenCV's reference answers (scripts/photo/opencv-face-reference.py): \(error)")
        }
    }()

    static func sorted(_ rects: [PixelRect]) -> [[Int]] {
        rects.map { [$0.x, $0.y, $0.width, $0.height] }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func theReferenceCoversTheWholeSetFrom12To80PercentOfTheWidth() {
        #expect(Self.reference.images.map(\.name) == AgreementPortraits.specs.map(\.name),
                "the agreement set changed: run scripts/photo/opencv-face-reference.py")
        let fractions = AgreementPortraits.specs.map(\.faceFraction)
        #expect(fractions.min() == 0.12 && fractions.max() == 0.80)
        #expect(Self.reference.scaleFactor == FaceDetector.Parameters().scaleFactor)
        // Every image has OpenCV's one face where the checker and the fixer look, so a
        // disagreement on the count cannot hide behind "both found nothing".
        for image in Self.reference.images {
            #expect(image.faces.contains { $0.minNeighbors == 3 && $0.boxes.count == 1 }, "\(image.name)")
        }
    }

    @Test(arguments: AgreementPortraits.specs.map(\.name))
    func theDetectorFindsTheWindowsAndFacesOpenCVFinds(_ name: String) throws {
        let spec = try #require(AgreementPortraits.specs.first { $0.name == name })
        let expected = try #require(Self.reference.images.first { $0.name == spec.name },
                                    "no reference for \(spec.name): run scripts/photo/opencv-face-reference.py")
        let gray = try AgreementPortraits.image(spec)
        try #require(AgreementPortraits.checksum(gray) == expected.checksum,
                     "\(spec.name) is not the image OpenCV saw: run scripts/photo/opencv-face-reference.py")
        let detector = PhotoTestSupport.detector
        let shorter = min(gray.width, gray.height)

        let rawParameters = FaceDetector.Parameters(minNeighbors: 0, minSize: Int(Double(shorter) * Self.reference.rawMinFraction),
                                                    maxSize: shorter)
        // minNeighbors 0: the windows before grouping, clipped to the image as OpenCV returns them.
        let raw = detector.detect(gray, parameters: rawParameters).map(\.rect)
        let rawDiff = Set(Self.sorted(raw)).symmetricDifference(Set(expected.raw))
        #expect(Self.sorted(raw) == expected.raw,
                "\(spec.name): \(raw.count) raw windows, OpenCV \(expected.raw.count); differing \(rawDiff.sorted { $0.lexicographicallyPrecedes($1) }.prefix(8))")

        // The checker's and the fixer's own search at minNeighbors 3, then 4 and 5 on the same windows.
        var checker = try PhotoTestSupport.checker()
        for grouped in expected.faces {
            let minSize = Int(Double(shorter) * grouped.minFraction)
            let found: [PixelRect]
            if grouped.minNeighbors == FaceDetector.Parameters().minNeighbors {
                checker.faceSearchMinFraction = grouped.minFraction
                found = checker.detectFaces(gray)
            } else {
                let windows = detector.windows(gray, parameters: .init(minNeighbors: 0, minSize: minSize, maxSize: shorter))
                found = RectangleGrouping.group(windows, minNeighbors: grouped.minNeighbors, eps: 0.2,
                                                imageWidth: gray.width, imageHeight: gray.height).map(\.rect)
            }
            #expect(Self.sorted(found) == grouped.boxes,
                    "\(spec.name) minNeighbors \(grouped.minNeighbors), smallest face \(minSize) px")
        }
    }
}
