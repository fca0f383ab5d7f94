import Foundation
import PhotoCheckTesting
import KioskDomainTesting
import TestSupport
import TestTraits
import Testing
@testable import PhotoCheck

/// The fixer repairs mechanical problems and refuses the rest.
@Suite(.computeBound) struct PhotoFixerTests {
    @Test func oversizedProgressiveWronglySizedPhotoIsFixed() throws {
        let input = try PhotoFixtures.oversizedProgressive()
        let checker = try PhotoTestSupport.checker()
        let before = checker.check(input, file: "oversized")
        #expect(before.verdict == .refused)
        #expect(PhotoTestSupport.failedCodes(before).isSuperset(of: [.fileSize, .baseline, .pixelSize]))

        let outcome = PhotoFixer(checker: checker).fix(input, file: "oversized")
        let fixed = try #require(outcome.data, "blocking \(outcome.blocking), after \(outcome.output?.failures ?? [])")
        let after = checker.check(fixed, file: "fixed")
        #expect(after.verdict == .accepted)
        #expect(after.failures.isEmpty, "\(after.failures)")
        let markers = try JPEGMarkers.scan(fixed)
        #expect(markers.width == 358 && markers.height == 441 && markers.process == .baseline)
        #expect(markers.density?.dpi == 350)
    }

    @Test func aRotatedPhotoIsTurnedUpright() throws {
        let outcome = PhotoFixer(checker: try PhotoTestSupport.checker())
            .fix(try PhotoFixtures.bytes(.rotatedEXIF), file: "rotated")
        let fixed = try #require(outcome.data)
        #expect(try JPEGMarkers.scan(fixed).exifOrientation == nil)
        #expect(try PhotoTestSupport.checker().check(fixed, file: "fixed").verdict == .accepted)
    }

    @Test(arguments: [PhotoFixtures.Case.blueBackground, .faceCovered, .dark, .blurred, .gray, .truncated])
    func refusesToFixWhatNeedsANewPhoto(_ fixture: PhotoFixtures.Case) throws {
        let outcome = PhotoFixer(checker: try PhotoTestSupport.checker()).fix(try PhotoFixtures.bytes(fixture), file: "x")
        #expect(outcome.data == nil)
        #expect(!outcome.fixed)
        if fixture != .truncated {
            #expect(Set(outcome.blocking.map(\.code)) == PhotoFixtures.expectedFailures(fixture).filter { !$0.isFixable })
        }
    }
}
