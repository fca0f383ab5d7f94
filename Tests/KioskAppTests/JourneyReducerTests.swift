import Foundation
import KioskApp
import KioskDomain
import KioskDomainTesting
import KioskTime
import TerminalUI
import Testing
import TestTraits
import TestSupport

/// The flow as values: every transition, with the effects it asks for.
@Suite(.computeBound) struct JourneyReducerTests {
    static func context(_ region: String = "chongqing") throws -> KioskContext {
        try KioskContext.load(region: region, terminal: .init(id: "CQ-T-01", hall: "测试大厅"), assets: RepositoryPaths.assets)
    }

    /// 2026-11-23 09:00 China time (a Monday).
    static let morning = Date(timeIntervalSince1970: 1_795_395_600)

    static let holder = CardHolder(name: "王小明", idNumber: "11010519491231002X", sex: .male, ethnicity: "汉",
                                   birthDate: CivilDate(year: 1949, month: 12, day: 31), address: "北京市东城区示范路1号", fromCard: true)

    struct Run {
        let reducer: JourneyReducer
        var state: JourneyState
        var effects: [KioskEffect] = []

        init(_ context: KioskContext, now: Date = JourneyReducerTests.morning) {
            reducer = JourneyReducer(context: context)
            state = JourneyState(now: now)
        }

        /// Touches and keys by kind, for the journey's touch budget (docs/benchmarks/journey.md).
        var counts: [String: Int] = [:]

