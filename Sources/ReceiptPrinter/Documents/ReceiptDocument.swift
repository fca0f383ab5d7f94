/// A receipt as a list of layout blocks, independent of the output: the same document becomes
/// ESC/POS bytes for the printer (`ESCPOSRenderer`) and plain text for the screen preview
/// (`PlainTextRenderer`), wrapped by the same `LineWrapper` so both break lines alike.
public struct ReceiptDocument: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        /// Centered, bold, double size (each glyph takes twice the columns).
        case title(String)
        /// Bold, left.
        case heading(String)
        /// Plain paragraph, wrapped; `indent` columns on every line.
        case text(String, indent: Int = 0, align: Align = .left)
        /// `label：value`; continuation lines are indented under the value.
        case field(label: String, value: String)
        /// A full-width separator of this character.
        case rule(Character)
        /// A native QR code with a caption under it.
        case qr(payload: String, caption: String)
        /// Blank lines.
        case feed(Int)
    }

    public enum Align: Sendable, Equatable { case left, center }

    public var blocks: [Block]

    public init(_ blocks: [Block] = []) { self.blocks = blocks }

    /// Every piece of text the document prints (for privacy checks and encoding checks).
    public var allText: [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case let .title(t), let .heading(t): [t]
            case let .text(t, _, _): [t]
            case let .field(l, v): [l, v]
            case let .rule(c): [String(c)]
            case let .qr(p, c): [p, c]
            case .feed: []
            }
        }
    }
}
