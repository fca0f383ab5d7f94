import Foundation
import KioskDomain
import ReceiptPrinterTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import ReceiptPrinter
import Testing
import TestTraits

@Suite(.computeBound) struct DocumentTests {
    let assets = RepositoryPaths.assets
    let printedAt = Date(timeIntervalSince1970: 1_795_400_000)

    func printedText(_ filed: FiledCase, model: PrinterModel = .standard80mm, reprint: Bool = false) throws -> String {
        let bytes = try ReceiptRendering.acknowledgement(filed, printedAt: printedAt, reprint: reprint, model: model, assets: assets, format: .escpos)
        return try #require(model.encoding.decode(ESCPOSStrip.text(of: bytes)))
    }

    @Test func acknowledgementHasEveryPartTheIssueLists() throws {
        var filed = try CaseFile.sample(assets: assets)
        let text = try printedText(filed)
        for part in ["军人退役\"一件事一次办\"", "受理回执", "受理编号：500112-2026-TY-000123", "受理时间：2026年11月23日 10:30",
                     "终端编号：CQ-YB-01", "渝北区政务服务中心", "申请人：王**", "身份证号：110***********002X", "人员类别：自主就业退役士兵",
                     "退役军人报到", "区退役军人事务局", "预计2026年11月24日前办结", "总办结时限：8个工作日", "请到窗口提交以下材料",
                     "退出现役证书", "送达方式：邮寄", "扫码查询办理进度", "咨询电话：023-67890000", "隐私提示"] {
            #expect(text.contains(part), "missing \(part)")
        }
        let qr = ESCPOSStrip.parse(try ReceiptRendering.acknowledgement(filed, printedAt: printedAt, model: .standard80mm, assets: assets, format: .escpos)).qrPayloads
        #expect(qr == [Array("https://ywtb.example.gov.cn/progress?no=500112-2026-TY-000123".utf8)])
        filed.centralCaseNumber = nil
        let queued = try printedText(filed)
        #expect(queued.contains("本地编号：CQ01-20261123-0001"))
        #expect(queued.contains("网络恢复后自动提交"))
        #expect(!queued.contains("受理编号："))
    }

    /// No personal data leaves unmasked: checked on the encoder's bytes after GB18030 decoding,
    /// for many fixture cases, on both paper widths, original and reprint.
    @Test(arguments: [PrinterModel.standard80mm, try! PrinterModel.load(from: RepositoryPaths.root.appendingPathComponent("Devices/printers/escpos-58mm-gb18030.json"))])
    func noPersonalDataUnmasked(model: PrinterModel) throws {
        for index in 0..<24 {
            let filed = CaseFixtures.chongqing(index: index)
            for reprint in [false, true] {
                let bytes = try ReceiptRendering.acknowledgement(filed, printedAt: printedAt, reprint: reprint, model: model, assets: assets, format: .escpos)
                let text = try #require(model.encoding.decode(ESCPOSStrip.text(of: bytes)))
                let flat = text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
                let a = filed.applicant
                let secrets = [a.name, a.idNumber, String(a.idNumber.dropFirst(6).prefix(8)), a.phone ?? "-", a.address ?? "-",
                               "13800138000"] + filed.fields.filter(\.personal).map(\.value)
                for secret in secrets {
                    #expect(!flat.contains(secret), "unmasked personal data on receipt \(index)")
                }
                #expect(flat.contains(Masking.idNumber(a.idNumber)))
                #expect(flat.contains("申请人：" + Masking.name(a.name)))
                let qr = ESCPOSStrip.parse(bytes).qrPayloads.map { String(decoding: $0, as: UTF8.self) }.joined()
                for secret in secrets { #expect(!qr.contains(secret)) }
            }
        }
    }

    /// The longest item names of the fixtures and a 20-character hall address wrap inside the
    /// width on 80 mm and 58 mm paper.
    @Test func longNamesWrapInsideTheWidth() throws {
        var filed = try CaseFile.sample(assets: assets)
        filed.hall = "重庆市渝北区龙溪街道金龙路政务服务中心大厅"
        #expect(filed.hall.count >= 20)
        filed.items.append(.init(code: "long", title: "军人退役医疗保险关系转移接续及城乡居民基本医疗保险参保和变更登记", department: "重庆市渝北区医疗保障局医保经办中心窗口",
                                 dueDate: CivilDate(year: 2026, month: 12, day: 31), limitText: "5个工作日"))
        for model in [PrinterModel.standard80mm, try PrinterModel.load(from: RepositoryPaths.root.appendingPathComponent("Devices/printers/escpos-58mm-gb18030.json"))] {
            let text = String(decoding: try ReceiptRendering.acknowledgement(filed, printedAt: printedAt, model: model, assets: assets, format: .text), as: UTF8.self)
            let measure = ColumnWidth(encoding: model.encoding)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(measure.columns(of: line) <= model.columns, "\(model.columns): \(line)")
            }
            #expect(text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "").contains("重庆市渝北区龙溪街道金龙路政务服务中心大厅"))
            // Printed lines (between commands) obey the same width: titles at double size count double.
            let printed = try printedText(filed, model: model)
            for line in printed.split(separator: "\n") where !line.contains("一件事一次办") && !line.contains("受理回执") {
                #expect(measure.columns(of: line) <= model.columns, "\(line)")
            }
        }
    }

