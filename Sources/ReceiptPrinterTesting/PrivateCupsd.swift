import Foundation
import TestSupport
import ReceiptPrinter
#if canImport(Glibc)
import Glibc
#endif

/// A private CUPS scheduler for one test: its own configuration directory, a Unix socket and a
/// loopback port, the repository's test backend (`Devices/cups/kiosk-testprn`) and raw queues
/// on it. Started with `posix_spawn`, stopped by pid.
///
/// Never a raw queue with a `file:` device: that combination reports "completed" for a raw job
/// while writing nothing — exactly the silent failure the tests exist to catch.
public final class PrivateCupsd: @unchecked Sendable {
    public static let cupsdPath = "/usr/sbin/cupsd"
    static let lpadmin = "/usr/sbin/lpadmin"
    static let lpstat = "/usr/bin/lpstat"
    static let cupsaccept = "/usr/sbin/cupsaccept"

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let directory: URL
    public let port: Int
    public var socketPath: String { directory.appendingPathComponent("cups.sock").path }
    /// The server as clients address it (the Unix socket).
    public var server: CupsServer { CupsServer(host: socketPath, port: 0) }
    public var loopbackServer: CupsServer { CupsServer(host: "127.0.0.1", port: Int32(port)) }
    public private(set) var pid: pid_t?

