import Foundation
import KioskDomain
import PhotoCheckTesting
import KioskDomainTesting
import TestSupport
import Testing
import TestTraits
@testable import PhotoCheck

/// The Viola–Jones detector against the real cascade and a real face.
@Suite(.computeBound) struct FaceDetectorTests {
    @Test func theOpenCVCascadeIsParsedCompletely() {
        let c = PhotoTestSupport.cascade
        #expect(c.windowWidth == 24 && c.windowHeight == 24)
        #expect(c.stages.count == 25)
        #expect(c.stages.map(\.stumps.count).reduce(0, +) == 2913)
        #expect(c.features.count == 2913)
        #expect(c.stages.first?.stumps.count == 9)
    }

    @Test func findsTheOneFaceWhereOpenCVFindsIt() throws {
        let gray = try PhotoFixtures.astronaut().luma()
        let faces = PhotoTestSupport.detector.detect(gray, parameters: .init(minSize: 100))
        #expect(faces.count == 1)
        // OpenCV 4.14 detectMultiScale(scaleFactor 1.1, minNeighbors 3, minSize 100) on the same
        // file: [74, 133, 207, 207] (scripts/bench/photo_check_bench.py prints it).
        let opencv = PixelRect(x: 74, y: 133, width: 207, height: 207)
        #expect(try #require(faces.first).rect.iou(opencv) >= 0.5)
    }

    @Test func aBlankImageHasNoFace() {
        let white = GrayImage(width: 200, height: 240, pixels: [UInt8](repeating: 250, count: 200 * 240))
        #expect(PhotoTestSupport.detector.detect(white).isEmpty)
    }

    @Test func groupingMergesNeighboursAndDropsLoneWindows() {
        let cluster = (0..<5).map { PixelRect(x: 100 + $0, y: 100 + $0, width: 50, height: 50) }
        let lone = PixelRect(x: 10, y: 10, width: 30, height: 30)
        let grouped = RectangleGrouping.group(cluster + [lone], minNeighbors: 3, eps: 0.2)
        #expect(grouped.count == 1)
        #expect(grouped.first?.rect == PixelRect(x: 102, y: 102, width: 50, height: 50))
        #expect(grouped.first?.neighbours == 5)
    }

    @Test func aDamagedCascadeNamesTheFileAndElement() {
        let xml = """
        <?xml version="1.0"?><opencv_storage><cascade><stageType>BOOST</stageType>
        <featureType>HAAR</featureType><height>24</height><width>24</width><stages><_>
        <stageThreshold>-1.0</stageThreshold><weakClassifiers><_><internalNodes>0 -1 7</internalNodes>
        <leafValues>1 -1</leafValues></_></weakClassifiers></_></stages><features></features></cascade></opencv_storage>
        """
        #expect(throws: DataFileError.self) { try HaarCascade.parse(Data(xml.utf8), file: "broken.xml") }
        do {
            _ = try HaarCascade.parse(Data(xml.utf8), file: "broken.xml")
        } catch {
            #expect(error.file == "broken.xml" && error.key.contains("internalNodes"))
        }
        #expect(throws: DataFileError.self) { try HaarCascade.load(path: "/nonexistent/cascade.xml") }
    }
}
