import Foundation
import KioskDomain
import ReceiptPrinterTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import ReceiptPrinter
import Testing
import TestTraits

/// Printing through a real, private cupsd with a raw queue on the test backend. Each test starts
/// its own scheduler, so they run in parallel without sharing state.
@Suite(.realTime) struct CupsPrintingTests {
    let cupsd: PrivateCupsd
    let queue = "kiosk"

    init() async throws {
        // A missing cupsd is a broken machine (CI installs it): fail, never skip.
        try PrivateCupsd.requireInstalled()
        cupsd = try await PrivateCupsd.start()
        try await cupsd.addQueue(queue, errorPolicy: "abort-job")
    }

    func acknowledgementBytes(_ index: Int = 0, reprint: Bool = false) throws -> [UInt8] {
        try ReceiptRendering.acknowledgement(CaseFixtures.chongqing(index: index), printedAt: Date(timeIntervalSince1970: 1_795_400_000),
                                             reprint: reprint, model: .standard80mm, assets: RepositoryPaths.assets, format: .escpos)
    }

    func submitter(timeout: Duration = .seconds(20)) async throws -> JobSubmitter {
        JobSubmitter(queue: try await CupsPrinterQueue.open(queue: queue, server: cupsd.server), timeout: timeout)
    }

    @Test func bytesArriveExactlyAndCompletedOnlyAfterTheyArrived() async throws {
        let bytes = try acknowledgementBytes()
        let outcome = try await submitter().print(bytes, title: "test")
        #expect(outcome.result == .printed, "\(outcome) \(cupsd.jobLog)")
        let job = try #require(outcome.jobID)
        // Completed is reported only after the backend renamed the finished file into place.
        let received = try #require(cupsd.receivedJob(job, queue: queue))
        #expect([UInt8](received) == bytes)
        #expect(outcome.status.condition == .ready)
    }

    @Test func overTheLoopbackPortToo() async throws {
        let bytes = try acknowledgementBytes(1)
        let q = try await CupsPrinterQueue.open(queue: queue, server: cupsd.loopbackServer)
        let outcome = await JobSubmitter(queue: q).print(bytes, title: "test")
        #expect(outcome.printed, "\(outcome)\n\(cupsd.jobLog.suffix(1500))")
        let job = try #require(outcome.jobID)
        #expect(cupsd.receivedJob(job, queue: queue).map { [UInt8]($0) } == bytes)
    }

    @Test func defaultQueueIsFound() async throws {
        try await cupsd.tool("/usr/sbin/lpadmin", ["-d", queue])
        let q = try await CupsPrinterQueue.open(queue: nil, server: cupsd.server)
        #expect(q.queue == queue)
    }

    @Test func missingQueueIsReported() async throws {
        let q = try await CupsPrinterQueue.open(queue: "no-such-queue", server: cupsd.server)
        let outcome = await JobSubmitter(queue: q).print([0x1B, 0x40], title: "test")
        #expect(!outcome.printed)
        #expect(outcome.status.condition == .queueMissing)
    }

    @Test func pausedQueue() async throws {
        try await cupsd.disable(queue, reason: "technician maintenance")
        let s = try await submitter()
        let status = await s.queue.status()
        #expect(status.condition == .paused)
        #expect(status.stateMessage == "technician maintenance")
        let outcome = await s.print(try acknowledgementBytes(), title: "test")
        #expect(outcome.result == .notSubmitted)
        #expect(outcome.status.condition == .paused)
        #expect(cupsd.receivedJobCount(queue: queue) == 0)
        try await cupsd.enable(queue)
        try await expectPrintsAgain(s)
    }

    @Test func rejectingQueue() async throws {
        try await cupsd.reject(queue)
        let s = try await submitter()
        let outcome = await s.print(try acknowledgementBytes(), title: "test")
        #expect(!outcome.printed)
        #expect(outcome.status.condition == .notAccepting)
        #expect(outcome.status.accepting == false)
        try await cupsd.accept(queue)
        try await expectPrintsAgain(s)
    }

    /// The queue passes the status check, then refuses at Create-Job (rejected in between).
    @Test func rejectedBetweenCheckAndSubmit() async throws {
        let s = try await submitter()
        try await cupsd.reject(queue)
        do {
            _ = try await s.queue.submit([0x1B, 0x40], title: "test")
            Issue.record("Create-Job on a rejecting queue succeeded")
        } catch {
            #expect(error == .notAccepting(queue))
        }
        try await cupsd.accept(queue)
        try await expectPrintsAgain(s)
    }

