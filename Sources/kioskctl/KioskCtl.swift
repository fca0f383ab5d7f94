import ArgumentParser

/// `kioskctl`: the technician's and operator's command line. Each subcommand parses its
/// arguments and calls a module; the behaviour lives in the modules (see DESIGN's contracts:
/// exit 0 success, 1 a clear "no", 2 could not run).
@main
struct KioskCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskctl",
        abstract: "OneStop Kiosk 技术维护与查询工具 — technician and operator tool.",
        subcommands: [
            // MARK: domain
            // MARK: devices
            UICommand.self,
            // MARK: cases
        ]
    )
}
