import Foundation
import KioskApp
import PhotoCheck

/// The photo step's hands: the configured folder (the camera's capture folder or a USB stick),
/// newest first; each chosen photo checked against the region's rules, and fixed on request.
public struct PhotoDesk: Sendable {
    public let folder: URL
    public let checker: PhotoChecker

    public init(folder: URL, checker: PhotoChecker) {
        self.folder = folder
        self.checker = checker
    }

    /// JPEG files in the folder, newest first.
    public func list() -> [String] {
        let keys: [URLResourceKey] = [.contentModificationDateKey]
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: keys)) ?? []
        return files.filter { ["jpg", "jpeg"].contains($0.pathExtension.lowercased()) }
            .sorted {
                let a = (try? $0.resourceValues(forKeys: Set(keys)).contentModificationDate) ?? .distantPast
                let b = (try? $1.resourceValues(forKeys: Set(keys)).contentModificationDate) ?? .distantPast
                return a > b
            }
            .map(\.path)
    }

    /// The checks as the screen lists them; with `fix`, the fixer's photo when it could fix it.
    public func check(_ path: String, fix: Bool) -> PhotoVerdict {
        let bytes: [UInt8]
        switch PhotoChecker.readFile(path) {
        case .success(let data): bytes = data
        case .failure(let problem): return PhotoVerdict(accepted: false, fixable: false, lines: [.init(passed: false, text: problem.reason)], bytes: nil)
        }
        if fix {
            let outcome = PhotoFixer(checker: checker).fix(bytes, file: path)
            if let data = outcome.data, let report = outcome.output {
                return verdict(report, bytes: data)
            }
            let lines = outcome.blocking.map { PhotoVerdict.Line(passed: false, text: $0.message) }
            return PhotoVerdict(accepted: false, fixable: false, lines: lines + [.init(passed: false, text: "无法自动调整，请到窗口现场拍照")], bytes: nil)
        }
        return verdict(checker.check(bytes, file: path), bytes: bytes)
    }

    private func verdict(_ report: PhotoReport, bytes: [UInt8]) -> PhotoVerdict {
        let lines = report.checks.map { PhotoVerdict.Line(passed: $0.status != .fail, text: $0.message) }
        let accepted = report.verdict == .accepted
        let fixable = !accepted && report.failures.allSatisfy(\.code.isFixable)
        return PhotoVerdict(accepted: accepted, fixable: fixable, lines: lines, bytes: accepted ? Data(bytes) : nil,
                            preview: Self.preview(bytes))
    }

    /// A thumbnail of at most 48×64 pixels for the screen's half-block preview.
    static func preview(_ bytes: [UInt8]) -> PhotoPreview? {
        guard let image = try? TurboJPEG.decodeRGB(bytes) else { return nil }
        let scale = min(48.0 / Double(image.width), 64.0 / Double(image.height), 1)
        let width = max(1, Int(Double(image.width) * scale)), height = max(1, Int(Double(image.height) * scale))
        let small = image.resized(width: width, height: height)
        return PhotoPreview(width: small.width, height: small.height, pixels: small.pixels)
    }
}