    @Test func backendFailureWithAbortJob() async throws {
        try cupsd.setMode("fail", queue: queue)
        let s = try await submitter()
        let outcome = await s.print(try acknowledgementBytes(), title: "test")
        #expect(outcome.result == .aborted, "\(outcome)")
        #expect(!outcome.printed)
        #expect(!outcome.status.canPrint || outcome.result == .aborted)
        #expect(cupsd.receivedJobCount(queue: queue) == 0)
        // abort-job leaves the printer idle: the next job prints once the device works.
        try cupsd.setMode("ok", queue: queue)
        try await expectPrintsAgain(s)
    }

    /// Paper out and cover open: the backend reports the reason and exits "stop", the printer
    /// stops; the job is canceled at once and the status names the fault.
    @Test(arguments: [("media-empty", PrinterStatus.Condition.mediaEmpty, "缺纸"), ("cover-open", .coverOpen, "盖")])
    func deviceStopsWithAFault(mode: String, condition: PrinterStatus.Condition, words: String) async throws {
        try cupsd.setMode(mode, queue: queue)
        let s = try await submitter()
        let outcome = await s.print(try acknowledgementBytes(), title: "test")
        #expect(!outcome.printed)
        #expect(outcome.result == .stopped, "\(outcome)")
        #expect(outcome.status.condition == condition, "\(outcome)")
        #expect(outcome.status.message.contains(words))
        #expect(outcome.status.remedy.contains("cupsenable \(queue)"))
        #expect(cupsd.receivedJobCount(queue: queue) == 0)
        #expect(await s.queue.status().condition == condition)
        // Technician fixes the device and re-enables the queue; the canceled job does not reappear.
        try cupsd.setMode("ok", queue: queue)
        try await cupsd.enable(queue)
        try await expectPrintsAgain(s, expectedJobs: 1)
        #expect(await s.queue.status().condition == .ready)
        #expect(await s.queue.status().reasons.isEmpty)
    }

    @Test func mediaLowStillPrints() async throws {
        try cupsd.setMode("media-low", queue: queue)
        let s = try await submitter()
        let outcome = await s.print(try acknowledgementBytes(), title: "test")
        #expect(outcome.printed)
        #expect(await s.queue.status().condition == .mediaLow)
        try cupsd.setMode("ok", queue: queue)
        try await expectPrintsAgain(s, expectedJobs: 2)
        #expect(await s.queue.status().condition == .ready)
    }

    /// The printer is unplugged: the backend reports offline-report and waits for it, as CUPS's
    /// usb backend does. The job does not complete within the limit, so it is canceled (it must not
    /// print after the veteran has gone) and the status says offline. The limit runs on a stepping
    /// clock once the backend is waiting, so machine load cannot change the outcome.
    @Test func offline() async throws {
        try cupsd.setMode("offline", queue: queue)
        let s = JobSubmitter(queue: try await CupsPrinterQueue.open(queue: queue, server: cupsd.server),
                             clock: ManualClock(stepping: true), timeout: .seconds(2))
        #expect(await s.queue.status().canPrint)
        let job = try await s.queue.submit(try acknowledgementBytes(), title: "test")
        var waited = 0
        while !(await s.queue.status().reasons.contains("offline-report")), waited < 3_000 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        #expect(await s.queue.status().condition == .offline)
        let outcome = await s.follow(job)
        #expect(!outcome.printed)
        #expect(outcome.result == .timedOut, "\(outcome)")
        #expect(outcome.status.condition == .offline, "\(outcome)\n\(cupsd.jobLog.suffix(3000))")
        #expect(outcome.status.message.contains("未连接"))
        #expect(try await s.queue.job(job).state == .canceled)
        #expect(cupsd.receivedJobCount(queue: queue) == 0)
        try cupsd.setMode("ok", queue: queue)
        try await expectPrintsAgain(s, expectedJobs: 1)
    }

    @Test func schedulerNotRunning() async throws {
        let s = try await submitter()
        cupsd.stop()
        let status = await s.queue.status()
        #expect(status.condition == .schedulerDown)
        let outcome = await s.print(try acknowledgementBytes(), title: "test")
        #expect(outcome.result == .notSubmitted)
        #expect(outcome.status.condition == .schedulerDown)
        try await cupsd.restart()
        try await expectPrintsAgain(s)
    }

