import Foundation
import KioskDomain

/// Renders an acknowledgement for `kioskctl receipt render` and the screen preview: the same
/// template, layout and masking the printer path uses.
public enum ReceiptRendering {
    public enum Format: String, Sendable, CaseIterable {
        case escpos, text
    }

    public static func acknowledgement(_ filedCase: FiledCase, printedAt: Date, reprint: Bool = false, model: PrinterModel,
                                       assets: AssetDirectory, format: Format) throws(DataFileError) -> [UInt8] {
        let template = try ReceiptTemplate.load("acknowledgement", from: assets)
        let document = try AcknowledgementReceipt(filedCase: filedCase, printedAt: printedAt, isReprint: reprint).document(template: template)
        switch format {
        case .escpos: return ESCPOSRenderer(model: model).render(document)
        case .text: return Array(PlainTextRenderer(model: model).render(document).utf8)
        }
    }
}
