import TerminalUI

/// A small terminal emulator model for tests: replays the bytes a program wrote and holds the
/// resulting screen — characters, styles, cursor and modes — so a test can check that the
/// renderer's output produces exactly the intended frame, or what the demo shows in a pty.
///
/// It implements what TerminalUI and ordinary programs emit: printable UTF-8 (grapheme clusters,
/// wide glyphs occupying two cells, overwriting half a wide glyph blanks the other half, as xterm
/// and tmux do), CR/LF/BS/TAB, CUP/CUU/CUD/CUF/CUB/CHA/VPA, ED/EL, SGR (16/256/RGB colours, bold,
/// dim, underline, reverse), DEC private modes (1049 alternate screen with saved cursor, 7
/// autowrap, 25 cursor, mouse and paste modes, 2026 synchronized output), DECSC/DECRC, and
/// answers DECRQM mode queries as foot (the kiosk's terminal) does, in ``takeReplies()``.
/// Anything else is ignored, as a terminal would.
public struct VTScreen: Sendable {
    public private(set) var size: Size
    private var main: CellBuffer
    private var alternate: CellBuffer
    public private(set) var isAlternateScreen = false
    public private(set) var cursor = Point(x: 0, y: 0)
    private var savedCursor = Point(x: 0, y: 0)
    public private(set) var style = Style.plain
    /// DEC private modes currently set (e.g. 1006 for SGR mouse).
    public private(set) var privateModes: Set<Int> = [7, 25]
    private var pending: [UInt8] = []
    private var text: [UInt8] = []
    /// Bytes the terminal answers with (mode reports), not yet sent back to the program.
    private var replies: [UInt8] = []

    /// The DEC private modes this model implements, so reports as set or reset to a DECRQM
    /// query; any other mode is reported as not recognised (0).
    public static let recognisedModes: Set<Int> = [7, 25, 1000, 1002, 1003, 1006, 1049, 2004, 2026]

    public init(size: Size) {
        self.size = size
        main = CellBuffer(size: size)
        alternate = CellBuffer(size: size)
    }

    /// True between `CSI ? 2026 h` and `CSI ? 2026 l`: a real terminal would still show the
    /// previous frame, so tests should not judge the screen now.
    public var isInSynchronizedUpdate: Bool { privateModes.contains(2026) }

    /// What the terminal has answered since the last call (e.g. `CSI ? 2026 ; 2 $ y` to a
    /// query for synchronized output), for the rig to write back to the program: a program that
    /// asks must be told, or it draws as it would on a terminal that never answers.
    public mutating func takeReplies() -> [UInt8] {
        defer { replies.removeAll() }
        return replies
    }

    /// The screen being shown.
    public var buffer: CellBuffer { isAlternateScreen ? alternate : main }
    public var screenText: String { buffer.textDump() }
    public func line(_ y: Int) -> String { buffer.line(y) }

    /// Where `needle` first appears on screen (cell coordinates, 0-based), scanning rows.
    public func find(_ needle: String) -> Point? { findAll(needle).first }

    /// Every place `needle` appears on screen, row by row, left to right.
    public func findAll(_ needle: String) -> [Point] {
        var found: [Point] = []
        for y in 0..<size.rows {
            var columns: [Int] = [] // column of each character in line(y)
            var x = 0
            for cell in (0..<size.columns).map({ buffer[$0, y] }) where !cell.isContinuation {
                columns.append(x)
                x += Int(cell.width)
            }
            let characters = Array(line(y))
            let target = Array(needle)
            guard target.count <= characters.count else { continue }
            for start in 0...(characters.count - target.count) where Array(characters[start..<(start + target.count)]) == target {
                found.append(Point(x: columns[start], y: y))
            }
        }
        return found
    }

    /// The terminal was resized: both screens keep their top-left content.
    public mutating func resize(to newSize: Size) {
        func copy(_ old: CellBuffer) -> CellBuffer {
            var new = CellBuffer(size: newSize)
            for y in 0..<min(old.size.rows, newSize.rows) {
                for x in 0..<min(old.size.columns, newSize.columns) where !old[x, y].isContinuation {
                    new.put(old[x, y].character, width: Int(old[x, y].width), at: Point(x: x, y: y), style: old[x, y].style)
                }
            }
            return new
        }
        main = copy(main)
        alternate = copy(alternate)
        size = newSize
        cursor = Point(x: min(cursor.x, newSize.columns - 1), y: min(cursor.y, newSize.rows - 1))
    }