    /// cupsd stops while the job is still printing: not printed, scheduler down; after the
    /// restart the technician cancels the leftover job and printing works again.
    @Test func schedulerStopsMidJob() async throws {
        try cupsd.setMode("slow:600", queue: queue)
        let s = JobSubmitter(queue: try await CupsPrinterQueue.open(queue: queue, server: cupsd.server),
                             clock: ManualClock(stepping: true), timeout: .seconds(20))
        let job = try await s.queue.submit(try acknowledgementBytes(), title: "test")
        cupsd.stop()
        let outcome = await s.follow(job)
        #expect(outcome.result == .stopped)
        #expect(!outcome.printed)
        #expect(outcome.status.condition == .schedulerDown)
        try await cupsd.restart()
        await s.queue.cancel(job)
        try cupsd.setMode("ok", queue: queue)
        try await expectPrintsAgain(s)
    }

    /// The kiosk's service remembers a job caught by a scheduler outage and cancels it once cupsd
    /// is back (cupsd resumes spooled jobs), so only the 补打 copy comes out.
    @Test func serviceCancelsJobsOrphanedByASchedulerOutage() async throws {
        try cupsd.setMode("slow:600", queue: queue)
        let service = try ReceiptService(model: .standard80mm, submitter: try await submitter(), assets: RepositoryPaths.assets)
        let filed = CaseFixtures.chongqing(index: 9)
        let printing = Task(executorPreference: TestExecutors.realTime) { await service.printAcknowledgement(filed) }
        let probe = try await CupsPrinterQueue.open(queue: queue, server: cupsd.server)
        var waited = 0
        while (try? await probe.job(1).state) != .processing, waited < 3_000 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        cupsd.stop()
        let outcome = await printing.value
        #expect(!outcome.printed)
        #expect(outcome.status.condition == .schedulerDown)
        #expect(await service.orphanedJobs == [1])
        try await cupsd.restart()
        try cupsd.setMode("ok", queue: queue)
        let copy = await service.reprint(filed)
        #expect(copy.printed, "\(copy)\n\(cupsd.jobLog.suffix(2000))")
        #expect(await service.orphanedJobs.isEmpty)
        #expect(try await probe.job(1).state == .canceled)
        #expect(cupsd.receivedJobCount(queue: queue) == 1)
    }

    /// A job that does not complete in time is canceled, so it cannot print after the veteran left.
    /// The stepping clock makes the 2 s limit expire after 200 polls, however fast the machine is.
    @Test func timeoutCancelsTheJob() async throws {
        try cupsd.setMode("slow:600", queue: queue)
        let clock = ManualClock(stepping: true)
        let s = JobSubmitter(queue: try await CupsPrinterQueue.open(queue: queue, server: cupsd.server), clock: clock,
                             timeout: .seconds(2), pollInterval: .milliseconds(10))
        let outcome = await s.print(try acknowledgementBytes(), title: "test")
        #expect(outcome.result == .timedOut)
        #expect(!outcome.printed)
        #expect(clock.sleepCount == 200)
        let job = try #require(outcome.jobID)
        #expect(try await s.queue.job(job).state == .canceled)
    }

    @Test func reprintIsMarkedAndPrints() async throws {
        let service = try ReceiptService(model: .standard80mm, submitter: try await submitter(), assets: RepositoryPaths.assets)
        let filed = CaseFixtures.chongqing(index: 2)
        let first = await service.printAcknowledgement(filed)
        #expect(first.printed)
        let again = await service.reprint(filed)
        #expect(again.printed)
        let firstJob = try #require(first.jobID), againJob = try #require(again.jobID)
        let original = try #require(cupsd.receivedJob(firstJob, queue: queue))
        let copy = try #require(cupsd.receivedJob(againJob, queue: queue))
        let originalText = try #require(ReceiptTextEncoding.gb18030.decode(ESCPOSStrip.text(of: [UInt8](original))))
        let copyText = try #require(ReceiptTextEncoding.gb18030.decode(ESCPOSStrip.text(of: [UInt8](copy))))
        #expect(!originalText.contains("补打"))
        #expect(copyText.contains("【补打】"))
        #expect(copyText.contains("补打时间"))
    }

