import Foundation
import IDCardReader
import KioskDomain
import KioskOperations
import KioskTime

/// The ID-card reader: found and answering, its model, its SAM module, and a live read of a
/// test card with the number masked. Reader faults carry their own remedies
/// (`ReaderFault: PersonReadableError`).
enum ReaderDiagnostics {
    static func checks(_ target: DiagnosticsTarget) async -> [DiagnosticCheck] {
        guard let reader = target.reader else {
            return [.fail("reader.found", "读卡器连接", measured: "未配置", expected: "已连接",
                          remedy: "在配置文件 [devices] reader 中填写读卡器（auto、串口路径或 usb:VVVV:PPPP）后重启 kioskd")]
        }
        switch reader {
        case .owned(let bridge):
            return await owned(bridge, target)
        case .device(let connector):
            return await direct(connector, target)
        }
    }

    /// kioskd's reader: what the running reader knows, then the next card it reads.
    private static func owned(_ bridge: ReaderBridge, _ target: DiagnosticsTarget) async -> [DiagnosticCheck] {
        switch await settledStatus(bridge, clock: target.clock) {
        case .unknown:
            return [.fail("reader.found", "读卡器连接", measured: "尚未连接（正在尝试）", expected: "已连接",
                          remedy: "检查读卡器的 USB 线和电源；几秒后重新自检")]
        case .disconnected(let fault):
            return [found(fault)]
        case .connected(let connection):
            var checks = connected(connection, target)
            await target.presentTestCard?()
            let outcome = await bridge.nextReading(within: target.readWait, clock: target.clock)
            await target.removeTestCard?()
            checks.append(liveRead(outcome))
            return checks
        }
    }

    /// How long a self-test waits for the reader's first connection attempt to end (a
    /// self-test right after kioskd starts), before it reports the reader as still connecting.
    static let firstConnectionWait: Duration = .seconds(5)

    /// The reader's state once its first connection attempt has ended, or `.unknown` when it
    /// has not within ``firstConnectionWait``.
    private static func settledStatus(_ bridge: ReaderBridge, clock: any KioskClock) async -> ReaderStatus {
        var waited = Duration.zero
        while true {
            let status = await bridge.readerStatus()
            guard case .unknown = status, waited < firstConnectionWait else { return status }
            try? await clock.sleep(for: .milliseconds(100))
            waited += .milliseconds(100)
        }
    }

    /// No one holds the reader: one handshake and one read attempt, on a thread of its own
    /// (the SAM protocol's I/O is blocking, with its own timeouts).
    private static func direct(_ connector: @escaping CardReader.Connector, _ target: DiagnosticsTarget) async -> [DiagnosticCheck] {
        await target.presentTestCard?()
        let verifier = target.verifier
        let today = target.clock.today
        let wait = target.readWait
        let result: Result<ReadOnce.Result, ReaderFault> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(ReaderFault) -> ReadOnce.Result in
                    let transport: any SAMTransport
                    do throws(TransportError) { transport = try connector() } catch { throw .transport(error) }
                    let link = SAMLink(transport: transport, timeouts: .probe)
                    defer { link.close() }
                    guard let verifier else { throw .transport(.closed) }
                    return try ReadOnce.run(link, verifier: verifier, today: { today }, wait: wait)
                })
            }
        }
        await target.removeTestCard?()
        switch result {
        case .failure(let fault):
            return [found(fault)]
        case .success(.read(let connection, let reading)):
            return connected(connection, target) + [liveRead(.read(reading))]
        case .success(.failed(let connection, let failure)):
            return connected(connection, target) + [liveRead(.failed(failure))]
        case .success(.noCard(let connection)):
            return connected(connection, target) + [liveRead(nil)]
        }
    }

    private static func found(_ fault: ReaderFault) -> DiagnosticCheck {
        .fail("reader.found", "读卡器连接", measured: "未连接：\(fault.technicalDescription)", expected: "已连接并应答",
              remedy: fault.remedy)
    }

    private static func connected(_ connection: ReaderConnection, _ target: DiagnosticsTarget) -> [DiagnosticCheck] {
        var checks: [DiagnosticCheck] = [
            .pass("reader.found", "读卡器连接", measured: "已连接 \(connection.label)", expected: "已连接并应答"),
            .pass("reader.model", "读卡器型号", measured: target.readerModel, expected: "已知型号（Devices/readers）"),
        ]
        if let sam = connection.samIdentity {
            checks.append(.pass("reader.sam", "安全模块（SAM）", measured: samSummary(sam), expected: "应答 SAM 编号"))
        } else {
            checks.append(.fail("reader.sam", "安全模块（SAM）", measured: "未应答 SAM 编号", expected: "应答 SAM 编号",
                                remedy: "读卡器的安全模块未就绪：断电重启读卡器；仍不应答则更换读卡器（需公安部授权型号）"))
        }
        return checks
    }

    /// The SAM number without its long digit groups (they would read as personal data to the
    /// scrubber, and the technician needs only to see one is there): version and last 4 digits.
    static func samSummary(_ identity: String) -> String {
        let parts = identity.split(separator: "-")
        let version = parts.first.map(String.init) ?? "?"
        let tail = parts.last.map { String($0.suffix(4)) } ?? ""
        return "SAM \(version)（编号尾号 \(tail)）"
    }

    static func liveRead(_ outcome: ReaderBridge.DiagnosticRead?) -> DiagnosticCheck {
        let title = "实时读卡"
        let expected = "读出测试卡，号码已遮蔽"
        switch outcome {
        case nil:
            return .warn("reader.read", title, measured: "等待期间未放置证件", expected: expected,
                         remedy: "将测试卡或本人身份证平放在读卡区，再次自检以完成读卡测试")
        case .failed(let failure)?:
            return .fail("reader.read", title, measured: "读卡失败：\(failure.technicalDescription)", expected: expected,
                         remedy: failure.remedy)
        case .read(let reading)?:
            let number = reading.idNumber?.masked ?? "号码无法识别"
            let kind = reading.card.kind == .residentID ? "居民身份证" : "其他证件"
            if reading.idNumber == nil {
                return .warn("reader.read", title, measured: "\(kind)，\(number)", expected: expected,
                             remedy: reading.idNumberProblem?.chineseMessage ?? "换一张测试卡再试；仍失败则联系读卡器厂家")
            }
            return .pass("reader.read", title, measured: "\(kind) \(number)\(reading.expired ? "（已过期）" : "")", expected: expected)
        }
    }
}
