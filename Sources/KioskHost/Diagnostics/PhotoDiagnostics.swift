import Foundation
import KioskOperations
import PhotoCheck

/// The photo folder (the camera's capture folder or a scanner's drop folder): present, readable,
/// and the newest photo checked against the region's rules (`PhotoCheck`), as the photo step
/// would check it. Only file names and rule results are reported, never the picture.
enum PhotoDiagnostics {
    static func checks(_ target: DiagnosticsTarget) -> [DiagnosticCheck] {
        guard let desk = target.photos else {
            return [.warn("photos.folder", "照片目录", measured: "未配置", expected: "目录存在",
                          remedy: "在配置文件 [devices] photo_folder 中填写照片目录后重启 kioskd")]
        }
        let path = desk.folder.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [.fail("photos.folder", "照片目录", measured: "不存在：\(path)", expected: "目录存在",
                          remedy: "创建目录 \(path)（属主 kioskd），并确认相机或扫描仪把照片存到这里")]
        }
        var checks: [DiagnosticCheck] = [.pass("photos.folder", "照片目录", measured: path, expected: "目录存在")]
        guard FileManager.default.isReadableFile(atPath: path) else {
            checks.append(.fail("photos.readable", "照片目录可读", measured: "不可读", expected: "kioskd 可读",
                                remedy: "chown kioskd \(path) 并 chmod 750"))
            return checks
        }
        let photos = desk.list()
        checks.append(.pass("photos.readable", "照片目录可读", measured: "可读，\(photos.count) 张照片", expected: "kioskd 可读"))
        guard let newest = photos.first else {
            checks.append(.warn("photos.newest", "最新照片检查", measured: "目录中没有照片", expected: "最新照片符合规格",
                                remedy: "用相机拍一张测试照片存入目录，再次自检"))
            return checks
        }
        let name = (newest as NSString).lastPathComponent
        let verdict = desk.check(newest, fix: false)
        if verdict.accepted {
            checks.append(.pass("photos.newest", "最新照片检查", measured: "\(name)：符合规格", expected: "最新照片符合规格"))
        } else {
            let failed = verdict.lines.filter { !$0.passed }.map(\.text).prefix(3).joined(separator: "；")
            checks.append(.warn("photos.newest", "最新照片检查", measured: "\(name)：\(failed)", expected: "最新照片符合规格",
                                remedy: "检查相机的位置、光线和背景（白底、正面、免冠），重拍测试照片后再次自检"))
        }
        return checks
    }
}
