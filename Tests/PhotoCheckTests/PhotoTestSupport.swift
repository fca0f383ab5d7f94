import Foundation
import KioskDomain
import PhotoCheckTesting
import KioskDomainTesting
import TestSupport
@testable import PhotoCheck

/// The cascade is parsed once per test process (930 KB of XML) and shared by every test.
enum PhotoTestSupport {
    static let cascade: HaarCascade = {
        do {
            return try HaarCascade.load(path: HaarCascade.resolvedPath())
        } catch {
            fatalError("the Haar cascade from opencv-data is required for these tests: \(error)")
        }
    }()
    static let detector = FaceDetector(cascade: cascade)

    /// The checker the kiosk uses for Sichuan, built from the shipped Assets/photo/specs.json.
    static func checker(region: String = "sichuan") throws -> PhotoChecker {
        let url = RepositoryPaths.assets.url(PhotoSpecCatalog.assetPath)
        let spec = try PhotoSpecCatalog.load(url).spec(for: region, file: url.path)
        return PhotoChecker(spec: spec, detector: detector)
    }

    static func failedCodes(_ report: PhotoReport) -> Set<CheckCode> { Set(report.failures.map(\.code)) }
}
