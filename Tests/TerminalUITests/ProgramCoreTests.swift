import Testing
import TestTraits
import TerminalUI

/// A two-button counter used to pin down the runtime's touch and timer semantics.
struct CounterApp: TerminalApp {
    struct Model: Sendable {
        var count = 0
        var ticks = 0
        var log: [String] = []
    }
    enum Message: Sendable { case increment, reset, tick, typed(String), loaded(Int) }

    func start(_ model: Model) -> [Effect<Message>] { [.after(.seconds(1), .tick)] }

    func update(_ model: inout Model, with message: Message) -> [Effect<Message>] {
        switch message {
        case .increment: model.count += 1
        case .reset: model.count = 0; return [.run { .loaded(42) }]
        case .tick:
            model.ticks += 1
            return model.ticks < 3 ? [.after(.seconds(1), .tick)] : []
        case .typed(let text):
            if text == "q" { return [.quit] }
            model.log.append(text)
        case .loaded(let value): model.count = value
        }
        return []
    }

    func view(_ model: Model, in context: ViewContext) -> Frame<Message> {
        var frame = Frame<Message>(context: context)
        frame.text("计数：\(model.count) 秒：\(model.ticks)", at: Point(x: 0, y: 0))
        Button("加一", id: "plus", message: .increment).draw(into: &frame, in: Rect(x: 0, y: 1, width: 10, height: 3))
        Button("清零", id: "reset", message: .reset).draw(into: &frame, in: Rect(x: 12, y: 1, width: 10, height: 3))
        return frame
    }

    func message(for input: InputEvent, model: Model) -> Message? {
        if case .key(let key) = input, case .character(let c) = key.key { return .typed(String(c)) }
        if case .paste(let text) = input { return .typed(text) }
        return nil
    }
}

@Suite("Program core: touch semantics, hit regions, timers", .computeBound)
struct ProgramCoreTests {
    func program() -> HeadlessProgram<CounterApp> {
        HeadlessProgram(app: CounterApp(), model: .init(), size: Size(columns: 30, rows: 5))
    }

    @Test("Hit regions come from the drawing pass, with the widgets' rectangles")
    func regions() {
        let p = program()
        #expect(p.targetIDs == ["plus", "reset"])
        #expect(p.frame.hitRegions[0].rect == Rect(x: 0, y: 1, width: 10, height: 3))
        #expect(p.frame.hitRegion(at: Point(x: 11, y: 2)) == nil)
    }

    @Test("Press shows the pressed look; release inside the same target acts")
    func tap() {
        var p = program()
        p.send(.mouse(MouseEvent(.press, .left, at: Point(x: 3, y: 2))))
        #expect(p.model.count == 0)
        #expect(p.core.context.pressedID == "plus")
        #expect(p.screen.contains("▸ 加一 ◂"))
        p.send(.mouse(MouseEvent(.release, .left, at: Point(x: 5, y: 3))))
        #expect(p.model.count == 1)
        #expect(p.core.context.pressedID == nil)
        #expect(!p.screen.contains("▸"))
    }

    @Test("Release outside the pressed target does nothing; dragging back in restores it")
    func slideOff() {
        var p = program()
        p.send(.mouse(MouseEvent(.press, .left, at: Point(x: 3, y: 2))))
        p.send(.mouse(MouseEvent(.drag, .left, at: Point(x: 14, y: 2))))
        #expect(p.core.context.pressedID == nil) // finger left the button: no pressed look
        p.send(.mouse(MouseEvent(.release, .left, at: Point(x: 14, y: 2))))
        #expect(p.model.count == 0) // and releasing on another button does not press that one
        p.send(.mouse(MouseEvent(.press, .left, at: Point(x: 3, y: 2))))
        p.send(.mouse(MouseEvent(.drag, .left, at: Point(x: 25, y: 0))))
        p.send(.mouse(MouseEvent(.drag, .left, at: Point(x: 4, y: 3))))
        #expect(p.core.context.pressedID == "plus")
        p.send(.mouse(MouseEvent(.release, .left, at: Point(x: 4, y: 3))))
        #expect(p.model.count == 1)
    }

    @Test("Presses outside targets, right clicks and stray releases are ignored")
    func ignored() {
        var p = program()
        p.tap(at: Point(x: 28, y: 4))
        p.send(.mouse(MouseEvent(.press, .right, at: Point(x: 3, y: 2))))
        p.send(.mouse(MouseEvent(.release, .right, at: Point(x: 3, y: 2))))
        p.send(.mouse(MouseEvent(.release, .left, at: Point(x: 3, y: 2))))
        #expect(p.model.count == 0)
    }

    @Test("Timers run on the injected clock only")
    func timers() {
        var p = program()
        #expect(p.model.ticks == 0)
        p.advance(by: .milliseconds(999))
        #expect(p.model.ticks == 0)
        p.advance(by: .milliseconds(1))
        #expect(p.model.ticks == 1)
        p.advance(by: .seconds(10))
        #expect(p.model.ticks == 3)
        #expect(p.pendingTimerCount == 0)
        #expect(p.screen.hasPrefix("计数：0 秒：3"))
    }

    @Test("Asynchronous effects feed their message back; keys and paste map to messages; quit")
    func effectsAndKeys() async {
        var p = program()
        p.tap("plus")
        p.tap("reset")
        #expect(p.model.count == 0)
        await p.runTasks()
        #expect(p.model.count == 42)
        p.type("ab")
        p.send(.paste("张三"))
        #expect(p.model.log == ["a", "b", "张三"])
        #expect(!p.didQuit)
        p.type("q")
        #expect(p.didQuit)
    }

    @Test("Resize re-renders the view at the new size")
    func resize() {
        var p = program()
        p.resize(to: Size(columns: 12, rows: 4))
        #expect(p.frame.size == Size(columns: 12, rows: 4))
        #expect(p.targetIDs == ["plus"]) // the 清零 button is off screen now: no target for it
    }
}
