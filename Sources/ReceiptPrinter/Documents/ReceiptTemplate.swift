import Foundation
import KioskDomain

/// A receipt template from `Assets/receipts/<name>.json`: the wording and order of a document's
/// blocks, with `{placeholder}` values filled from a `TemplateContext`.
///
/// Wording lives in data so that a region or a hall can adjust a heading or a note without a
/// build; the code only supplies values (already masked) and repeats `each` blocks per item.
/// A block with `when` is printed only if that value is non-empty; `unless` the opposite.
public struct ReceiptTemplate: Codable, Sendable, Equatable {
    public struct Block: Codable, Sendable, Equatable {
        /// title, heading, text, field, rule, qr, feed, each
        public var kind: String
        public var text: String?
        public var label: String?
        public var value: String?
        public var caption: String?
        public var indent: Int?
        public var align: String?
        public var lines: Int?
        /// For `each`: the list to repeat over (`items`, `materials`, …) and the blocks per element.
        public var source: String?
        public var blocks: [Block]?
        public var when: String?
        public var unless: String?
    }

    /// What the template lays out (`acknowledgement`, `refusal`, `test-page`, `diagnostics`).
    public var document: String
    public var blocks: [Block]

    /// Loads `Assets/receipts/<name>.json`.
    public static func load(_ name: String, from assets: AssetDirectory) throws(DataFileError) -> ReceiptTemplate {
        let url = assets.url("receipts/\(name).json")
        let template = try DataFileError.decodeJSON(ReceiptTemplate.self, at: url)
        try template.check(file: url.path, path: "blocks", blocks: template.blocks)
        return template
    }

    static let kinds: Set<String> = ["title", "heading", "text", "field", "rule", "qr", "feed", "each"]

    private func check(file: String, path: String, blocks: [Block]) throws(DataFileError) {
        for (index, block) in blocks.enumerated() {
            let key = "\(path)[\(index)]"
            guard Self.kinds.contains(block.kind) else {
                throw DataFileError(file: file, key: key + ".kind", expected: "one of " + Self.kinds.sorted().joined(separator: ", "), found: block.kind)
            }
            let needed: [(String, String?)] = switch block.kind {
            case "title", "heading", "text": [("text", block.text)]
            case "field": [("label", block.label), ("value", block.value)]
            case "qr": [("value", block.value), ("caption", block.caption)]
            case "rule": [("text", block.text)]
            case "each": [("source", block.source)]
            default: []
            }
            for (name, value) in needed where value == nil {
                throw DataFileError(file: file, key: "\(key).\(name)", expected: "a string (required for kind \(block.kind))")
            }
            if block.kind == "rule", block.text?.count != 1 {
                throw DataFileError(file: file, key: key + ".text", expected: "exactly one character", found: block.text)
            }
            if block.kind == "each" {
                try check(file: file, path: key + ".blocks", blocks: block.blocks ?? [])
            }
        }
    }

    /// Fills the template. An unknown placeholder or list is an error naming the block, so a
    /// typo in a template fails its test instead of printing "{nmae}" in a hall.
    public func render(_ context: TemplateContext, file: String = "") throws(DataFileError) -> ReceiptDocument {
        var document = ReceiptDocument()
        try append(blocks, values: context.values, context: context, path: "blocks", file: file.isEmpty ? "receipts/\(self.document).json" : file, into: &document)
        return document
    }

    private func append(_ blocks: [Block], values: [String: String], context: TemplateContext, path: String,
                        file: String, into document: inout ReceiptDocument) throws(DataFileError) {
        for (index, block) in blocks.enumerated() {
            let key = "\(path)[\(index)]"
            if let when = block.when {
                guard let value = values[when] else { throw unknown(when, file: file, key: key + ".when", values: values) }
                if value.isEmpty { continue }
            }
            if let unless = block.unless {
                guard let value = values[unless] else { throw unknown(unless, file: file, key: key + ".unless", values: values) }
                if !value.isEmpty { continue }
            }
            func fill(_ text: String?, _ field: String) throws(DataFileError) -> String {
                try Self.substitute(text ?? "", values: values, file: file, key: "\(key).\(field)")
            }
            switch block.kind {
            case "title": document.blocks.append(.title(try fill(block.text, "text")))
            case "heading": document.blocks.append(.heading(try fill(block.text, "text")))
            case "text":
                document.blocks.append(.text(try fill(block.text, "text"), indent: block.indent ?? 0,
                                             align: block.align == "center" ? .center : .left))
            case "field":
                let value = try fill(block.value, "value")
                if !value.isEmpty { document.blocks.append(.field(label: try fill(block.label, "label"), value: value)) }
            case "rule": document.blocks.append(.rule(block.text?.first ?? "-"))
            case "qr": document.blocks.append(.qr(payload: try fill(block.value, "value"), caption: try fill(block.caption, "caption")))
            case "feed": document.blocks.append(.feed(block.lines ?? 1))
            case "each":
                let source = block.source ?? ""
                guard let elements = context.lists[source] else {
                    throw DataFileError(file: file, key: key + ".source", expected: "one of the lists " + context.lists.keys.sorted().joined(separator: ", "), found: source)
                }
                for element in elements {
                    try append(block.blocks ?? [], values: values.merging(element) { $1 }, context: context,
                               path: key + ".blocks", file: file, into: &document)
                }
            default: break
            }
        }
    }

    private func unknown(_ name: String, file: String, key: String, values: [String: String]) -> DataFileError {
        DataFileError(file: file, key: key, expected: "one of the values " + values.keys.sorted().joined(separator: ", "), found: name)
    }

    /// Replaces every `{name}`; `{{` and `}}` stand for literal braces.
    static func substitute(_ text: String, values: [String: String], file: String, key: String) throws(DataFileError) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return text }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            let next = text.index(after: index)
            if ch == "{", next < text.endIndex, text[next] == "{" { out.append("{"); index = text.index(after: next); continue }
            if ch == "}", next < text.endIndex, text[next] == "}" { out.append("}"); index = text.index(after: next); continue }
            if ch == "}" {
                throw DataFileError(file: file, key: key, expected: "}} for a literal brace", found: text)
            }
            if ch == "{" {
                guard let close = text[next...].firstIndex(of: "}") else {
                    throw DataFileError(file: file, key: key, expected: "a closing } for the placeholder", found: text)
                }
                let name = String(text[next..<close])
                guard !name.contains("{"), let value = values[name] else {
                    throw DataFileError(file: file, key: key, expected: "a placeholder among " + values.keys.sorted().joined(separator: ", "), found: "{\(name)}")
                }
                out += value
                index = text.index(after: close)
                continue
            }
            out.append(ch)
            index = next
        }
        return out
    }
}

/// The values a template may use: scalars (already masked, already formatted) and lists of
/// elements for `each` blocks.
public struct TemplateContext: Sendable, Equatable {
    public var values: [String: String]
    public var lists: [String: [[String: String]]]

    public init(values: [String: String] = [:], lists: [String: [[String: String]]] = [:]) {
        self.values = values
        self.lists = lists
    }
}
