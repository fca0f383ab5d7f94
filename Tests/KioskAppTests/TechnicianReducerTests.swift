import Foundation
import KioskApp
import KioskDomain
import TerminalUI
import Testing
import TestTraits

/// Technician mode as values: the hidden gesture, the PIN page (dots only), the gate's answers,
/// the pages and their effects, the touch test, and leaving with nothing left behind.
@Suite(.computeBound) struct TechnicianReducerTests {
    typealias Run = JourneyReducerTests.Run

    /// A kiosk at home with technician mode opened and the PIN accepted.
    static func openMenu() throws -> Run {
        var run = Run(try JourneyReducerTests.context())
        run.send(.technician(.entryOpened))
        for d in [2, 0, 2, 6] { run.send(.technician(.pinKey(.digit(d)))) }
        run.send(.technician(.pinSubmit))
        run.send(.technician(.pinVerdict(.accepted)))
        return run
    }

    static func screenText(_ state: JourneyState, size: Size = Size(columns: 127, rows: 26)) throws -> String {
        let frame = KioskView(context: try JourneyReducerTests.context()).frame(state, in: ViewContext(size: size))
        return (0..<size.rows).map { frame.buffer.line($0) }.joined(separator: "\n")
    }

    @Test func fiveCornerTapsWithinTheWindowAskForEntry() throws {
        var run = Run(try JourneyReducerTests.context())
        let first = run.send(.technician(.cornerTap))
        #expect(first == [.after(.seconds(3), .technician(.gestureExpired(generation: 0)))])
        for _ in 0..<3 { #expect(run.send(.technician(.cornerTap)).isEmpty) }
        #expect(run.send(.technician(.cornerTap)) == [.technician(.requestEntry)])
        #expect(run.state.screen == .home && run.state.technician == nil)
    }

    @Test func tapsSpreadBeyondTheWindowDoNothing() throws {
        var run = Run(try JourneyReducerTests.context())
        for _ in 0..<4 { run.send(.technician(.cornerTap)) }
        run.send(.technician(.gestureExpired(generation: 0)))
        #expect(run.state.hiddenGesture.taps == 0)
        #expect(run.send(.technician(.cornerTap)) == [.after(.seconds(3), .technician(.gestureExpired(generation: 1)))])
        #expect(!run.send(.technician(.cornerTap)).contains(.technician(.requestEntry)))
    }

    @Test func noEntryWhileAVeteranIsOnTheTerminal() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.start)
        run.send(.cardRead(JourneyReducerTests.holder))
        #expect(run.send(.technician(.requestEntry)).isEmpty)
        run.send(.technician(.entryOpened))
        #expect(run.state.technician == nil && run.state.screen != .technician)
        #expect(KioskProgram.technicianMessage(for: KeyEvent(.function(12)), model: run.state) == nil)
    }

    @Test func f12OnHomeAsksForEntry() throws {
        let run = Run(try JourneyReducerTests.context())
        #expect(KioskProgram.technicianMessage(for: KeyEvent(.function(12)), model: run.state) == .requestEntry)
    }

    @Test func thePINShowsOnlyDotsAndGoesToTheGate() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.technician(.entryOpened))
        #expect(run.state.screen == .technician && run.state.technician?.page == .pin)
        for d in [9, 8, 7, 6, 5] { run.send(.technician(.pinKey(.digit(d)))) }
        run.send(.technician(.pinKey(.delete)))
        let text = try Self.screenText(run.state)
        #expect(text.contains("● ● ● ●"))
        #expect(!text.contains("9876"))
        #expect(!["9", "8", "7", "6"].contains { text.contains("●\($0)") })
        let effects = run.send(.technician(.pinSubmit))
        #expect(effects.contains(.technician(.checkPIN("9876"))))
        #expect(run.state.technician?.pin == "", "the PIN leaves the state once sent to the gate")
        #expect(run.state.technician?.checking == true)
    }

    @Test func aShortPINIsRefusedBeforeTheGate() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.technician(.entryOpened))
        run.send(.technician(.pinKey(.digit(1))))
        #expect(!run.send(.technician(.pinSubmit)).contains { if case .technician(.checkPIN) = $0 { true } else { false } })
        #expect(run.state.technician?.message == "请输入 4–12 位数字密码")
    }

    @Test func wrongAndLockedAnswersAreShownWithTheTimeLeft() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.technician(.entryOpened))
        run.send(.technician(.pinVerdict(.refused(remaining: 2))))
        #expect(run.state.technician?.message == "密码错误，还可尝试 2 次")
        run.send(.technician(.pinVerdict(.refused(remaining: 0))))
        #expect(run.state.technician?.message == "密码错误次数过多，已锁定，请稍后再试")
        run.send(.technician(.pinVerdict(.locked(seconds: 125))))
        #expect(run.state.technician?.message == "已锁定，请 2 分 05 秒 后再试")
        #expect(try Self.screenText(run.state).contains("已锁定，请 2 分 05 秒 后再试"))
        #expect(run.state.technician?.page == .pin)
        // Pages behind the PIN stay shut.
        #expect(run.send(.technician(.open(.diagnostics))).allSatisfy { if case .technician = $0 { false } else { true } })
        #expect(run.state.technician?.page == .pin)
    }

    @Test func diagnosticsShowEachCheckAsItCompletesFaultsFirstWithTheRemedy() throws {
        var run = try Self.openMenu()
        #expect(run.state.technician?.page == .menu)
        #expect(run.send(.technician(.open(.diagnostics))).contains(.technician(.runDiagnostics)))
        run.send(.technician(.check(.init(code: "reader.found", title: "读卡器连接", status: .pass, measured: "已连接", expected: "已连接"))))
        #expect(try Self.screenText(run.state).contains("正在检查……已完成 1 项"))
        run.send(.technician(.check(.init(code: "printer.paper", title: "打印纸", status: .fail, measured: "缺纸", expected: "有纸",
                                          remedy: "装入 80 mm 热敏纸卷"))))
        // A second run cannot start while one is under way.
        #expect(!run.send(.technician(.open(.report))).contains(.technician(.printReport)))
        run.send(.technician(.runFinished))
        let text = try Self.screenText(run.state)
        #expect(text.contains("检查完成：通过 1 · 注意 0 · 故障 1"))
        #expect(text.contains("✘ 故障  打印纸：缺纸"))
        #expect(text.contains("处理：装入 80 mm 热敏纸卷"))
        let lines = text.split(separator: "\n")
        #expect((lines.firstIndex { $0.contains("打印纸") } ?? 99) < (lines.firstIndex { $0.contains("读卡器连接") } ?? 0))
    }

    @Test func eachMenuEntryAsksTheHostForItsPage() throws {
        let expected: [(TechnicianState.Page, TechnicianEffect)] = [
            (.diagnostics, .runDiagnostics), (.reader, .readerTest), (.printer, .printTestPage), (.report, .printReport),
            (.outbox, .loadOutbox), (.preflight, .loadPreflight), (.touchTest, .touchTestStarted),
        ]
        for (page, effect) in expected {
            var run = try Self.openMenu()
            #expect(run.send(.technician(.open(page))).contains(.technician(effect)), "\(page)")
            #expect(run.state.technician?.page == page)
        }
    }

    @Test func theTouchTestCountsHitsAndMissesAndAsksForTheTime() throws {
        var run = try Self.openMenu()
        run.send(.technician(.open(.touchTest)))
        run.send(.technician(.touchMiss))
        for target in TouchTest.Target.allCases.dropLast() { #expect(!run.send(.technician(.touchTarget(target.rawValue))).contains(.technician(.touchTestFinished))) }
        run.send(.technician(.touchTarget(0)))
        #expect(run.send(.technician(.touchTarget(4))).contains(.technician(.touchTestFinished)))
        run.send(.technician(.touchTimed(milliseconds: 2400)))
        run.send(.technician(.touchMiss))
        #expect(run.state.technician?.touch == {
            var t = TouchTest()
            t.hits = [0, 1, 2, 3, 4]
            t.misses = 1
            t.elapsedMilliseconds = 2400
            return t
        }())
        #expect(try Self.screenText(run.state).contains("命中 5/5 · 误触 1 次 · 用时 2.4 秒"))
    }

    @Test func touchTargetsSitInTheCornersAndCentreOfEverySize() {
        for size in ScreenLayoutTests.sizes {
            let rects = TouchTest.Target.allCases.map { $0.rect(in: size) }
            #expect(rects[0].x == 0 && rects[3].x == 0 && rects[1].maxX == size.columns && rects[4].maxY == size.rows)
            for (i, a) in rects.enumerated() { for b in rects[(i + 1)...] { #expect(a.intersection(b).isEmpty) } }
        }
    }

    @Test func theOutboxOffersARetryPerRefusedKind() throws {
        var run = try Self.openMenu()
        run.send(.technician(.open(.outbox)))
        run.send(.technician(.outbox(TechnicianOutbox(pending: 3, oldestMinutes: 12, refused: [.init(kind: "wrong_terminal", count: 4)]))))
        let text = try Self.screenText(run.state)
        #expect(text.contains("待报送 3 件") && text.contains("被拒收：wrong_terminal（4 件）"))
        #expect(run.send(.technician(.retryRefused("wrong_terminal"))).contains(.technician(.retryRefused("wrong_terminal"))))
        #expect(!run.send(.technician(.retryRefused("other"))).contains(.technician(.retryRefused("other"))))
    }

    @Test func leavingReturnsHomeWithNothingOfTheModeLeft() throws {
        var run = try Self.openMenu()
        run.send(.technician(.open(.diagnostics)))
        run.send(.technician(.check(.init(code: "printer.paper", title: "打印纸", status: .fail, measured: "缺纸", expected: "有纸", remedy: "装纸"))))
        #expect(run.send(.technician(.leave)) == [.technician(.left(reason: "leave"))])
        #expect(run.state.screen == .home && run.state.technician == nil)
        let text = try Self.screenText(run.state)
        #expect(!text.contains("维护") && !text.contains("打印纸") && !text.contains("缺纸"))
        #expect(text.contains("开始办理"))
    }

    @Test func idlenessLeavesTheModeButNotDuringARun() throws {
        var run = try Self.openMenu()
        let generation = try #require(run.state.technician?.generation)
        run.send(.technician(.open(.diagnostics)))
        let now = try #require(run.state.technician?.generation)
        run.send(.technician(.idle(generation: generation)))
        #expect(run.state.technician != nil, "an older idle timer is ignored")
        #expect(run.send(.technician(.idle(generation: now))) == [.after(.seconds(120), .technician(.idle(generation: now)))])
        run.send(.technician(.runFinished))
        #expect(run.send(.technician(.idle(generation: now))) == [.technician(.left(reason: "idle"))])
        #expect(run.state.screen == .home && run.state.technician == nil)
    }

    @Test func technicianPagesFitEverySize() throws {
        var states: [(String, JourneyState)] = []
        var run = Run(try JourneyReducerTests.context())
        run.send(.technician(.entryOpened))
        states.append(("pin", run.state))
        run = try Self.openMenu()
        states.append(("menu", run.state))
        for page in [TechnicianState.Page.diagnostics, .outbox, .preflight] {
            var r = run
            r.send(.technician(.open(page)))
            states.append(("\(page)", r.state))
        }
        let view = KioskView(context: try JourneyReducerTests.context())
        for (name, state) in states {
            for size in ScreenLayoutTests.sizes {
                let regions = view.frame(state, in: ViewContext(size: size)).hitRegions
                #expect(!regions.isEmpty, "\(name) at \(size)")
                for r in regions {
                    #expect(r.rect.maxX <= size.columns && r.rect.maxY <= size.rows && r.rect.height >= 3, "\(name) at \(size): \(r.id)")
                }
                for (i, a) in regions.enumerated() {
                    for b in regions[(i + 1)...] where !a.rect.intersection(b.rect).isEmpty {
                        Issue.record("\(name) at \(size): \(a.id) overlaps \(b.id)")
                    }
                }
            }
        }
    }
}
