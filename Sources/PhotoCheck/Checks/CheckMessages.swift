import Foundation

/// Turns measurements into check results with one actionable Chinese message each: what was
/// measured, what the rule asks for, and what the applicant should do.
struct CheckMessages {
    let spec: PhotoSpec
    private var q: QualityThresholds { spec.quality }

    func expected(_ code: CheckCode) -> String {
        let f = spec.face
        switch code {
        case .decode: return "完整可解码的JPEG"
        case .fileSize: return "\(num(spec.fileSizeKB.lowerBound))–\(num(spec.fileSizeKB.upperBound))KB"
        case .baseline: return spec.baselineRequired ? "基线(baseline)JPEG" : "任意"
        case .colorSpace: return "YCbCr/RGB彩色"
        case .pixelSize: return spec.sizes.map(\.description).joined(separator: " 或 ") + "（±\(pct(spec.sizeTolerance))）"
        case .density: return spec.sizes.map { "\($0.dpi)dpi" }.joined(separator: " 或 ")
        case .orientation: return "无旋转标记（EXIF方向1）"
        case .quality: return "≥\(q.minJPEGQuality)"
        case .colour: return "色度≥\(num(q.minChroma))"
        case .backgroundColour: return "\(spec.background.name)（与RGB(\(spec.background.reference.map(String.init).joined(separator: ",")))的距离≤\(num(spec.background.maxDistance))）"
        case .backgroundUniform: return "亮度波动≤\(num(spec.background.maxSpread))，左右差≤\(num(spec.background.maxImbalance))"
        case .faceCount: return "1张正面人脸"
        case .faceWidth: return "照片宽度的\(pct(f.widthFraction.lowerBound))–\(pct(f.widthFraction.upperBound))"
        case .faceCentred: return "脸部中心位于宽度的\(pct(f.centreFraction.lowerBound))–\(pct(f.centreFraction.upperBound))"
        case .headTop: return "照片高度的\(pct(f.headTopFraction.lowerBound))–\(pct(f.headTopFraction.upperBound))"
        case .exposure: return "平均亮度\(num(q.faceMeanLuma.lowerBound))–\(num(q.faceMeanLuma.upperBound))，过暗≤\(pct(q.maxUnderExposed))，过亮≤\(pct(q.maxOverExposed))"
        case .sharpness: return "≥\(num(q.minSharpness))"
        }
    }

    func decode(failure: String) -> CheckResult {
        CheckResult(.decode, passed: false, measured: failure, expected: expected(.decode),
                    message: "照片文件无法读取（不是JPG或文件已损坏、不完整），请重新拍摄或重新导出为JPG")
    }
    func unreadableFile(_ reason: String) -> CheckResult {
        CheckResult(.decode, passed: false, measured: reason, expected: expected(.decode),
                    message: "无法打开照片文件（文件不存在、无权限或过大），请重新选择照片")
    }
    func decodeOK() -> CheckResult {
        CheckResult(.decode, passed: true, measured: "完整", expected: expected(.decode), message: "照片文件可以正常读取")
    }

    func fileSize(bytes: Int) -> CheckResult {
        let kb = Double(bytes) / 1024
        let ok = spec.fileSizeKB.contains(kb)
        return CheckResult(.fileSize, passed: ok, measured: "\(num(kb))KB", expected: expected(.fileSize),
                           message: ok ? "文件大小符合要求"
                               : "照片文件大小应为\(expected(.fileSize))，当前为\(num(kb))KB；可使用“修正照片”自动压缩或重新导出")
    }

    func baseline(_ process: JPEGMarkers.CodingProcess) -> CheckResult {
        let ok = !spec.baselineRequired || process == .baseline
        let names: [JPEGMarkers.CodingProcess: String] = [.baseline: "基线", .extendedSequential: "扩展顺序",
                                                          .progressive: "渐进式", .lossless: "无损", .arithmetic: "算术编码"]
        return CheckResult(.baseline, passed: ok, measured: process.rawValue, expected: expected(.baseline),
                           message: ok ? "JPEG编码方式符合要求"
                               : "照片须为标准（基线）JPEG，当前为\(names[process] ?? process.rawValue)编码；可使用“修正照片”重新保存")
    }

