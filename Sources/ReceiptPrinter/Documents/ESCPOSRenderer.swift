/// Turns a `ReceiptDocument` into the ESC/POS bytes for one printer model: initialise, the
/// blocks, then feed and cut.
public struct ESCPOSRenderer: Sendable {
    public let model: PrinterModel

    public init(model: PrinterModel) { self.model = model }

    public func render(_ document: ReceiptDocument) -> [UInt8] {
        let layout = ReceiptLayout(columns: model.columns, encoding: model.encoding)
        var out = ESCPOSWriter(model: model)
        out.initialize()
        for block in document.blocks {
            switch block {
            case let .title(text):
                out.align(.center)
                out.bold(true)
                out.size(width: 2, height: 2)
                for line in layout.titleLines(text) { out.line(line) }
                out.size(width: 1, height: 1)
                out.bold(false)
                out.align(.left)
            case let .heading(text):
                out.bold(true)
                for line in layout.textLines(text, indent: 0) { out.line(line) }
                out.bold(false)
            case let .text(text, indent, align):
                if align == .center { out.align(.center) }
                for line in layout.textLines(text, indent: indent) { out.line(line) }
                if align == .center { out.align(.left) }
            case let .field(label, value):
                for line in layout.fieldLines(label: label, value: value) { out.line(line) }
            case let .rule(character):
                out.line(layout.rule(character))
            case let .qr(payload, caption):
                out.align(.center)
                let data = Array(payload.utf8.prefix(ESCPOSWriter.qrMaximumBytes))
                out.qr(data, moduleSize: model.qrModuleSize)
                out.feed(lines: 1)
                for line in layout.textLines(caption, indent: 0) { out.line(line) }
                out.align(.left)
            case let .feed(lines):
                out.feed(lines: lines)
            }
        }
        out.cut()
        return out.bytes
    }
}
