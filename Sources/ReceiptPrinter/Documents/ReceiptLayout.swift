/// Lays a document's blocks out into lines for a given column width. Shared by the ESC/POS and
/// the plain-text renderers so the paper and the screen preview break at the same places.
struct ReceiptLayout {
    let columns: Int
    let wrapper: LineWrapper

    init(columns: Int, encoding: ReceiptTextEncoding) {
        self.columns = columns
        self.wrapper = LineWrapper(measure: ColumnWidth(encoding: encoding))
    }

    /// The separator between a field's label and its value.
    static let fieldSeparator = "："

    /// Title lines at double width: half the columns.
    func titleLines(_ text: String) -> [String] {
        wrapper.wrap(text, width: columns / 2)
    }

    func textLines(_ text: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: max(0, min(indent, columns / 2)))
        return wrapper.wrap(text, width: columns - pad.count).map { pad + $0 }
    }

    /// `label：value`, continuation lines aligned under the value when the label is short,
    /// otherwise indented by two columns.
    func fieldLines(label: String, value: String) -> [String] {
        let head = label + Self.fieldSeparator
        let headWidth = wrapper.measure.columns(of: head)
        let continuation = String(repeating: " ", count: headWidth <= columns / 2 ? headWidth : 2)
        let body = wrapper.wrap(value, width: columns, firstIndent: headWidth, continuation: continuation)
        if headWidth > columns / 2 {
            return wrapper.wrap(head, width: columns) + wrapper.wrap(value, width: columns - 2).map { "  " + $0 }
        }
        return [head + body[0]] + body.dropFirst()
    }

    func rule(_ character: Character) -> String {
        let w = max(wrapper.measure.columns(of: character), 1)
        return String(repeating: character, count: columns / w)
    }
}
