// bench-form-keyboard: the on-screen pinyin keyboard inside the kiosk's form (what kioskd runs)
// against the keyboard alone (`kioskctl ui keyboard`), in the same run, with the same librime
// engine. Run in release from the repository root:
//     swift run -c release --package-path Benchmarks bench-form-keyboard
// Prints a Markdown report (recorded in docs/benchmarks/pinyin-keyboard.md):
// - per keystroke: the program's update (engine call, then the reducer for the text it finished)
//   and the frame (view + diff), for 联系地址 on the Chongqing form; baseline: KeyboardDemo's
//   update and frame for the same letters at the same size.
import BenchSupport
import Foundation
import KioskApp
import KioskDomain
import RimePinyin
import TerminalUI

/// Effects are not performed: the bench measures the program and its view.
struct NoWorld: KioskEffectPerformer {
    func perform(_ effect: KioskEffect, send: @escaping @Sendable (KioskEvent) -> Void) async {}
}

final class OpenedEngine: PinyinEngineSource {
    let opened: RimePinyinEngine
    init(_ engine: RimePinyinEngine) { opened = engine }
    func engine() -> Result<any PinyinEngine, PinyinEngineUnavailable> { .success(opened) }
    var openedEngine: (any PinyinEngine)? { opened }
}

func microseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
}

func fixed(_ value: Double, _ digits: Int = 0) -> String { String(format: "%.\(digits)f", value) }

let assets = AssetDirectory(root: URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "Assets"))
let engine = try RimePinyinEngine.open(RimeConfiguration())
defer { engine.close() }
let context = try KioskContext.load(region: "chongqing", terminal: .init(id: "BENCH", hall: "基准"), assets: assets)
let program = KioskProgram(context: context, performer: NoWorld(), pinyin: OpenedEngine(engine))

/// A session on the form with 联系地址 open (the keyboard showing).
func formWithAddressOpen() -> JourneyState {
    var state = JourneyState(now: Date(timeIntervalSince1970: 1_795_395_600))
    _ = program.update(&state, with: .start)
    _ = program.update(&state, with: .cardRead(CardHolder(name: "王小明", idNumber: "11010519491231002X", fromCard: true)))
    if state.screen == .category, let first = context.profile.categories.first { _ = program.update(&state, with: .chooseCategory(first.code)) }
    state.screen = .form(page: 0)
    _ = program.update(&state, with: .editField("contact_address"))
    return state
}

let letters = "yubeiqulongxijiedao"
let rounds = 31
let clock = ContinuousClock()
print("# bench-form-keyboard\n")
print("Letters typed per round: \(letters) (\(letters.count)), \(rounds) rounds, medians per keystroke.\n")
print("| size | kiosk update (µs) | alone update (µs) | kiosk frame (µs) | alone frame (µs) | frame ratio | keystroke ratio |")
print("|---|---|---|---|---|---|---|")
for size in [Size(columns: 80, rows: 24), Size(columns: 127, rows: 26), Size(columns: 120, rows: 40), Size(columns: 160, rows: 50)] {
    let view = ViewContext(size: size)
    var kioskUpdate: [Double] = [], kioskFrame: [Double] = [], aloneUpdate: [Double] = [], aloneFrame: [Double] = []
    let alone = KeyboardDemo(engine: engine, theme: .standard)
    for _ in 0..<rounds {
        var state = formWithAddressOpen()
        var renderer = DiffRenderer()
        _ = renderer.render(program.view(state, in: view).buffer)
        for letter in letters {
            let start = clock.now
            _ = program.update(&state, with: .keyboard(.key(.letter(letter))))
            let updated = clock.now
            _ = renderer.render(program.view(state, in: view).buffer)
            kioskUpdate.append(microseconds(updated - start))
            kioskFrame.append(microseconds(clock.now - updated))
        }
        _ = program.update(&state, with: .fieldCancel)

        _ = engine.reset()
        var model = KeyboardDemo.Model()
        var aloneRenderer = DiffRenderer()
        _ = aloneRenderer.render(alone.view(model, in: view).buffer)
        for letter in letters {
            let start = clock.now
            _ = alone.update(&model, with: .key(.letter(letter)))
            let updated = clock.now
            _ = aloneRenderer.render(alone.view(model, in: view).buffer)
            aloneUpdate.append(microseconds(updated - start))
            aloneFrame.append(microseconds(clock.now - updated))
        }
        _ = engine.reset()
    }
    let ku = median(kioskUpdate), au = median(aloneUpdate), kf = median(kioskFrame), af = median(aloneFrame)
    print("| \(size) | \(fixed(ku)) | \(fixed(au)) | \(fixed(kf)) | \(fixed(af)) | \(fixed(kf / af, 2))× | \(fixed((ku + kf) / (au + af), 2))× |")
}
