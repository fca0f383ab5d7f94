// bench-keyboard: the on-screen pinyin keyboard's costs. Run in release:
//     swift run -c release bench-keyboard
// Prints a Markdown report (recorded in docs/benchmarks/pinyin-keyboard.md):
// - engine start-up, cold (empty user data directory: librime compiles the schema) and warm,
//   each in a fresh process (librime starts once per process), with the resident memory it adds;
// - one engine call (a letter typed, candidates read back) against a baseline in the same run:
//   the same letter appended to a TextFieldState;
// - keyboard frame time (view + diff) while composing, against `kioskctl ui demo`'s frame at
//   the same size as the baseline.
import Foundation
import RimePinyin
import TerminalUI

func residentKilobytes() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15
}

func fixed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

// Child mode: `bench-keyboard startup DIR` opens the engine once and prints "ms rssKB".
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "startup" {
    let before = residentKilobytes()
    let clock = ContinuousClock()
    let start = clock.now
    let engine = try RimePinyinEngine.open(RimeConfiguration(userDataDirectory: CommandLine.arguments[2]))
    var composition = PinyinComposition.empty
    for letter in "ouyangxiaoming" { composition = engine.type(letter) } // first use pages the tables in
    let elapsed = clock.now - start
    print("\(fixed(milliseconds(elapsed), 1)) \(residentKilobytes() - before) \(composition.candidates.count)")
    engine.close()
    exit(0)
}

func startup(_ directory: String) throws -> (ms: Double, kilobytes: Int) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["startup", directory]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
    guard fields.count >= 2, let ms = Double(fields[0]), let kb = Int(fields[1]) else {
        throw NSError(domain: "bench-keyboard", code: 1, userInfo: [NSLocalizedDescriptionKey: "startup child printed \(String(decoding: data, as: UTF8.self))"])
    }
    return (ms, kb)
}

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bench-keyboard-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: scratch) }
let cold = try startup(scratch)
let warm = try (0..<5).map { _ in try startup(scratch) }

print("# bench-keyboard\n")
print("## Engine start-up (fresh process each, open + first composition)\n")
print("| case | time (ms) | resident memory added (MiB) |")
print("|---|---|---|")
print("| cold: empty user data directory (schema compiled) | \(fixed(cold.ms, 0)) | \(fixed(Double(cold.kilobytes) / 1024, 1)) |")
print("| warm: median of 5 | \(fixed(median(warm.map(\.ms)), 0)) | \(fixed(median(warm.map { Double($0.kilobytes) }) / 1024, 1)) |")

// In-process: engine calls and frames.
let engine = try RimePinyinEngine.open(RimeConfiguration(userDataDirectory: scratch))
let clock = ContinuousClock()
let text = "yubeiqulongxijiedao"
let rounds = 51
var engineTimes: [Double] = [], fieldTimes: [Double] = []
for _ in 0..<rounds {
    _ = engine.reset()
    let start = clock.now
    for letter in text { _ = engine.type(letter) }
    engineTimes.append(milliseconds(clock.now - start) / Double(text.count))
    var field = TextFieldState(maxLength: 64)
    let fieldStart = clock.now
    for letter in text { field.insert(String(letter)) }
    fieldTimes.append(milliseconds(clock.now - fieldStart) / Double(text.count))
}
print("\n## One letter typed (median of \(rounds) × \(text.count) letters)\n")
print("| case | time (µs) | vs baseline |")
print("|---|---|---|")
print("| engine: letter + up to 120 candidates read back | \(fixed(median(engineTimes) * 1000, 1)) | \(fixed(median(engineTimes) / median(fieldTimes), 0))× |")
print("| baseline: letter appended to a text field | \(fixed(median(fieldTimes) * 1000, 2)) | 1× |")

/// The keyboard's models after each letter of `text`: the frames a user sees while typing.
func composingModels() -> [KeyboardDemo.Model] {
    var models: [KeyboardDemo.Model] = []
    var model = KeyboardDemo.Model()
    _ = engine.reset()
    for letter in text {
        model.keyboard.press(.letter(letter), engine: engine, field: &model.field)
        models.append(model)
    }
    return models
}

print("\n## Frame time: view + diff per frame (median of \(rounds) rounds)\n")
print("| size | keyboard while composing (µs) | baseline: ui demo frame (µs) | vs baseline | bytes per keyboard frame |")
print("|---|---|---|---|---|")
let models = composingModels()
for size in [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40), Size(columns: 160, rows: 50)] {
    let keyboard = KeyboardDemo(engine: engine)
    let demo = WidgetDemo()
    var keyboardTimes: [Double] = [], demoTimes: [Double] = [], bytes: [Double] = []
    for _ in 0..<rounds {
        var renderer = DiffRenderer()
        _ = renderer.render(keyboard.view(KeyboardDemo.Model(), in: ViewContext(size: size)).buffer)
        let start = clock.now
        var written = 0
        for model in models { written += renderer.render(keyboard.view(model, in: ViewContext(size: size)).buffer).count }
        keyboardTimes.append(milliseconds(clock.now - start) / Double(models.count))
        bytes.append(Double(written) / Double(models.count))

        var demoRenderer = DiffRenderer()
        var demoModel = WidgetDemo.Model()
        _ = demoRenderer.render(demo.view(demoModel, in: ViewContext(size: size)).buffer)
        let demoStart = clock.now
        for index in 0..<models.count {
            demoModel.id.insert(String(index % 10)) // one digit typed per frame, as in the demo's ID field
            _ = demoRenderer.render(demo.view(demoModel, in: ViewContext(size: size)).buffer)
        }
        demoTimes.append(milliseconds(clock.now - demoStart) / Double(models.count))
    }
    let k = median(keyboardTimes), d = median(demoTimes)
    print("| \(size) | \(fixed(k * 1000, 0)) | \(fixed(d * 1000, 0)) | \(fixed(k / d, 2))× | \(fixed(median(bytes), 0)) |")
}
engine.close()
