import Foundation
import KioskApp
import KioskDomain
import RimePinyin
import TerminalUI
import Testing
import TestTraits
import TestSupport

/// The on-screen pinyin keyboard inside the kiosk's program, through the real librime engine:
/// taps become the text the reducer stores, through the same `typed`/`erase`/`fieldDone` path
/// a hardware keyboard takes; digits keep the keypad; a missing engine is said and typing still
/// works. (The pty journey with kioskd is `KioskdKeyboardTests`.)
@Suite(.serialized, .realTime) struct FormKeyboardTests {
    /// Effects are not performed here: the test reads the state the program leaves.
    struct NoWorld: KioskEffectPerformer {
        func perform(_ effect: KioskEffect, send: @escaping @Sendable (KioskEvent) -> Void) async {}
    }

    /// The engine opened once, as kioskd's host does; the user data directory is the one the
    /// librime tests share (the schema is compiled once per checkout).
    final class OpenedEngine: PinyinEngineSource {
        let result: Result<any PinyinEngine, PinyinEngineUnavailable>
        init(_ configuration: RimeConfiguration) {
            do throws(PinyinEngineUnavailable) {
                result = .success(try RimePinyinEngine.open(configuration))
            } catch {
                result = .failure(error)
            }
        }
        func engine() -> Result<any PinyinEngine, PinyinEngineUnavailable> { result }
        var openedEngine: (any PinyinEngine)? { try? result.get() }
        deinit { if case .success(let engine as RimePinyinEngine) = result { engine.close() } }
    }

    static let userData = RepositoryPaths.root.appendingPathComponent(".build/rime-test-data").path

    /// A Chongqing journey on the form with 联系地址 (free text) open.
    static func atAddress(_ program: KioskProgram) async throws -> JourneyState {
        var run = JourneyReducerTests.Run(program.reducer.context)
        run.send(.start)
        run.send(.cardRead(JourneyReducerTests.holder))
        if run.state.screen == .category, let first = program.reducer.context.profile.categories.first { run.send(.chooseCategory(first.code)) }
        run.send(.next)
        try JourneyFiller.answerQuestions(&run)
        var state = run.state
        #expect(state.screen == .form(page: 0))
        #expect(program.reducer.plan(state)?.fields.contains { $0.code == "contact_address" } == true)
        try await Self.send(.editField("contact_address"), program, &state)
        return state
    }

    /// Sends `event` and then what its asynchronous effects answer (the engine's opening), as
    /// the runtime would.
    static func send(_ event: KioskEvent, _ program: KioskProgram, _ state: inout JourneyState) async throws {
        var pending = [event]
        while !pending.isEmpty {
            for effect in program.update(&state, with: pending.removeFirst()) {
                if case .run(let work) = effect, let answer = await work(), case .keyboard = answer { pending.append(answer) }
            }
        }
    }

    static func tap(_ keys: [PinyinKey], _ program: KioskProgram, _ state: inout JourneyState) {
        for key in keys { _ = program.update(&state, with: .keyboard(.key(key))) }
    }

    static func letters(_ text: String) -> [PinyinKey] { text.map { .letter($0) } }

    @Test func anAddressTypedOnTheKeyboardIsStoredInTheForm() async throws {
        let source = OpenedEngine(RimeConfiguration(userDataDirectory: Self.userData))
        _ = try source.result.get()
        let program = KioskProgram(context: try JourneyReducerTests.context(), performer: NoWorld(), pinyin: source)
        var state = try await Self.atAddress(program)
        #expect(state.session?.keyboard.unavailable == nil)
        // 渝北区 is the engine's first phrase for yubeiqu: 空格 takes it.
        Self.tap(Self.letters("yubeiqu") + [.space], program, &state)
        #expect(state.session?.draft == "渝北区")
        Self.tap(Self.letters("longxi"), program, &state)
        let longxi = try #require(state.session?.keyboard.keys.composition.candidates.firstIndex(of: "龙溪"))
        Self.tap([.candidate(longxi), .digit(8), .digit(8)], program, &state)
        #expect(state.session?.draft == "渝北区龙溪88")
        // 删除 with nothing composing takes the last character of the field.
        Self.tap([.delete], program, &state)
        #expect(state.session?.draft == "渝北区龙溪8")
        // 确认 on an empty composition finishes the field, as Enter does.
        Self.tap([.confirm], program, &state)
        #expect(state.session?.values["contact_address"] == "渝北区龙溪8")
        #expect(state.session?.editing == nil)
        #expect(state.session?.keyboard.keys == PinyinKeyboardState())
    }

