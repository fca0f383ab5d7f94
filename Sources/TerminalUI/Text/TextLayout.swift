/// Line breaking and truncation by display width (cells), not by character count.
public enum TextLayout {
    /// Breaks `text` into lines of at most `width` cells. Chinese breaks between any two
    /// characters; a run of Latin letters or digits is kept whole when it fits on a line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = "", lineWidth = 0
        var word = "", wordWidth = 0
        func flushWord() {
            if lineWidth + wordWidth > width, !line.isEmpty {
                while line.last == " " { line.removeLast() }
                lines.append(line)
                line = ""; lineWidth = 0
                if word.first == " " { word.removeFirst(); wordWidth -= 1 }
            }
            while wordWidth > width { // a word longer than a line: hard break
                let head = truncate(word, width: width, marker: "")
                lines.append(head)
                word.removeFirst(head.count)
                wordWidth = DisplayWidth.of(word)
            }
            line += word; lineWidth += wordWidth
            word = ""; wordWidth = 0
        }
        for character in text {
            let w = DisplayWidth.of(character)
            let joins = character.isASCII && (character.isLetter || character.isNumber || character.isPunctuation)
            if !joins { flushWord() }
            word.append(character); wordWidth += w
            if !joins { flushWord() }
        }
        flushWord()
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The longest prefix of `text` that fits in `width` cells, with `marker` appended when text
    /// was cut (ASCII "..." by default: "…" has ambiguous width).
    public static func truncate(_ text: String, width: Int, marker: String = "...") -> String {
        if DisplayWidth.of(text) <= width { return text }
        let room = width - DisplayWidth.of(marker)
        guard room > 0 else { return String(repeating: ".", count: max(0, width)) }
        var result = "", used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            result.append(character); used += w
        }
        return result + marker
    }
}
