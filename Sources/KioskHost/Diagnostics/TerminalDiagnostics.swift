import Foundation
import KioskOperations
#if canImport(Glibc)
import Glibc
#endif

/// The touchscreen's terminal: its size (the screens are laid out for at least 80×24), and what
/// the kiosk relies on from it — SGR mouse reports for touch, synchronized output against
/// tearing, sixel for photos — as the terminal type declares them (foot, the kiosk's terminal,
/// has all three; `Devices/terminal/`).
enum TerminalDiagnostics {
    static let minimumColumns = 80
    static let minimumRows = 24

    static func checks(_ target: DiagnosticsTarget) -> [DiagnosticCheck] {
        guard let terminal = target.terminal else {
            return [.warn("terminal.size", "触摸屏终端", measured: "本次自检不在触摸屏终端上运行", expected: "由 kioskd 检查",
                          remedy: "kioskd 运行时执行 kioskctl diag，或在触摸屏的技术员模式中自检")]
        }
        var size = winsize()
        var checks: [DiagnosticCheck] = []
        if ioctl(terminal.fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            let measured = "\(size.ws_col)×\(size.ws_row)"
            if Int(size.ws_col) >= minimumColumns && Int(size.ws_row) >= minimumRows {
                checks.append(.pass("terminal.size", "屏幕尺寸", measured: measured, expected: "≥ \(minimumColumns)×\(minimumRows)"))
            } else {
                checks.append(.fail("terminal.size", "屏幕尺寸", measured: measured, expected: "≥ \(minimumColumns)×\(minimumRows)",
                                    remedy: "终端字体过大或窗口过小：按 Devices/terminal/foot.ini 设置字号，确认 cage 全屏运行 foot"))
            }
        } else {
            checks.append(.fail("terminal.size", "屏幕尺寸", measured: "无法读取（不是终端）", expected: "≥ \(minimumColumns)×\(minimumRows)",
                                remedy: "kioskd 应在触摸屏的终端（foot）中运行：检查 systemd 单元的 TTYPath/cage 配置"))
        }
        let term = terminal.term.isEmpty ? "未设置" : terminal.term
        let known = ["foot", "xterm", "wezterm", "kitty", "contour", "mlterm"].contains { terminal.term.hasPrefix($0) }
        let sixel = ["foot", "wezterm", "contour", "mlterm"].contains { terminal.term.hasPrefix($0) }
        let remedy = "触摸屏终端应为 foot（TERM=foot）：检查 cage 启动的终端与 Devices/terminal/ 配置"
        checks.append(known
            ? .pass("terminal.touch", "触摸（SGR 鼠标）", measured: "TERM=\(term)，kioskd 已开启 1006 模式", expected: "支持 SGR 鼠标报告")
            : .warn("terminal.touch", "触摸（SGR 鼠标）", measured: "TERM=\(term)", expected: "支持 SGR 鼠标报告", remedy: remedy))
        checks.append(known
            ? .pass("terminal.sync", "同步输出", measured: "TERM=\(term) 支持 2026 模式", expected: "支持同步输出")
            : .warn("terminal.sync", "同步输出", measured: "TERM=\(term)", expected: "支持同步输出", remedy: remedy))
        checks.append(sixel
            ? .pass("terminal.sixel", "图片显示（sixel）", measured: "TERM=\(term) 支持 sixel", expected: "支持 sixel")
            : .warn("terminal.sixel", "图片显示（sixel）", measured: "TERM=\(term)", expected: "支持 sixel", remedy: remedy))
        return checks
    }
}
