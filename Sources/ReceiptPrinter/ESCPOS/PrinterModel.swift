import Foundation
import KioskDomain

/// A receipt printer model as described in `Devices/printers/<id>.json`: paper, dots, columns,
/// text encoding, Chinese mode and cutter. Layout reads its widths from here, so a hall that
/// buys a 58 mm printer changes a file, not the code.
public struct PrinterModel: Codable, Sendable, Equatable {
    public enum Cutter: String, Codable, Sendable {
        case full, partial, none
    }

    public var id: String
    public var name: String
    public var paperWidthMM: Int
    /// Printable dots per line (576 at 80 mm / 203 dpi, 384 at 58 mm).
    public var printableDots: Int
    /// Font A columns (12-dot cells): 48 at 80 mm, 32 at 58 mm. CJK glyphs take two.
    public var columns: Int
    public var encoding: ReceiptTextEncoding
    /// Send `FS &` … `FS .` around double-byte text (printers not in Chinese mode by default).
    public var chineseMode: Bool
    public var cutter: Cutter
    /// Lines fed before the cut so the last printed line clears the cutter blade.
    public var feedBeforeCut: Int
    /// QR module size in dots (GS ( k 31 43 n, 1–16).
    public var qrModuleSize: Int

    public init(id: String, name: String, paperWidthMM: Int, printableDots: Int, columns: Int,
                encoding: ReceiptTextEncoding, chineseMode: Bool, cutter: Cutter, feedBeforeCut: Int, qrModuleSize: Int) {
        self.id = id
        self.name = name
        self.paperWidthMM = paperWidthMM
        self.printableDots = printableDots
        self.columns = columns
        self.encoding = encoding
        self.chineseMode = chineseMode
        self.cutter = cutter
        self.feedBeforeCut = feedBeforeCut
        self.qrModuleSize = qrModuleSize
    }

    /// The kiosk's default: an 80 mm GB18030 ESC/POS printer (`Devices/printers/escpos-80mm-gb18030.json`).
    public static let standard80mm = PrinterModel(
        id: "escpos-80mm-gb18030", name: "通用80mm热敏票据打印机（ESC/POS，GB18030）", paperWidthMM: 80,
        printableDots: 576, columns: 48, encoding: .gb18030, chineseMode: true, cutter: .partial,
        feedBeforeCut: 4, qrModuleSize: 6)

    /// Loads and checks a descriptor; every problem names the file and the key.
    public static func load(from url: URL) throws(DataFileError) -> PrinterModel {
        let model = try DataFileError.decodeJSON(PrinterModel.self, at: url)
        let file = url.path
        guard model.paperWidthMM == 58 || model.paperWidthMM == 80 else {
            throw DataFileError(file: file, key: "paperWidthMM", expected: "58 or 80", found: "\(model.paperWidthMM)")
        }
        guard (16...128).contains(model.columns), model.columns % 2 == 0 else {
            throw DataFileError(file: file, key: "columns", expected: "an even number of Font A columns, 16–128", found: "\(model.columns)")
        }
        guard model.printableDots >= model.columns * 8 else {
            throw DataFileError(file: file, key: "printableDots", expected: "at least 8 dots per column", found: "\(model.printableDots)")
        }
        guard (1...16).contains(model.qrModuleSize) else {
            throw DataFileError(file: file, key: "qrModuleSize", expected: "1–16", found: "\(model.qrModuleSize)")
        }
        guard (0...255).contains(model.feedBeforeCut) else {
            throw DataFileError(file: file, key: "feedBeforeCut", expected: "0–255 lines", found: "\(model.feedBeforeCut)")
        }
        return model
    }
}
