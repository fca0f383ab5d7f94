/// Makes outside text safe to put on the screen: names from an ID card, replies from the
/// network, pasted text.
///
/// Such text could carry escape sequences (which would move the cursor, change modes or set the
/// window title), other control characters (which would break the cell grid), or bidi controls
/// (which reorder what the reader sees — "Trojan Source"). The sanitiser removes whole escape
/// sequences (CSI, OSC, DCS/SOS/PM/APC strings and two-byte ESC sequences), C0 and C1 controls
/// and bidi/invisible formatting controls, turns tabs and line breaks into spaces (widgets lay out
/// single lines), and drops combining marks that have no base to attach to. ZWJ and variation
/// selectors stay: they belong to emoji and CJK variant sequences.
public enum TextSanitizer {
    /// Bidi embedding, override and isolate controls, marks, and invisible formatters.
    static let removedFormatControls: Set<UInt32> = [
        0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x2060, 0xFEFF, 0x00AD,
        0x2028, 0x2029, 0xFFF9, 0xFFFA, 0xFFFB,
    ]

    /// The cleaned text (at most `maxLength` characters when given).
    public static func clean(_ text: String, maxLength: Int? = nil) -> String {
        var scalars = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            let value = scalar.value
            switch value {
            case 0x1B:
                skipEscapeSequence(after: &pending, iterator: &iterator)
            case 0x9B: // C1 CSI
                skipCSI(&pending, &iterator)
            case 0x90, 0x9D, 0x98, 0x9E, 0x9F: // C1 DCS, OSC, SOS, PM, APC
                skipString(&pending, &iterator)
            case 0x09, 0x0A, 0x0D:
                if scalars.last != " " { scalars.append(" ") }
            case 0x00..<0x20, 0x7F..<0xA0:
                continue
            default:
                if removedFormatControls.contains(value) { continue }
                if DisplayWidth.scalarWidth(value) == 0, value != 0x200D, !(0xFE00...0xFE0F).contains(value),
                   scalars.isEmpty || scalars.last == " " {
                    continue // a mark with nothing to attach to
                }
                scalars.append(scalar)
            }
        }
        var result = String(scalars)
        if let maxLength, result.count > maxLength { result = String(result.prefix(maxLength)) }
        return result
    }

    /// After ESC: CSI, a string sequence, or a single following byte.
    private static func skipEscapeSequence(after pending: inout Unicode.Scalar?, iterator: inout String.UnicodeScalarView.Iterator) {
        guard let next = pending else { return }
        switch next.value {
        case 0x5B: // [
            pending = iterator.next()
            skipCSI(&pending, &iterator)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: // ] P X ^ _
            pending = iterator.next()
            skipString(&pending, &iterator)
        case 0x20...0x2F: // ESC with intermediates, e.g. ESC ( B
            while let s = pending, (0x20...0x2F).contains(s.value) { pending = iterator.next() }
            pending = iterator.next()
        default:
            pending = iterator.next()
        }
    }

    private static func skipCSI(_ pending: inout Unicode.Scalar?, _ iterator: inout String.UnicodeScalarView.Iterator) {
        while let s = pending {
            pending = iterator.next()
            if (0x40...0x7E).contains(s.value) || !(0x20...0x3F).contains(s.value) { return }
        }
    }

    /// Skips to the string terminator: BEL, ESC \ or C1 ST.
    private static func skipString(_ pending: inout Unicode.Scalar?, _ iterator: inout String.UnicodeScalarView.Iterator) {
        while let s = pending {
            pending = iterator.next()
            if s.value == 0x07 || s.value == 0x9C { return }
            if s.value == 0x1B {
                if pending?.value == 0x5C { pending = iterator.next() }
                return
            }
        }
    }
}