    func colorSpace(_ header: TurboJPEG.Header) -> CheckResult {
        let name = header.isGray ? "灰度" : header.isCMYK ? "CMYK" : "彩色"
        let ok = !header.isGray && !header.isCMYK
        return CheckResult(.colorSpace, passed: ok, measured: name, expected: expected(.colorSpace),
                           message: ok ? "颜色空间符合要求"
                               : "照片须为RGB彩色JPG，当前为\(name)格式；请用手机或相机重新导出为普通彩色JPG")
    }

    func pixelSize(width: Int, height: Int) -> CheckResult {
        let ok = spec.sizes.contains { s in
            abs(Double(width - s.width)) <= Double(s.width) * spec.sizeTolerance
                && abs(Double(height - s.height)) <= Double(s.height) * spec.sizeTolerance
        }
        let want = spec.sizes.map { "\($0.width)×\($0.height)" }.joined(separator: "或")
        return CheckResult(.pixelSize, passed: ok, measured: "\(width)×\(height)", expected: expected(.pixelSize),
                           message: ok ? "照片宽高符合要求"
                               : "照片宽高应为\(want)像素，当前为\(width)×\(height)；可使用“修正照片”自动裁剪")
    }

    func density(_ density: JPEGMarkers.Density?) -> CheckResult {
        let dpi = density?.dpi
        let ok = dpi.map { d in spec.sizes.contains { abs(Double($0.dpi) - d) < 1 } } ?? false
        let measured = dpi.map { "\(num($0))dpi" } ?? "未标注"
        return CheckResult(.density, passed: ok, measured: measured, expected: expected(.density),
                           message: ok ? "分辨率标注符合要求"
                               : "照片分辨率标注应为\(expected(.density))，当前为\(measured)；可使用“修正照片”写入")
    }

    func orientation(_ value: Int?) -> CheckResult {
        let ok = (value ?? 1) == 1
        return CheckResult(.orientation, passed: ok, measured: "EXIF方向\(value ?? 1)", expected: expected(.orientation),
                           message: ok ? "照片方向正常"
                               : "照片带有旋转标记（EXIF方向\(value ?? 1)），制卡系统可能显示为横向或倒置；可使用“修正照片”转正")
    }

    func quality(_ estimate: Int?) -> CheckResult {
        let ok = (estimate ?? 100) >= q.minJPEGQuality
        let measured = estimate.map { "约\($0)" } ?? "无法估计"
        return CheckResult(.quality, passed: ok, measured: measured, expected: expected(.quality),
                           message: ok ? "压缩质量正常" : "照片压缩过度（质量\(measured)），细节可能模糊；请重新导出为较高质量")
    }

    func colour(_ chroma: Double) -> CheckResult {
        let ok = chroma >= q.minChroma
        return CheckResult(.colour, passed: ok, measured: "色度\(num(chroma))", expected: expected(.colour),
                           message: ok ? "照片为彩色" : "照片须为彩色，当前接近黑白（色度\(num(chroma))）；请提供彩色照片")
    }

    func background(_ b: ImageMeasures.Background) -> [CheckResult] {
        let ref = spec.background.reference.map(Double.init)
        let d = ((b.mean.r - ref[0]) * (b.mean.r - ref[0]) + (b.mean.g - ref[1]) * (b.mean.g - ref[1])
            + (b.mean.b - ref[2]) * (b.mean.b - ref[2])).squareRoot()
        let colourOK = d <= spec.background.maxDistance
        let rgb = "RGB(\(Int(b.mean.r.rounded())),\(Int(b.mean.g.rounded())),\(Int(b.mean.b.rounded())))"
        let imbalance = abs(b.leftLuma - b.rightLuma)
        let uniformOK = b.lumaSpread <= spec.background.maxSpread && imbalance <= spec.background.maxImbalance
        return [
            CheckResult(.backgroundColour, passed: colourOK, measured: "\(rgb)，距离\(num(d))", expected: expected(.backgroundColour),
                        message: colourOK ? "背景颜色符合要求"
                            : "背景应为纯\(spec.background.name)，当前约为\(rgb)；请在\(spec.background.name)背景前重拍"),
            CheckResult(.backgroundUniform, passed: uniformOK,
                        measured: "波动\(num(b.lumaSpread))，左右差\(num(imbalance))", expected: expected(.backgroundUniform),
                        message: uniformOK ? "背景均匀"
                            : "背景不均匀（亮度波动\(num(b.lumaSpread))，左右相差\(num(imbalance))），请在光线均匀、无杂物和阴影的背景前重拍"),
        ]
    }

