/// Builds ESC/POS bytes for one receipt. Command bytes follow the Epson ESC/POS reference as
/// also sent by python-escpos (the benchmark compares QR and cut bytes with it).
public struct ESCPOSWriter: Sendable {
    public enum Alignment: UInt8, Sendable { case left = 0, center = 1, right = 2 }
    /// QR error correction level (GS ( k 31 45).
    public enum QRErrorCorrection: UInt8, Sendable { case low = 0x30, medium = 0x31, quartile = 0x32, high = 0x33 }

    public let model: PrinterModel
    public private(set) var bytes: [UInt8] = []

    public init(model: PrinterModel) { self.model = model }

    static let esc: UInt8 = 0x1B, gs: UInt8 = 0x1D, fs: UInt8 = 0x1C, lf: UInt8 = 0x0A

    /// ESC @: reset modes left over from a previous job.
    public mutating func initialize() { bytes += [Self.esc, 0x40] }

    /// ESC a n
    public mutating func align(_ alignment: Alignment) { bytes += [Self.esc, 0x61, alignment.rawValue] }

    /// ESC E n
    public mutating func bold(_ on: Bool) { bytes += [Self.esc, 0x45, on ? 1 : 0] }

    /// GS ! n: character size multipliers 1–8 for width and height.
    public mutating func size(width: Int, height: Int) {
        let w = UInt8(min(max(width, 1), 8) - 1), h = UInt8(min(max(height, 1), 8) - 1)
        bytes += [Self.gs, 0x21, (w << 4) | h]
    }

    /// Text without a line end. Double-byte text is framed by FS & / FS . on models that need it.
    public mutating func text(_ text: String) {
        let encoded = model.encoding.encode(text)
        let framed = model.chineseMode && model.encoding.isDoubleByteFamily && encoded.contains { $0 >= 0x80 }
        if framed { bytes += [Self.fs, 0x26] }
        bytes += encoded
        if framed { bytes += [Self.fs, 0x2E] }
    }

    /// Text followed by LF (print and feed one line).
    public mutating func line(_ text: String) {
        self.text(text)
        bytes.append(Self.lf)
    }

    /// ESC d n: print and feed n lines.
    public mutating func feed(lines: Int) { bytes += [Self.esc, 0x64, UInt8(min(max(lines, 0), 255))] }

    /// The five GS ( k functions of a native QR code: model 2, module size, error correction,
    /// store the data, print it.
    public mutating func qr(_ data: [UInt8], moduleSize: Int, errorCorrection: QRErrorCorrection = .medium) {
        bytes += Self.qrBytes(data, moduleSize: moduleSize, errorCorrection: errorCorrection)
    }

    public static func qrBytes(_ data: [UInt8], moduleSize: Int, errorCorrection: QRErrorCorrection) -> [UInt8] {
        let prefix: [UInt8] = [gs, 0x28, 0x6B]
        var out: [UInt8] = []
        out += prefix + [0x04, 0x00, 0x31, 0x41, 0x32, 0x00]
        out += prefix + [0x03, 0x00, 0x31, 0x43, UInt8(min(max(moduleSize, 1), 16))]
        out += prefix + [0x03, 0x00, 0x31, 0x45, errorCorrection.rawValue]
        let storeLength = data.count + 3
        out += prefix + [UInt8(storeLength & 0xFF), UInt8(storeLength >> 8), 0x31, 0x50, 0x30] + data
        out += prefix + [0x03, 0x00, 0x31, 0x51, 0x30]
        return out
    }

    /// Largest payload GS ( k can store in one function (pL pH counts the 3 header bytes; QR
    /// version 40-L holds 2953 bytes).
    public static let qrMaximumBytes = 2953

    /// Feeds the model's lines, then cuts with its cutter (ESC d n, GS V m); nothing on a
    /// model without a cutter but the feed, so the tear bar clears the text.
    public mutating func cut() {
        feed(lines: model.feedBeforeCut)
        switch model.cutter {
        case .full: bytes += [Self.gs, 0x56, 0x00]
        case .partial: bytes += [Self.gs, 0x56, 0x01]
        case .none: break
        }
    }
}
