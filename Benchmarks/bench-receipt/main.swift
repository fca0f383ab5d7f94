// bench-receipt: the receipt-printing benchmark (run by scripts/bench/receipt-printing.sh).
//
//   bench-receipt encode N      encode the sample acknowledgement N times (template fill, layout,
//                               wrapping, GB18030, ESC/POS); one JSON line with the timings
//   bench-receipt cups N        N jobs through a private cupsd: submit, bytes in the backend's file,
//                               job seen completed; one JSON line
//   bench-receipt lines FILE    write the sample's printed lines, QR payload and command bytes for
//                               the python-escpos side of the comparison
import Foundation
import KioskDomain
import KioskTesting
import ReceiptPrinter
import BenchSupport


func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

func emit(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: bench-receipt encode N | cups N | lines FILE\n".utf8))
    exit(2)
}
let assets = RepositoryPaths.assets
let sample = try CaseFile.sample(assets: assets)
let printedAt = Date(timeIntervalSince1970: 1_795_400_000)
let model = PrinterModel.standard80mm
let template = try ReceiptTemplate.load("acknowledgement", from: assets)
let clock = ContinuousClock()

switch arguments[1] {
case "encode":
    let n = Int(arguments[2]) ?? 1000
    var times: [Double] = []
    var size = 0
    for _ in 0..<n {
        let start = clock.now
        let doc = try AcknowledgementReceipt(filedCase: sample, printedAt: printedAt).document(template: template)
        let bytes = ESCPOSRenderer(model: model).render(doc)
        times.append(milliseconds(clock.now - start) * 1000)
        size = bytes.count
    }
    emit(["what": "encode", "n": n, "bytes": size, "median_us": median(times), "min_us": times.min()!, "max_us": times.max()!])

case "cups":
    let n = Int(arguments[2]) ?? 30
    let cupsd = try await PrivateCupsd.start()
    try await cupsd.addQueue("bench")
    let queue = try await CupsPrinterQueue.open(queue: "bench", server: cupsd.server)
    let bytes = ESCPOSRenderer(model: model).render(try AcknowledgementReceipt(filedCase: sample, printedAt: printedAt).document(template: template))
    var submit: [Double] = [], arrived: [Double] = [], completed: [Double] = []
    for i in 0..<(n + 3) {
        let start = clock.now
        let job = try await queue.submit(bytes, title: "bench")
        let submitted = clock.now
        var arrival: ContinuousClock.Instant?
        while true {
            if arrival == nil, cupsd.receivedJob(job, queue: "bench") != nil { arrival = clock.now }
            let state = try await queue.job(job).state
            if state == .completed { break }
            guard !state.isTerminal else { fatalError("job \(job) ended \(state)") }
            try await Task.sleep(for: .milliseconds(1))
        }
        let done = clock.now
        if arrival == nil, cupsd.receivedJob(job, queue: "bench") != nil { arrival = done }
        guard let received = cupsd.receivedJob(job, queue: "bench"), [UInt8](received) == bytes else { fatalError("bytes differ for job \(job)") }
        if i < 3 { continue } // warm-up
        submit.append(milliseconds(submitted - start))
        arrived.append(milliseconds(arrival! - start))
        completed.append(milliseconds(done - start))
    }
    // The same, through JobSubmitter (status check + submit + follow with 10 ms polls), as the kiosk does it.
    let submitter = JobSubmitter(queue: queue)
    var kiosk: [Double] = []
    for _ in 0..<n {
        let start = clock.now
        let outcome = await submitter.print(bytes, title: "bench")
        guard outcome.printed else { fatalError("\(outcome)") }
        kiosk.append(milliseconds(clock.now - start))
    }
    cupsd.stop()
    emit(["what": "cups", "n": n, "bytes": bytes.count,
          "submit_ms": [submit.min()!, median(submit), submit.max()!],
          "arrived_ms": [arrived.min()!, median(arrived), arrived.max()!],
          "completed_ms": [completed.min()!, median(completed), completed.max()!],
          "jobsubmitter_printed_ms": [kiosk.min()!, median(kiosk), kiosk.max()!]])

case "lines":
    let doc = try AcknowledgementReceipt(filedCase: sample, printedAt: printedAt).document(template: template)
    let text = PlainTextRenderer(model: model).render(doc)
    let bytes = ESCPOSRenderer(model: model).render(doc)
    let parsed = ESCPOSStrip.parse(bytes)
    let payload = String(decoding: parsed.qrPayloads.first ?? [], as: UTF8.self)
    let qr = ESCPOSWriter.qrBytes(Array(payload.utf8), moduleSize: model.qrModuleSize, errorCorrection: .medium)
    var kioskCut = ESCPOSWriter(model: model)
    kioskCut.cut()
    var pythonLike = model
    pythonLike.cutter = .full
    pythonLike.feedBeforeCut = 6
    var fullCut = ESCPOSWriter(model: pythonLike)
    fullCut.cut()
    let object: [String: Any] = [
        "lines": text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
        "qr_payload": payload, "qr_module_size": model.qrModuleSize,
        "qr_hex": qr.map { String(format: "%02x", $0) }.joined(),
        "qr_in_receipt": bytes.count > 0 && Data(bytes).range(of: Data(qr)) != nil,
        "cut_hex_kiosk": kioskCut.bytes.map { String(format: "%02x", $0) }.joined(),
        "cut_hex_full_feed6": fullCut.bytes.map { String(format: "%02x", $0) }.joined(),
        "swift_bytes": bytes.count,
    ]
    try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: arguments[2]))

default:
    FileHandle.standardError.write(Data("unknown mode \(arguments[1])\n".utf8))
    exit(2)
}