    func faceCount(_ n: Int) -> CheckResult {
        CheckResult(.faceCount, passed: n == 1, measured: "\(n)张", expected: expected(.faceCount),
                    message: n == 1 ? "检测到一张人脸"
                        : n == 0 ? "未检测到正面人脸；请正对镜头、露出五官，免冠重拍"
                        : "检测到\(n)张人脸，照片中只能有本人一人")
    }

    func faceWidth(_ fraction: Double, pixels: Int) -> CheckResult {
        let r = spec.face.widthFraction
        let ok = r.contains(fraction)
        let advice = fraction < r.lowerBound ? "脸部太小，请靠近镜头或裁剪" : "脸部太大，请离镜头远一些"
        return CheckResult(.faceWidth, passed: ok, measured: "\(pct(fraction))（\(pixels)像素）", expected: expected(.faceWidth),
                           message: ok ? "脸部大小符合要求"
                               : "脸部宽度应占照片宽度的\(pct(r.lowerBound))–\(pct(r.upperBound))，当前为\(pct(fraction))；\(advice)，或使用“修正照片”")
    }

    func faceCentred(_ fraction: Double) -> CheckResult {
        let r = spec.face.centreFraction
        let ok = r.contains(fraction)
        return CheckResult(.faceCentred, passed: ok, measured: pct(fraction), expected: expected(.faceCentred),
                           message: ok ? "脸部水平居中"
                               : "脸部应水平居中（中心在宽度的\(pct(r.lowerBound))–\(pct(r.upperBound))），当前在\(pct(fraction))；可使用“修正照片”")
    }

    func headTop(_ fraction: Double, pixels: Int, height: Int) -> CheckResult {
        let r = spec.face.headTopFraction
        let ok = r.contains(fraction)
        let lo = Int((r.lowerBound * Double(height)).rounded()), hi = Int((r.upperBound * Double(height)).rounded())
        return CheckResult(.headTop, passed: ok, measured: "\(pixels)像素（\(pct(fraction))）", expected: expected(.headTop),
                           message: ok ? "头顶留白符合要求"
                               : "头顶距照片上边缘应为\(lo)–\(hi)像素，当前为\(pixels)像素；可使用“修正照片”")
    }

    func exposure(_ e: (mean: Double, under: Double, over: Double)) -> CheckResult {
        let ok = q.faceMeanLuma.contains(e.mean) && e.under <= q.maxUnderExposed && e.over <= q.maxOverExposed
        let advice = e.mean < q.faceMeanLuma.lowerBound || e.under > q.maxUnderExposed ? "面部太暗" : "面部过亮"
        return CheckResult(.exposure, passed: ok,
                           measured: "平均亮度\(num(e.mean))，过暗\(pct(e.under))，过亮\(pct(e.over))", expected: expected(.exposure),
                           message: ok ? "面部曝光正常" : "\(advice)（平均亮度\(num(e.mean))），请在光线充足、均匀的地方重拍")
    }

    func sharpness(_ variance: Double) -> CheckResult {
        let ok = variance >= q.minSharpness
        return CheckResult(.sharpness, passed: ok, measured: num(variance), expected: expected(.sharpness),
                           message: ok ? "面部清晰" : "面部不够清晰（清晰度\(num(variance))，应≥\(num(q.minSharpness))），请对好焦、保持稳定后重拍")
    }

    private func num(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(format: "%.1f", v)
    }
    private func pct(_ v: Double) -> String {
        let p = v * 100
        return (p == p.rounded() ? String(Int(p)) : String(format: "%.1f", p)) + "%"
    }
}
