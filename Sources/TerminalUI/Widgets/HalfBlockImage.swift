/// A small picture drawn with the upper half block `▀`: each cell shows two pixels, the top one as
/// the glyph's colour and the bottom one as the cell's background. Works in any 24-bit terminal
/// (foot draws the block itself, pixel-exact), so a photo can be previewed where no sixel is
/// available.
///
/// The picture is resampled (nearest pixel) to fit `rect` keeping its aspect; terminal cells are
/// taller than wide, so a cell's two pixels are each `cellAspect / 2` times as tall as wide.
public struct HalfBlockImage {
    public var width: Int
    public var height: Int
    /// `width * height * 3` bytes, R G B per pixel, row-major.
    public var pixels: [UInt8]
    /// A cell's height over its width (about 2.5 for the kiosk's CJK font in foot).
    public var cellAspect: Double

    public init(width: Int, height: Int, pixels: [UInt8], cellAspect: Double = 2.5) {
        self.width = width
        self.height = height
        self.pixels = pixels
        self.cellAspect = cellAspect
    }

    /// The cells the picture takes when fitted into `rect` (centred there by `draw`).
    public func fittedSize(in rect: Rect) -> Size {
        guard width > 0, height > 0, rect.width > 0, rect.height > 0 else { return Size(columns: 0, rows: 0) }
        // One cell is 1 wide and cellAspect tall; the picture's height in cells is rows.
        let aspect = Double(width) / Double(height)
        var rows = rect.height
        var columns = Int((aspect * Double(rows) * cellAspect).rounded())
        if columns > rect.width {
            columns = rect.width
            rows = max(1, Int((Double(columns) / aspect / cellAspect).rounded()))
        }
        return Size(columns: max(1, columns), rows: max(1, rows))
    }

    public func draw<Message>(into frame: inout Frame<Message>, in rect: Rect) {
        guard pixels.count == width * height * 3 else { return }
        let size = fittedSize(in: rect)
        guard size.columns > 0 else { return }
        let origin = Point(x: rect.x + (rect.width - size.columns) / 2, y: rect.y + (rect.height - size.rows) / 2)
        func colour(_ column: Int, _ pixelRow: Int) -> Color {
            let x = min(width - 1, column * width / size.columns)
            let y = min(height - 1, pixelRow * height / (size.rows * 2))
            let i = (y * width + x) * 3
            return .rgb(pixels[i], pixels[i + 1], pixels[i + 2])
        }
        for row in 0..<size.rows {
            for column in 0..<size.columns {
                frame.text("▀", at: Point(x: origin.x + column, y: origin.y + row),
                           style: Style(foreground: colour(column, row * 2), background: colour(column, row * 2 + 1)), clip: rect)
            }
        }
    }
}
