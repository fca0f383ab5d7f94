/// Renders a `ReceiptDocument` as plain text for the screen preview and `kioskctl receipt
/// render --format text`, line for line as the printer breaks it. The QR code shows as its
/// caption and payload, since a terminal cannot show the printed symbol.
public struct PlainTextRenderer: Sendable {
    public let columns: Int
    public let encoding: ReceiptTextEncoding

    public init(columns: Int, encoding: ReceiptTextEncoding = .gb18030) {
        self.columns = columns
        self.encoding = encoding
    }

    public init(model: PrinterModel) { self.init(columns: model.columns, encoding: model.encoding) }

    public func render(_ document: ReceiptDocument) -> String {
        let layout = ReceiptLayout(columns: columns, encoding: encoding)
        var lines: [String] = []
        func centered(_ text: String, width: Int) -> String {
            layout.wrapper.pad(text, toCenterIn: width)
        }
        for block in document.blocks {
            switch block {
            case let .title(text):
                // Double width on paper: shown at normal width, centred in the same space.
                lines += layout.titleLines(text).map { centered($0, width: columns) }
            case let .heading(text):
                lines += layout.textLines(text, indent: 0)
            case let .text(text, indent, align):
                let wrapped = layout.textLines(text, indent: indent)
                lines += align == .center ? wrapped.map { centered($0, width: columns) } : wrapped
            case let .field(label, value):
                lines += layout.fieldLines(label: label, value: value)
            case let .rule(character):
                lines.append(layout.rule(character))
            case let .qr(payload, caption):
                lines.append(centered("［二维码］", width: columns))
                lines += layout.textLines(payload, indent: 0)
                lines += layout.textLines(caption, indent: 0).map { centered($0, width: columns) }
            case let .feed(count):
                lines += Array(repeating: "", count: count)
            }
        }
        return lines.map { $0.replacingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
