/// Turns successive frames into the bytes that bring the terminal from one to the next.
///
/// Only cells that differ from the previous frame are written: each run of changed cells costs
/// one cursor move, a style change when the style differs, and the text. Wide glyphs are handled
/// here and in ``CellBuffer`` only: if either cell of a wide glyph changed — in the old frame or
/// the new — both of its cells are rewritten, so the terminal never shows half a glyph. Each
/// frame is one byte array (the caller sends it with one `write()`), wrapped in synchronized
/// output (mode 2026) when the terminal supports it, so it appears at once without flicker.
/// After a resize, or when the screen state is unknown, ``invalidate()`` forces a full repaint.
public struct DiffRenderer: Sendable {
    /// What the terminal shows now, as far as we know; nil means unknown (repaint everything).
    public private(set) var previous: CellBuffer?
    /// Wrap frames in `CSI ? 2026 h … l` (set once the terminal answered the DECRQM query).
    public var synchronizedOutput: Bool

    public init(synchronizedOutput: Bool = false) {
        self.synchronizedOutput = synchronizedOutput
    }

    /// Where the cursor and which style the terminal has after the last frame. Carried across
    /// frames because the renderer is the terminal's only writer; forgotten on ``invalidate()``.
    private var pen = PenState()

    /// Forget what the terminal shows: the next frame clears and repaints the whole screen.
    public mutating func invalidate() {
        previous = nil
        pen = PenState()
    }

    /// The bytes that turn the previous frame into `next`; empty when nothing changed.
    public mutating func render(_ next: CellBuffer) -> [UInt8] {
        var writer = EscapeWriter()
        if synchronizedOutput { writer.append(EscapeSequences.beginSynchronizedUpdate) }
        let headerCount = writer.bytes.count
        let base: CellBuffer
        if let previous, previous.size == next.size {
            base = previous
        } else {
            // A cleared screen is blank cells in the default style; diffing against that skips
            // every blank cell of the new frame.
            writer.append(EscapeSequences.resetStyle)
            writer.append(EscapeSequences.clearScreen)
            base = CellBuffer(size: next.size)
            pen = PenState(cursor: nil, style: .plain)
        }
        var state = pen
        var dirty = [Bool](repeating: false, count: next.size.columns)
        for y in 0..<next.size.rows {
            guard markDirty(&dirty, row: y, old: base, new: next) else { continue }
            emitRow(y, dirty: dirty, buffer: next, writer: &writer, state: &state)
        }
        previous = next
        pen = state
        if writer.bytes.count == headerCount { return [] }
        if synchronizedOutput { writer.append(EscapeSequences.endSynchronizedUpdate) }
        return writer.bytes
    }

    /// Where the terminal's cursor is and which style is active, within one frame.
    private struct PenState {
        var cursor: Point?
        var style: Style?
    }

    /// Marks the cells of row `y` to rewrite; returns false when the row is unchanged.
    private func markDirty(_ dirty: inout [Bool], row y: Int, old: CellBuffer, new: CellBuffer) -> Bool {
        let columns = new.size.columns
        var any = false
        for x in 0..<columns {
            let changed = old[x, y] != new[x, y]
            dirty[x] = changed
            any = any || changed
        }
        guard any else { return false }
        // Spread damage across both halves of every wide glyph, old or new.
        for x in 0..<columns where dirty[x] {
            let before = old[x, y], after = new[x, y]
            if (before.isContinuation || after.isContinuation), x > 0 { dirty[x - 1] = true }
            if (before.width == 2 || after.width == 2), x + 1 < columns { dirty[x + 1] = true }
        }
        // A newly dirty right half may belong to a glyph whose left half was clean.
        for x in stride(from: columns - 1, to: 0, by: -1) where dirty[x] {
            if new[x, y].isContinuation || old[x, y].isContinuation { dirty[x - 1] = true }
        }
        return true
    }

    private func emitRow(_ y: Int, dirty: [Bool], buffer: CellBuffer, writer: inout EscapeWriter, state: inout PenState) {
        let columns = buffer.size.columns
        var x = 0
        while x < columns {
            guard dirty[x] else { x += 1; continue }
            let cell = buffer[x, y]
            if cell.isContinuation { x += 1; continue } // written with its left half
            moveCursor(to: Point(x: x, y: y), buffer: buffer, dirty: dirty, writer: &writer, state: &state)
            if state.style != cell.style {
                writer.setStyle(cell.style, from: state.style)
                state.style = cell.style
            }
            writer.append(cell.character)
            let width = Int(cell.width)
            x += width
            // With autowrap off the cursor sticks at the last column: treat it as unknown.
            state.cursor = x >= columns ? nil : Point(x: x, y: y)
        }
    }

    /// Moves the cursor the cheapest way: nothing, a short rewrite of clean narrow cells in the
    /// current style, a relative move on the same row, or an absolute move.
    private func moveCursor(to target: Point, buffer: CellBuffer, dirty: [Bool], writer: inout EscapeWriter, state: inout PenState) {
        guard let cursor = state.cursor, cursor.y == target.y, cursor.x <= target.x else {
            writer.moveTo(x: target.x, y: target.y)
            state.cursor = target
            return
        }
        let gap = target.x - cursor.x
        if gap == 0 { return }
        if gap <= 3, (cursor.x..<target.x).allSatisfy({ x in
            let cell = buffer[x, target.y]
            return cell.width == 1 && cell.style == state.style && cell.character.utf8.count == 1
        }) {
            for x in cursor.x..<target.x { writer.append(buffer[x, target.y].character) }
        } else {
            writer.moveRight(gap)
        }
        state.cursor = target
    }
}