        @discardableResult
        mutating func send(_ event: KioskEvent) -> [KioskEffect] {
            switch event {
            case .start, .next, .back, .pickerPage, .placePage, .fieldDone, .accept, .usePhoto: counts["navigation", default: 0] += 1
            case .chooseCategory, .toggleItem, .answer, .choose, .pickPlace, .editField, .choosePhoto: counts["decisions", default: 0] += 1
            case .keypad(.x): counts["letters", default: 0] += 1
            case .keypad: counts["digits", default: 0] += 1
            case .typed(let text): counts["chinese", default: 0] += text.unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }.count
            default: break
            }
            effects = reducer.reduce(&state, event)
            return effects
        }
    }

    @Test func startArmsTheReaderAndAsksForTheCard() throws {
        var run = Run(try Self.context())
        run.send(.start)
        #expect(run.state.screen == .identify)
        #expect(run.effects.contains(.armReader))
        #expect(run.effects.contains(.announce("请将身份证放在感应区")))
        #expect(run.effects.contains { if case .after(_, .idleTimeout) = $0 { true } else { false } })
    }

    @Test func aPausedTerminalTakesNoCase() throws {
        var run = Run(try Self.context())
        var health = JourneyState.Health()
        health.pause = .disk
        run.send(.healthChanged(health))
        run.send(.start)
        #expect(run.state.screen == .home)
        #expect(run.state.session == nil)
    }

    @Test func aCardReadGoesToTheItemsInARegionWithOneCategory() throws {
        var run = Run(try Self.context())
        run.send(.start)
        run.send(.cardReading)
        #expect(run.state.session?.reading == true)
        run.send(.cardRead(Self.holder))
        #expect(run.state.screen == .items)
        #expect(run.effects.contains(.disarmReader))
        #expect(run.state.session?.category == "self_employed_soldier")
        #expect(run.state.session?.items.contains("report") == true)
    }

    @Test func sichuanAsksForTheCategoryFirst() throws {
        var run = Run(try Self.context("sichuan"))
        run.send(.start)
        run.send(.cardRead(Self.holder))
        #expect(run.state.screen == .category)
        run.send(.chooseCategory("assigned_job_soldier"))
        #expect(run.state.screen == .items)
        // 安排工作: only the four items the seed offers.
        #expect(Set(run.state.session?.items ?? []) == ["report", "household", "idcard", "reserve"])
    }

    @Test func aRejectedCardStaysOnIdentifyWithTheReason() throws {
        var run = Run(try Self.context())
        run.send(.start)
        run.send(.cardRejected("您的身份证已过有效期。"))
        #expect(run.state.screen == .identify)
        #expect(run.state.session?.message == "您的身份证已过有效期。")
        #expect(run.state.session?.holder == nil)
    }

    @Test func manualEntryValidatesTheNumberAndNeedsAName() throws {
        var run = Run(try Self.context())
        run.send(.start)
        run.send(.manualEntry)
        #expect(run.state.screen == .manualID)
        #expect(run.effects.contains(.disarmReader))
        for c in "110105194912310021" { run.send(.keypad(.digit(c.wholeNumberValue!))) }
        run.send(.fieldDone)
        #expect(run.state.screen == .manualID)
        #expect(run.state.session?.message?.contains("校验") == true || run.state.session?.message?.isEmpty == false)
        run.send(.keypad(.delete))
        run.send(.keypad(.x))
        run.send(.fieldDone)
        #expect(run.state.session?.message?.contains("姓名") == true)
        run.send(.typed("王小明"))
        run.send(.fieldDone)
        #expect(run.state.screen == .items)
        #expect(run.state.session?.holder?.fromCard == false)
        #expect(run.state.session?.holder?.sex == .female) // 17th digit 2: even
    }

    @Test func mandatoryItemsCannotBeUntickedOthersCan() throws {
        var run = Run(try Self.context("jiangxi"))
        run.send(.start)
        run.send(.cardRead(Self.holder))
        run.send(.toggleItem("report")) // mandatory in Jiangxi
        #expect(run.state.session?.items.contains("report") == true)
        run.send(.toggleItem("household"))
        #expect(run.state.session?.items.contains("household") == false)
        run.send(.toggleItem("household"))
        #expect(run.state.session?.items.contains("household") == true)
    }

    @Test func backFromEveryStepLosesNothing() throws {
        var run = Run(try Self.context())
        run.send(.start)
        run.send(.cardRead(Self.holder))
        run.send(.next)
        #expect(run.state.screen == .questions)
        run.send(.answer(question: "settlement", value: "spouse"))
        run.send(.back)
        #expect(run.state.screen == .items)
        run.send(.next)
        #expect(run.state.session?.answers["settlement"] == "spouse")
    }

    @Test func idleWarnsCountsDownAndWipes() throws {
        var run = Run(try Self.context())
        run.send(.start)
        run.send(.cardRead(Self.holder))
        let generation = run.state.idle.generation
        run.send(.idleTimeout(generation: generation - 1)) // a stale timer is ignored
        #expect(run.state.idle.countdown == nil)
        run.send(.idleTimeout(generation: generation))
        #expect(run.state.idle.countdown == 20)
        for _ in 0..<19 { run.send(.countdownTick(generation: generation)) }
        #expect(run.state.idle.countdown == 1)
        run.send(.countdownTick(generation: generation))
        #expect(run.state.screen == .home)
        #expect(run.state.session == nil)
        #expect(run.effects.contains(.wipe))
    }

    @Test func aTouchDuringTheWarningKeepsTheSession() throws {
        var run = Run(try Self.context())
        run.send(.start)
        run.send(.cardRead(Self.holder))
        run.send(.idleTimeout(generation: run.state.idle.generation))
        run.send(.keepGoing)
        #expect(run.state.idle.countdown == nil)
        #expect(run.state.session?.holder == Self.holder)
    }

    @Test func idleAtEveryStepWipes() throws {
        for screen: JourneyState.Screen in [.identify, .manualID, .items, .questions, .form(page: 0), .materials, .review, .takeCard] {
            var run = Run(try Self.context())
            run.send(.start)
            run.send(.cardRead(Self.holder))
            run.state.screen = screen
            let g = run.state.idle.generation
            run.send(.idleTimeout(generation: g))
            for _ in 0..<20 { run.send(.countdownTick(generation: g)) }
            #expect(run.state.session == nil, "\(screen)")
            #expect(run.state.screen == .home, "\(screen)")
        }
    }

    @Test func aCardPulledMidReadLeavesIdentifyWaiting() throws {
        var run = Run(try Self.context())
        run.send(.start)
        run.send(.cardReading)
        run.send(.cardRemoved)
        #expect(run.state.screen == .identify)
        #expect(run.state.session?.reading == false)
    }
}