    /// Fails loudly when cupsd is not installed: CI installs it, so a missing binary is a broken
    /// machine, not a reason to skip.
    public static func requireInstalled() throws {
        for tool in [cupsdPath, lpadmin, lpstat, cupsaccept] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw Failure(description: "\(tool) is missing: install cups, cups-daemon and cups-client (see .ci/run); printing tests cannot run without a real cupsd")
        }
    }

    /// Creates the configuration and starts cupsd on a thread of its own, so that waiting for
    /// the scheduler does not hold one of the few cooperative-pool threads other tests need.
    public static func start() async throws -> PrivateCupsd {
        try await Spawn.offPool { try startBlocking() }
    }

    /// Restarts the scheduler off the cooperative pool (see `start()`).
    public func restart() async throws {
        try await Spawn.offPool { try self.restartBlocking() }
    }

    /// Creates the configuration and starts cupsd; returns once the scheduler answers.
    public static func startBlocking() throws -> PrivateCupsd {
        try requireInstalled()
        let directory = try RepositoryPaths.temporaryDirectory("kiosk-cupsd")
        let cupsd = PrivateCupsd(directory: directory, port: try freeLoopbackPort())
        try cupsd.writeConfiguration()
        try cupsd.launch()
        return cupsd
    }

    init(directory: URL, port: Int) {
        self.directory = directory
        self.port = port
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The environment for CUPS command-line tools and for libcups clients pointed here.
    public var environment: [String: String] {
        ["CUPS_SERVER": socketPath, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C"]
    }

    /// The account backends run as: `lp` when we are root, else ourselves.
    private var runAs: (user: String, group: String, uid: uid_t, gid: gid_t) {
        if getuid() == 0, let pw = getpwnam("lp") {
            let group = getgrgid(pw.pointee.pw_gid).map { String(cString: $0.pointee.gr_name) } ?? "lp"
            return ("lp", group, pw.pointee.pw_uid, pw.pointee.pw_gid)
        }
        let pw = getpwuid(getuid())
        let user = pw.map { String(cString: $0.pointee.pw_name) } ?? "nobody"
        let group = getgrgid(getgid()).map { String(cString: $0.pointee.gr_name) } ?? "nogroup"
        return (user, group, getuid(), getgid())
    }

    private func writeConfiguration() throws {
        let fm = FileManager.default
        let d = directory.path
        for sub in ["etc", "spool/tmp", "cache", "state", "log", "serverbin/backend", "out"] {
            try fm.createDirectory(atPath: "\(d)/\(sub)", withIntermediateDirectories: true)
        }
        for link in ["cgi-bin", "daemon", "driver", "filter", "monitor", "notifier"] {
            try? fm.createSymbolicLink(atPath: "\(d)/serverbin/\(link)", withDestinationPath: "/usr/lib/cups/\(link)")
        }
        let backendSource = RepositoryPaths.root.appendingPathComponent("Devices/cups/kiosk-testprn").path
        try Self.installExecutable(from: backendSource, to: "\(d)/serverbin/backend/kiosk-testprn")
        let account = runAs
        let systemGroup = getuid() == 0 ? "root" : account.group
        try """
        User \(account.user)
        Group \(account.group)
        SystemGroup \(systemGroup)
        FileDevice No
        ServerRoot \(d)/etc
        ServerBin \(d)/serverbin
        RequestRoot \(d)/spool
        TempDir \(d)/spool/tmp
        CacheDir \(d)/cache
        StateDir \(d)/state
        AccessLog \(d)/log/access_log
        ErrorLog \(d)/log/error_log
        PageLog \(d)/log/page_log
        Printcap \(d)/state/printcap

        """.write(toFile: "\(d)/etc/cups-files.conf", atomically: true, encoding: .utf8)
        try """
        LogLevel info
        Listen 127.0.0.1:\(port)
        Listen \(d)/cups.sock
        Browsing No
        BrowseLocalProtocols none
        WebInterface No
        DefaultAuthType None
        JobRetryInterval 1
        MaxJobs 0
        PreserveJobHistory Yes
        <Location />
          Order allow,deny
          Allow localhost
        </Location>
        <Policy default>
          <Limit All>
            Order deny,allow
          </Limit>
        </Policy>

        """.write(toFile: "\(d)/etc/cupsd.conf", atomically: true, encoding: .utf8)
    }

    /// Copies an executable with a close-on-exec descriptor. A plain copy leaves the write
    /// descriptor open while other tests spawn processes; a child that inherits it makes every
    /// exec of the file fail with ETXTBSY ("Text file busy") — seen as aborted jobs.
    static func installExecutable(from source: String, to destination: String) throws {
        guard let bytes = FileManager.default.contents(atPath: source) else {
            throw Failure(description: "cannot read \(source)")
        }
        let fd = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw Failure(description: "cannot create \(destination): \(String(cString: strerror(errno)))") }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw Failure(description: "short write to \(destination)") }
        chmod(destination, 0o755)
    }

    private func launch() throws {
        let d = directory.path
        let pid = try Spawn.start(Self.cupsdPath, ["-f", "-c", "\(d)/etc/cupsd.conf", "-s", "\(d)/etc/cups-files.conf"],
                                  environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C"], output: "\(d)/log/cupsd.out")
        self.pid = pid
        // `lpstat -r` exits 0 even when the scheduler is down: read what it says.
        for _ in 0..<500 {
            if let out = try? Spawn.run(Self.lpstat, ["-r"], environment: environment).output,
               out.split(separator: "\n").contains("scheduler is running") {
                return
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                self.pid = nil
                let log = (try? String(contentsOfFile: "\(d)/log/cupsd.out", encoding: .utf8)) ?? ""
                throw Failure(description: "cupsd exited during start-up: \(log)")
            }
            usleep(10_000)
        }
        throw Failure(description: "cupsd did not answer within 5 s (see \(d)/log)")
    }

    /// Stops the scheduler (SIGTERM, then wait on our child).
    public func stop() {
        guard let pid else { return }
        kill(pid, SIGTERM)
        Spawn.wait(pid)
        self.pid = nil
    }

    /// Starts the scheduler again with the same configuration, queues and jobs.
    public func restartBlocking() throws {
        stop()
        try launch()
    }

    /// Adds a raw queue on the test backend; returns the directory its jobs are written to.
    @discardableResult
    public func addQueue(_ name: String, errorPolicy: String = "abort-job") async throws -> URL {
        let out = directory.appendingPathComponent("out/\(name)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        chown(out.path, runAs.uid, runAs.gid)
        // No -m: a raw queue; the backend receives exactly the submitted bytes.
        try await tool(Self.lpadmin, ["-p", name, "-E", "-v", "kiosk-testprn:\(out.path)", "-o", "printer-error-policy=\(errorPolicy)"])
        return out
    }

    /// Sets the test backend's behaviour for the next jobs (`ok`, `fail`, `media-empty`, …).
    public func setMode(_ mode: String, queue: String) throws {
        try "\(mode)\n".write(to: directory.appendingPathComponent("out/\(queue)/mode"), atomically: true, encoding: .utf8)
    }

    /// The bytes of job `id` as the backend received them, or nil if it never wrote it.
    public func receivedJob(_ id: Int32, queue: String) -> Data? {
        FileManager.default.contents(atPath: directory.appendingPathComponent("out/\(queue)/job-\(id).bin").path)
    }

    /// How many jobs the backend has written for `queue`.
    public func receivedJobCount(queue: String) -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out/\(queue)").path)) ?? []
        return files.filter { $0.hasPrefix("job-") && $0.hasSuffix(".bin") }.count
    }

    /// Runs a CUPS administration tool against this scheduler (`cupsdisable`, `cupsreject`, …),
    /// waiting for it off the cooperative pool.
    @discardableResult
    public func tool(_ path: String, _ arguments: [String]) async throws -> String {
        let environment = environment
        let (status, output) = try await Spawn.offPool { try Spawn.run(path, arguments, environment: environment) }
        guard status == 0 else { throw Failure(description: "\(path) \(arguments.joined(separator: " ")) exited \(status): \(output)") }
        return output
    }

    public func disable(_ queue: String, reason: String) async throws { try await tool("/usr/sbin/cupsdisable", ["-r", reason, queue]) }
    public func enable(_ queue: String) async throws { try await tool("/usr/sbin/cupsenable", [queue]) }
    public func reject(_ queue: String) async throws { try await tool("/usr/sbin/cupsreject", [queue]) }
    public func accept(_ queue: String) async throws { try await tool(Self.cupsaccept, [queue]) }

    /// The job and error lines of the scheduler's log (for failure messages).
    public var jobLog: String {
        errorLog.split(separator: "\n").filter { $0.contains("[Job") || $0.hasPrefix("E ") || $0.hasPrefix("W [") }.joined(separator: "\n")
    }

    /// The scheduler's error log (for failure messages).
    public var errorLog: String {
        (try? String(contentsOf: directory.appendingPathComponent("log/error_log"), encoding: .utf8)) ?? ""
    }

    static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { ptr in
            ptr.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bind(fd, sa, len) == 0 && getsockname(fd, sa, &len) == 0
            }
        }
        guard bound else { throw Failure(description: "bind: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