    /// The field story: paper runs out while the veteran's receipt prints; the case is kept; the
    /// technician loads paper and re-enables the queue; the receipt is reprinted marked 补打.
    /// The diagnostics report and the 不予受理 notice go through the same path.
    @Test func paperOutThenReprintAndTechnicianDocuments() async throws {
        let service = try ReceiptService(model: .standard80mm, submitter: try await submitter(), assets: RepositoryPaths.assets)
        let now = Date(timeIntervalSince1970: 1_795_400_600)
        try cupsd.setMode("media-empty", queue: queue)
        let filed = CaseFixtures.chongqing(index: 4)
        let failed = await service.printAcknowledgement(filed)
        #expect(!failed.printed)
        #expect(failed.status.condition == .mediaEmpty)
        try cupsd.setMode("ok", queue: queue)
        try await cupsd.enable(queue)
        let copy = await service.reprint(filed)
        #expect(copy.printed)
        let report = try await service.printDiagnostics(terminalID: "CQ-YB-01")
        #expect(report.printed)
        let reportJob = try #require(report.jobID)
        let reportBytes = try #require(cupsd.receivedJob(reportJob, queue: queue))
        let reportText = try #require(ReceiptTextEncoding.gb18030.decode(ESCPOSStrip.text(of: [UInt8](reportBytes))))
        #expect(reportText.contains("未打印（缺纸）"))
        #expect(reportText.contains("回执（补打）"))
        #expect(!reportText.contains(filed.applicant.name))
        let notice = RefusalNotice(caseNumber: filed.localReference, applicantName: filed.applicant.name, applicantIDNumber: filed.applicant.idNumber,
                                   itemTitles: ["一次性经济补助金给付"], department: "区退役军人事务局", decidedOn: filed.filedOn,
                                   reason: "未提供本人Ⅰ类银行账户。", basis: "渝退役军人局〔2023〕22号。", remedy: "补正后重新申请。",
                                   hall: filed.hall, consultationPhone: "023-67890000", printedAt: now)
        #expect(try await service.printRefusal(notice).printed)
    }

    @Test func printerStatusCommandAgainstPrivateCupsd() async throws {
        try cupsd.setMode("ok", queue: queue)
        // `swift build` (CI runs it before `swift test`) builds kioskctl; without it this fails loudly.
        let kioskctl = try BuiltProducts.path("kioskctl")
        let env = cupsd.environment.merging(["KIOSK_ASSETS": RepositoryPaths.assets.root.path]) { $1 }
        let ok = try await Spawn.offPool { try Spawn.run(kioskctl, ["printer", "status", "--queue", queue, "--json"], environment: env) }
        #expect(ok.status == 0, "\(ok.output)")
        #expect(ok.output.contains("\"condition\" : \"ready\""))
        try await cupsd.disable(queue, reason: "paper")
        let paused = try await Spawn.offPool { try Spawn.run(kioskctl, ["printer", "status", "--queue", queue], environment: env) }
        #expect(paused.status == 1)
        #expect(paused.output.contains("已暂停"))
        try await cupsd.enable(queue)
        let printed = try await Spawn.offPool { try Spawn.run(kioskctl, ["receipt", "print", "--sample", "--queue", queue], environment: env) }
        #expect(printed.status == 0, "\(printed.output)")
        #expect(cupsd.receivedJobCount(queue: queue) == 1)
        let page = try await Spawn.offPool { try Spawn.run(kioskctl, ["printer", "test-page", "--queue", queue, "--terminal", "CQ-YB-01"], environment: env) }
        #expect(page.status == 0, "\(page.output)")
        #expect(cupsd.receivedJobCount(queue: queue) == 2)
        try cupsd.setMode("media-empty", queue: queue)
        let noPaper = try await Spawn.offPool { try Spawn.run(kioskctl, ["receipt", "print", "--sample", "--queue", queue], environment: env) }
        #expect(noPaper.status == 1)
        #expect(noPaper.output.contains("缺纸"))
        cupsd.stop()
        let down = try await Spawn.offPool { try Spawn.run(kioskctl, ["receipt", "print", "--sample", "--queue", queue], environment: env) }
        #expect(down.status == 2)
        let report = try await Spawn.offPool { try Spawn.run(kioskctl, ["printer", "report", "--queue", queue], environment: env) }
        #expect(report.status == 1)
        #expect(report.output.contains("打印服务未运行"))
    }

    private func expectPrintsAgain(_ s: JobSubmitter, expectedJobs: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let bytes = try acknowledgementBytes(5)
        let outcome = await s.print(bytes, title: "after")
        #expect(outcome.printed, "printing did not recover: \(outcome)\n\(cupsd.jobLog.suffix(3000))", sourceLocation: sourceLocation)
        if let job = outcome.jobID {
            #expect(cupsd.receivedJob(job, queue: queue).map { [UInt8]($0) } == bytes, sourceLocation: sourceLocation)
        }
        #expect(cupsd.receivedJobCount(queue: queue) == expectedJobs, sourceLocation: sourceLocation)
    }
}