    @Test func textPreviewMatchesThePrintedLines() throws {
        let filed = try CaseFile.sample(assets: assets)
        let printed = try printedText(filed).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let text = String(decoding: try ReceiptRendering.acknowledgement(filed, printedAt: printedAt, model: .standard80mm, assets: assets, format: .text), as: UTF8.self)
        let shown = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "［二维码］" }
        // The preview shows the QR payload as text; everything else is line for line the same.
        #expect(shown.filter { !$0.hasPrefix("https://") && !$0.hasPrefix("026-") } == printed)
    }

    /// Every character in the templates, the sample case and the region data round-trips through
    /// GB18030 (and therefore prints as written).
    @Test func assetsRoundTripThroughGB18030() throws {
        let root = assets.root
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { ["json", "txt", "md"].contains($0.pathExtension) }
        #expect(files.contains { $0.lastPathComponent == "acknowledgement.json" })
        var checked = Set<Character>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for ch in text where !checked.contains(ch) {
                checked.insert(ch)
                #expect(ReceiptTextEncoding.gb18030.roundTrips(ch), "\(file.lastPathComponent): U+\(String(ch.unicodeScalars.first!.value, radix: 16))")
            }
        }
        #expect(checked.count > 300)
    }

    @Test func everyTemplateRendersAndUnknownPlaceholdersFail() throws {
        let model = PrinterModel.standard80mm
        let status = PrinterStatus(condition: .mediaEmpty, queue: "kiosk", server: "/run/cups/cups.sock", printerState: "stopped",
                                   reasons: ["media-empty-error", "paused"], accepting: true, stateMessage: "Out of paper")
        let refusal = RefusalNotice(caseNumber: "500112-2026-TY-000124", applicantName: "李卫东", applicantIDNumber: "440524188001010014",
                                    itemTitles: ["一次性经济补助金给付"], department: "区退役军人事务局", decidedOn: CivilDate(year: 2026, month: 11, day: 24)!,
                                    reason: "申请人提供的银行账户不是本人Ⅰ类银行账户，无法发放一次性经济补助金。",
                                    basis: "《渝退役军人局〔2023〕22号》附件：一次性经济补助金给付须提供本人Ⅰ类银行账户。",
                                    remedy: "携带本人Ⅰ类银行卡到窗口补正后重新申请；对决定不服的，可依法申请行政复议或提起行政诉讼。",
                                    hall: "渝北区政务服务中心", consultationPhone: "023-67890000", printedAt: printedAt)
        let documents: [ReceiptDocument] = [
            try refusal.document(template: ReceiptTemplate.load("refusal", from: assets)),
            try TestPage(model: model, queue: "kiosk", terminalID: "CQ-YB-01", printedAt: printedAt).document(template: ReceiptTemplate.load("test-page", from: assets)),
            try DiagnosticsReport(status: status, model: model, terminalID: "CQ-YB-01", printedAt: printedAt,
                                  recentJobs: [.init(jobID: 7, kind: "回执", outcome: "未打印（缺纸）", at: printedAt)])
                .document(template: ReceiptTemplate.load("diagnostics", from: assets)),
        ]
        let texts = documents.map { PlainTextRenderer(model: model).render($0) }
        #expect(texts[0].contains("不予受理理由"))
        let refusalFlat = texts[0].replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(refusalFlat.components(separatedBy: "无法发放一次性经济补助金").count == 2) // stated once, completely
        #expect(refusalFlat.contains("须提供本人Ⅰ类银行账户"))
        #expect(texts[0].contains("李*") && !texts[0].contains("李卫东") && !texts[0].contains("440524188001010014"))
        #expect(texts[1].contains(String(repeating: "1234567890", count: 4) + "12345678"))
        #expect(texts[2].contains("缺纸") && texts[2].contains("cupsenable kiosk"))
        let broken = try JSONDecoder().decode(ReceiptTemplate.self, from: Data(#"{"document":"x","blocks":[{"kind":"text","text":"{nmae}"}]}"#.utf8))
        #expect(throws: DataFileError.self) { try broken.render(TemplateContext(values: ["name": "x"])) }
    }

    @Test func printerDescriptorsLoadAndTheDefaultMatchesItsFile() throws {
        let dir = RepositoryPaths.root.appendingPathComponent("Devices/printers")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 3)
        for file in files { _ = try PrinterModel.load(from: dir.appendingPathComponent(file)) }
        #expect(try PrinterModel.load(from: dir.appendingPathComponent("escpos-80mm-gb18030.json")) == .standard80mm)
        let bad = try RepositoryPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: bad) }
        let url = bad.appendingPathComponent("m.json")
        try #"{"id":"x","name":"x","paperWidthMM":80,"printableDots":576,"columns":47,"encoding":"GB18030","chineseMode":true,"cutter":"full","feedBeforeCut":4,"qrModuleSize":6}"#
            .write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: DataFileError(file: url.path, key: "columns", expected: "an even number of Font A columns, 16–128", found: "47")) {
            try PrinterModel.load(from: url)
        }
    }

    @Test func caseFileErrorsNameTheKey() throws {
        let err = #expect(throws: DataFileError.self) {
            try CaseFile.decode(Data(#"{"id": "not-a-uuid"}"#.utf8), file: "case.json")
        }
        #expect(err?.file == "case.json")
        #expect(err?.key == "id")
        let filed = CaseFixtures.chongqing(index: 3)
        let roundTrip = try CaseFile.decode(try JSONEncoder().encode(filed), file: "x.json")
        #expect(roundTrip == filed)
    }

    /// The stripper used by these tests is a parser of bytes: it must survive anything.
    @Test func escposStripSurvivesRandomBytes() {
        var rng = SeededRandom(seed: 42)
        for _ in 0..<5_000 {
            let bytes = (0..<Int(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            _ = ESCPOSStrip.parse(bytes)
        }
    }
}