    @Test func leavingTheFieldDropsTheComposition() async throws {
        let source = OpenedEngine(RimeConfiguration(userDataDirectory: Self.userData))
        let program = KioskProgram(context: try JourneyReducerTests.context(), performer: NoWorld(), pinyin: source)
        var state = try await Self.atAddress(program)
        Self.tap(Self.letters("jiedao"), program, &state)
        #expect(state.session?.keyboard.keys.composition.isComposing == true)
        _ = program.update(&state, with: .fieldCancel)
        #expect(state.session?.keyboard.keys.composition.isComposing == false)
        _ = program.update(&state, with: .editField("contact_address"))
        // The engine forgot "jiedao": a new syllable starts a new composition.
        Self.tap(Self.letters("lu") + [.space], program, &state)
        #expect(state.session?.draft == "路")
        // The session's end takes the keyboard with it.
        Self.tap(Self.letters("hao"), program, &state)
        _ = program.update(&state, with: .home)
        #expect(state.session == nil)
        _ = program.update(&state, with: .start)
        #expect(state.session?.keyboard == OnScreenKeyboard())
    }

    @Test func digitsAndDatesKeepTheKeypad() async throws {
        let program = KioskProgram(context: try JourneyReducerTests.context(), performer: NoWorld(), pinyin: nil)
        var state = try await Self.atAddress(program)
        _ = program.update(&state, with: .fieldCancel)
        // A date on the form's first page (the page shown).
        let fields = try #require(program.reducer.plan(state)?.fields)
        let date = try #require(fields.first { $0.group == fields[0].group && program.reducer.context.fields.entry(for: $0.code).kind == .date })
        _ = program.update(&state, with: .editField(date.code))
        let frame = program.view(state, in: ViewContext(size: Size(columns: 80, rows: 24)))
        #expect(frame.hitRegions.contains { $0.id.hasPrefix("keypad") })
        #expect(!frame.hitRegions.contains { $0.id.hasPrefix("keyboard") })
        // A key that reaches the program while no text field is open changes nothing.
        let before = state
        Self.tap([.letter("a")], program, &state)
        #expect(state == before)
    }

    @Test func withoutAnEngineTheKeyboardSaysSoAndStillTypes() async throws {
        let missing = OpenedEngine(RimeConfiguration(sharedDataDirectory: "/nonexistent/rime-data", userDataDirectory: Self.userData))
        let program = KioskProgram(context: try JourneyReducerTests.context(), performer: NoWorld(), pinyin: missing)
        var state = try await Self.atAddress(program)
        #expect(state.session?.keyboard.unavailable != nil)
        let frame = program.view(state, in: ViewContext(size: Size(columns: 80, rows: 24)))
        #expect(frame.buffer.textDump().contains("拼音输入法不可用：拼音词库未安装"))
        Self.tap(Self.letters("abc") + [.digit(1)], program, &state)
        _ = program.update(&state, with: .typed("号"))
        Self.tap([.confirm], program, &state)
        #expect(state.session?.values["contact_address"] == "abc1号")
    }

    @Test func theManualNameComesFromTheKeyboard() async throws {
        let source = OpenedEngine(RimeConfiguration(userDataDirectory: Self.userData))
        let program = KioskProgram(context: try JourneyReducerTests.context(), performer: NoWorld(), pinyin: source)
        var state = JourneyState(now: JourneyReducerTests.morning)
        _ = program.update(&state, with: .start)
        _ = program.update(&state, with: .manualEntry)
        let manual = program.view(state, in: ViewContext(size: Size(columns: 80, rows: 24)))
        #expect(manual.hitRegions.contains { $0.id == "manual.name" })
        try await Self.send(.keyboard(.editName), program, &state)
        Self.tap(Self.letters("ouyang"), program, &state)
        let ouyang = try #require(state.session?.keyboard.keys.composition.candidates.firstIndex(of: "欧阳"))
        Self.tap([.candidate(ouyang)] + Self.letters("xiaoming"), program, &state)
        let xiaoming = try #require(state.session?.keyboard.keys.composition.candidates.firstIndex(of: "晓明"))
        Self.tap([.candidate(xiaoming), .confirm], program, &state)
        #expect(state.session?.manualName == "欧阳晓明")
        #expect(state.session?.keyboard.editingName == false)
        for digit in "11010519491231002" { _ = program.update(&state, with: .keypad(.digit(digit.wholeNumberValue!))) }
        _ = program.update(&state, with: .keypad(.x))
        _ = program.update(&state, with: .fieldDone)
        #expect(state.session?.holder?.name == "欧阳晓明")
    }
}