    /// Interprets bytes; a sequence split across calls is completed by the next call.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        pending.append(contentsOf: bytes)
        var index = 0
        while index < pending.count {
            let byte = pending[index]
            if byte == 0x1B {
                guard let length = escapeLength(at: index) else { break } // incomplete: wait
                flushText()
                perform(Array(pending[index..<(index + length)]))
                index += length
            } else if byte < 0x20 || byte == 0x7F {
                flushText()
                control(byte)
                index += 1
            } else {
                text.append(byte)
                index += 1
            }
        }
        pending.removeFirst(index)
        if pending.isEmpty { flushText() }
    }

    /// Length of the escape sequence at `start`, or nil when it is not complete yet.
    private func escapeLength(at start: Int) -> Int? {
        guard start + 1 < pending.count else { return nil }
        switch pending[start + 1] {
        case 0x5B: // CSI
            var i = start + 2
            while i < pending.count {
                if (0x40...0x7E).contains(pending[i]) { return i - start + 1 }
                i += 1
            }
            return nil
        case 0x5D, 0x50: // OSC, DCS: until BEL or ST
            var i = start + 2
            while i < pending.count {
                if pending[i] == 0x07 { return i - start + 1 }
                if pending[i] == 0x1B, i + 1 < pending.count, pending[i + 1] == 0x5C { return i - start + 2 }
                i += 1
            }
            return nil
        case 0x28, 0x29, 0x23: // charset designation, DECALN
            return start + 2 < pending.count ? 3 : nil
        default:
            return 2
        }
    }

    private mutating func control(_ byte: UInt8) {
        switch byte {
        case 0x0D: cursor.x = 0
        case 0x0A, 0x0B, 0x0C: lineFeed()
        case 0x08: cursor.x = max(0, cursor.x - 1)
        case 0x09: cursor.x = min(size.columns - 1, (cursor.x / 8 + 1) * 8)
        default: break
        }
    }

    private mutating func lineFeed() {
        if cursor.y + 1 < size.rows {
            cursor.y += 1
            return
        }
        var scrolled = CellBuffer(size: size)
        let old = buffer
        for y in 1..<size.rows {
            for x in 0..<size.columns where !old[x, y].isContinuation {
                scrolled.put(old[x, y].character, width: Int(old[x, y].width), at: Point(x: x, y: y - 1), style: old[x, y].style)
            }
        }
        setBuffer(scrolled)
    }

    private mutating func setBuffer(_ new: CellBuffer) {
        if isAlternateScreen { alternate = new } else { main = new }
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        let string = String(decoding: text, as: UTF8.self)
        text.removeAll()
        var screen = buffer
        for character in string {
            let width = DisplayWidth.of(character)
            if width == 0 {
                continue // combining marks arrive inside their cluster; a lone one is dropped
            }
            if cursor.x + width > size.columns {
                if privateModes.contains(7) {
                    cursor.x = 0
                    setBuffer(screen)
                    lineFeed()
                    screen = buffer
                } else {
                    cursor.x = max(0, size.columns - width)
                }
            }
            screen.put(character, width: width, at: cursor, style: style)
            cursor.x = min(cursor.x + width, privateModes.contains(7) ? size.columns : size.columns - 1)
        }
        setBuffer(screen)
    }

    private mutating func perform(_ sequence: [UInt8]) {
        guard sequence.count >= 2 else { return }
        switch sequence[1] {
        case 0x5B: csi(Array(sequence[2..<(sequence.count - 1)]), final: sequence[sequence.count - 1])
        case 0x37: savedCursor = cursor // ESC 7
        case 0x38: cursor = savedCursor // ESC 8
        case 0x63: self = VTScreen(size: size) // ESC c: full reset
        default: break
        }
    }

    private mutating func csi(_ parameters: [UInt8], final: UInt8) {
        let isPrivate = parameters.first == 0x3F
        let body = isPrivate ? Array(parameters.dropFirst()) : parameters
        if isPrivate, final == 0x70, body.last == 0x24 { return reportMode(body.dropLast()) } // DECRQM
        if body.contains(where: { $0 == 0x24 || $0 == 0x3E || $0 == 0x3C || $0 == 0x3D }) { return } // queries
        let numbers = String(decoding: body, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func n(_ i: Int, _ fallback: Int = 1) -> Int { i < numbers.count ? (numbers[i] ?? fallback) : fallback }
        func clampCursor() {
            cursor.x = min(max(0, cursor.x), size.columns - 1)
            cursor.y = min(max(0, cursor.y), size.rows - 1)
        }
        switch final {
        case 0x48, 0x66: cursor = Point(x: max(1, n(1)) - 1, y: max(1, n(0)) - 1); clampCursor() // H f
        case 0x41: cursor.y -= max(1, n(0)); clampCursor()
        case 0x42: cursor.y += max(1, n(0)); clampCursor()
        case 0x43: cursor.x += max(1, n(0)); clampCursor()
        case 0x44: cursor.x -= max(1, n(0)); clampCursor()
        case 0x47: cursor.x = max(1, n(0)) - 1; clampCursor() // CHA
        case 0x64: cursor.y = max(1, n(0)) - 1; clampCursor() // VPA
        case 0x4A: erase(display: n(0, 0))
        case 0x4B: erase(line: n(0, 0))
        case 0x6D: sgr(numbers.map { $0 ?? 0 })
        case 0x73: savedCursor = cursor
        case 0x75: cursor = savedCursor
        case 0x68 where isPrivate, 0x6C where isPrivate:
            for mode in numbers.compactMap({ $0 }) { setMode(mode, on: final == 0x68) }
        default: break
        }
    }

    /// DECRQM answer `CSI ? Ps ; Pm $ y`: 1 set, 2 reset, 0 not recognised.
    private mutating func reportMode(_ body: ArraySlice<UInt8>) {
        guard let mode = Int(String(decoding: body, as: UTF8.self)) else { return }
        let value = !Self.recognisedModes.contains(mode) ? 0 : privateModes.contains(mode) ? 1 : 2
        replies.append(contentsOf: Array("\u{1B}[?\(mode);\(value)$y".utf8))
    }

    private mutating func setMode(_ mode: Int, on: Bool) {
        if on { privateModes.insert(mode) } else { privateModes.remove(mode) }
        guard mode == 1049, on != isAlternateScreen else { return }
        if on {
            savedCursor = cursor
            alternate = CellBuffer(size: size)
            isAlternateScreen = true
        } else {
            isAlternateScreen = false
            cursor = savedCursor
        }
    }

    /// Erasing fills with the current background colour (xterm's BCE).
    private mutating func erase(display mode: Int) {
        var screen = buffer
        let blank = Style(background: style.background)
        switch mode {
        case 0:
            screen.fill(Rect(x: cursor.x, y: cursor.y, width: size.columns - cursor.x, height: 1), style: blank)
            screen.fill(Rect(x: 0, y: cursor.y + 1, width: size.columns, height: size.rows - cursor.y - 1), style: blank)
        case 1:
            screen.fill(Rect(x: 0, y: 0, width: size.columns, height: cursor.y), style: blank)
            screen.fill(Rect(x: 0, y: cursor.y, width: cursor.x + 1, height: 1), style: blank)
        default:
            screen.fill(screen.bounds, style: blank)
        }
        setBuffer(screen)
    }

    private mutating func erase(line mode: Int) {
        var screen = buffer
        let blank = Style(background: style.background)
        let rect: Rect = switch mode {
        case 0: Rect(x: cursor.x, y: cursor.y, width: size.columns - cursor.x, height: 1)
        case 1: Rect(x: 0, y: cursor.y, width: cursor.x + 1, height: 1)
        default: Rect(x: 0, y: cursor.y, width: size.columns, height: 1)
        }
        screen.fill(rect, style: blank)
        setBuffer(screen)
    }

    private mutating func sgr(_ codes: [Int]) {
        var i = 0
        let codes = codes.isEmpty ? [0] : codes
        while i < codes.count {
            let code = codes[i]
            switch code {
            case 0: style = .plain
            case 1: style.attributes.insert(.bold)
            case 2: style.attributes.insert(.dim)
            case 4: style.attributes.insert(.underline)
            case 7: style.attributes.insert(.reverse)
            case 22: style.attributes.remove([.bold, .dim])
            case 24: style.attributes.remove(.underline)
            case 27: style.attributes.remove(.reverse)
            case 30...37: style.foreground = .ansi(UInt8(code - 30))
            case 39: style.foreground = .default
            case 40...47: style.background = .ansi(UInt8(code - 40))
            case 49: style.background = .default
            case 90...97: style.foreground = .ansi(UInt8(code - 90 + 8))
            case 100...107: style.background = .ansi(UInt8(code - 100 + 8))
            case 38, 48:
                var color: Color?
                if i + 2 < codes.count, codes[i + 1] == 5 {
                    color = .indexed(UInt8(clamping: codes[i + 2])); i += 2
                } else if i + 4 < codes.count, codes[i + 1] == 2 {
                    color = .rgb(UInt8(clamping: codes[i + 2]), UInt8(clamping: codes[i + 3]), UInt8(clamping: codes[i + 4])); i += 4
                }
                if let color {
                    if code == 38 { style.foreground = color } else { style.background = color }
                }
            default: break
            }
            i += 1
        }
    }
}
