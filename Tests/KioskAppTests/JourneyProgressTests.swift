import Foundation
import KioskApp
import KioskDomain
import KioskDomainTesting
import KioskTime
import TerminalUI
import Testing
import TestTraits
import TestSupport

/// The visit after filing as values: identify by card, keypad or a scanned receipt QR; the cases
/// with each item (a refusal with reason and basis, once); the progress slip; 补打 from a list;
/// 好差评 offered after printing and for finished cases, skippable in one touch.
@Suite(.computeBound) struct JourneyProgressTests {
    typealias Run = JourneyReducerTests.Run

    static let caseNumber = "YJS-500000-20261123-000042"
    static let storedID = UUID(uuidString: "00000000-0000-4000-8000-000000000042")!

    static func report(source: ProgressReport.Source = .central) -> ProgressReport {
        let due = CivilDate(year: 2026, month: 11, day: 25)
        return ProgressReport(source: source, cases: [
            .init(caseNumber: caseNumber, storedID: storedID, categoryTitle: "自主就业退役士兵", acceptedAt: JourneyReducerTests.morning, items: [
                .init(code: "report", title: "退役报到", department: "区退役军人事务局", state: .completed, dueDate: due),
                .init(code: "household", title: "退役士兵安置落户", department: "区公安分局", state: .processing, dueDate: due),
                .init(code: "idcard", title: "居民身份证换领", department: "区公安分局", state: .accepted, dueDate: due, waitsFor: ["退役士兵安置落户"]),
                .init(code: "pension_transfer", title: "军地养老保险关系转移接续申请", department: "区人力社保局", state: .refused, dueDate: nil,
                      reason: "申请材料不齐全，经一次性告知后未在规定期限内补正", basis: "《中华人民共和国行政许可法》第三十二条"),
            ]),
        ])
    }

    static func finishedReport() -> ProgressReport {
        var report = report()
        report.cases[0].items = report.cases[0].items.map { var item = $0; if !item.state.isFinal { item.state = .completed }; return item }
        return report
    }

    static func screenText(_ run: Run, size: Size = Size(columns: 127, rows: 26)) -> String {
        KioskView(context: run.reducer.context).frame(run.state, in: ViewContext(size: size)).buffer.textDump()
    }

    @Test func aCaseNumberTypedOnTheKeypadIsLookedUp() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.queryProgress)
        #expect(run.state.screen == .progress(.lookup))
        for digit in "50000020261123000042" { run.send(.keypad(.digit(digit.wholeNumberValue!))) }
        run.send(.next)
        #expect(run.state.screen == .progress(.loading))
        #expect(run.effects.contains(.queryProgress(.caseNumber(Self.caseNumber))))
    }

    @Test func aScannedReceiptQRIsLookedUpWhenTheScannerSendsEnter() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.queryProgress)
        // A USB HID scanner types the payload key by key, then Enter.
        for character in "https://ywtb.example.gov.cn/progress?no=\(Self.caseNumber)" { run.send(.typed(String(character))) }
        #expect(run.state.screen == .progress(.lookup))
        run.send(.typed("\r"))
        #expect(run.effects.contains(.queryProgress(.caseNumber(Self.caseNumber))))
    }

    @Test func somethingUnreadableSaysWhatIsExpected() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.queryProgress)
        for character in "12345" { run.send(.typed(String(character))) }
        run.send(.next)
        #expect(run.state.screen == .progress(.lookup))
        #expect(run.state.session?.message == run.reducer.context.strings("progress.lookup.invalid"))
    }

    @Test func theCardIsReadOnlyWhenAskedForAndQueriesByIDNumber() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.queryProgress)
        #expect(!run.effects.contains(.armReader))
        run.send(.progressUseCard)
        #expect(run.effects.contains(.armReader))
        run.send(.cardRead(JourneyReducerTests.holder))
        #expect(run.effects.contains(.queryProgress(.idNumber(JourneyReducerTests.holder.idNumber))))
        #expect(run.effects.contains(.disarmReader))
        #expect(run.state.session?.cardPresent == true)
    }

    @Test func eachItemIsShownWithStateDepartmentDueDateAndNextStepAndTheRefusalOnce() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.queryProgress)
        run.send(.progressUseCard)
        run.send(.cardRead(JourneyReducerTests.holder))
        run.send(.progressLoaded(Self.report()))
        #expect(run.state.screen == .progress(.result(page: 0)))
        let text = Self.screenText(run, size: Size(columns: 127, rows: 40))
        for expected in ["已办结", "办理中", "已受理", "不予受理", "区公安分局", "办结期限 2026年11月25日", "等待前置事项「退役士兵安置落户」",
                         "申请材料不齐全，经一次性告知后未在规定期限内补正", "《中华人民共和国行政许可法》第三十二条", "省一体化政务服务平台"] {
            #expect(text.contains(expected), "\(expected) missing:\n\(text)")
        }
        #expect(text.components(separatedBy: "不予受理理由").count == 2, "the reason is stated exactly once")
        #expect(!text.contains("王小明") && !text.contains(JourneyReducerTests.holder.idNumber))
    }

    @Test func theStoresKnowledgeSaysSoWithItsAge() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.queryProgress)
        for digit in "50000020261123000042" { run.send(.keypad(.digit(digit.wholeNumberValue!))) }
        run.send(.next)
        run.send(.progressLoaded(Self.report(source: .local(asOf: JourneyReducerTests.morning.addingTimeInterval(-3 * 3600)))))
        let text = Self.screenText(run)
        #expect(text.contains("网络暂时中断") && text.contains("3 小时前"), "\(text)")
    }

    @Test func theProgressSlipIsPrintedOnceAtATime() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.queryProgress)
        run.send(.progressUseCard)
        run.send(.cardRead(JourneyReducerTests.holder))
        run.send(.progressLoaded(Self.report()))
        run.send(.printProgressSlip)
        #expect(run.effects.contains(.printProgressSlip(Self.report())))
        run.send(.printProgressSlip)
        #expect(!run.effects.contains(.printProgressSlip(Self.report())), "no second slip while one prints")
        run.send(.slipPrinted(.printed))
        #expect(Self.screenText(run).contains("进度单已打印"))
    }

    @Test func aFinishedCaseCanBeRatedAndTheRatingLeavesAsAnEffect() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.queryProgress)
        run.send(.progressUseCard)
        run.send(.cardRead(JourneyReducerTests.holder))
        run.send(.progressLoaded(Self.report()))
        run.send(.rateCase(Self.caseNumber))
        #expect(run.state.screen == .progress(.result(page: 0)), "an unfinished case is not rated")
        run.send(.progressLoaded(Self.finishedReport())) // ignored outside loading
        run.state.session?.visit?.report = Self.finishedReport()
        run.send(.rateCase(Self.caseNumber))
        #expect(run.state.screen == .progress(.rating))
        run.send(.rate(2))
        run.send(.rateReason("等待时间长"))
        run.send(.rateReason("一次办成")) // a praise reason does not fit a complaint: ignored
        run.send(.rate(5)) // changing sides clears the reasons
        run.send(.rateReason("一次办成"))
        run.send(.submitRating)
        #expect(run.effects.contains(.submitRating(CaseRating(caseNumber: Self.caseNumber, score: 5, reasons: ["一次办成"]))))
        #expect(run.state.screen == .progress(.result(page: 0)))
    }

    @Test func reprintListsTheStoresReceiptsAndOffersARatingAfterPrinting() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.reprintReceipts)
        run.send(.progressUseCard)
        run.send(.cardRead(JourneyReducerTests.holder))
        run.send(.progressFailed("网络暂时中断")) // offline: the store's list still comes
        #expect(run.effects.contains(.listReprints(.idNumber(JourneyReducerTests.holder.idNumber))))
        let id = UUID()
        run.send(.reprintsListed([ReprintChoice(id: id, caseNumber: Self.caseNumber, categoryTitle: "自主就业退役士兵", filedAt: JourneyReducerTests.morning)]))
        #expect(run.state.screen == .progress(.reprints))
        #expect(Self.screenText(run).contains(Self.caseNumber))
        run.send(.reprint(id))
        #expect(run.effects.contains(.reprint(id)))
        run.send(.reprint(id))
        #expect(!run.effects.contains(.reprint(id)), "one copy per touch while printing")
        run.send(.printed(.printed))
        #expect(run.state.screen == .progress(.rating))
        // Skippable in one touch: the card is still on the reader, so it is asked for.
        run.send(.skipRating)
        #expect(run.state.screen == .takeCard)
        #expect(run.effects.contains(.askToTakeCard))
    }

    @Test func afterFilingTheRatingIsOfferedOnceAndSkippedInOneTouch() throws {
        var run = try JourneyOutcomeTests.reviewed()
        run.send(.accept)
        guard case .file(let filed)? = run.effects.first(where: { if case .file = $0 { true } else { false } }) else { return }
        run.send(.caseStored(filed))
        run.send(.submitted(.accepted(caseNumber: Self.caseNumber)))
        run.send(.printed(.printed))
        run.send(.next)
        #expect(run.state.screen == .progress(.rating))
        #expect(run.state.session?.visit?.rating?.caseNumber == Self.caseNumber)
        run.send(.rate(4))
        run.send(.submitRating)
        #expect(run.effects.contains(.submitRating(CaseRating(caseNumber: Self.caseNumber, score: 4, reasons: []))))
        #expect(run.state.screen == .takeCard, "the card is still on the reader: asked for, then home")
        run.send(.cardRemoved)
        #expect(run.state.session == nil && run.state.screen == .home)
    }

    @Test func idleWipesAProgressVisit() throws {
        var run = Run(try JourneyReducerTests.context())
        run.send(.queryProgress)
        run.send(.progressUseCard)
        run.send(.cardRead(JourneyReducerTests.holder))
        run.send(.progressLoaded(Self.report()))
        run.send(.idleTimeout(generation: run.state.idle.generation))
        for _ in 0..<run.reducer.context.delays.warningSeconds { run.send(.countdownTick(generation: run.state.idle.generation)) }
        #expect(run.state.session == nil && run.state.screen == .home)
    }

    @Test func everyProgressScreenFitsEverySize() throws {
        var run = Run(try JourneyReducerTests.context())
        var states: [(String, JourneyState)] = []
        run.send(.queryProgress)
        states.append(("lookup", run.state))
        run.send(.progressUseCard)
        states.append(("card", run.state))
        run.send(.cardRead(JourneyReducerTests.holder))
        run.send(.progressLoaded(Self.finishedReport()))
        states.append(("result", run.state))
        run.send(.rateCase(Self.caseNumber))
        run.send(.rate(1))
        states.append(("rating", run.state))
        run.send(.skipRating)
        run.send(.showReprints)
        run.send(.reprintsListed([ReprintChoice(id: UUID(), caseNumber: Self.caseNumber, categoryTitle: "自主就业退役士兵", filedAt: JourneyReducerTests.morning)]))
        states.append(("reprints", run.state))
        let view = KioskView(context: run.reducer.context)
        for (name, state) in states {
            for size in ScreenLayoutTests.sizes {
                let regions = view.frame(state, in: ViewContext(size: size)).hitRegions
                #expect(!regions.isEmpty, "\(name) at \(size): no touch target")
                for r in regions {
                    #expect(r.rect.x >= 0 && r.rect.y >= 0 && r.rect.maxX <= size.columns && r.rect.maxY <= size.rows, "\(name) at \(size): \(r.id) \(r.rect) leaves the screen")
                    #expect(r.rect.height >= 3, "\(name) at \(size): \(r.id) is \(r.rect.height) rows high")
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

/// The lookup field's parser reads outside bytes (keypad, typing, a scanner): every input gives a
/// key or nil, never a crash, and the forms the receipt prints are read back.
@Suite(.computeBound) struct ProgressLookupParsingTests {
    static let today = CivilDate(year: 2026, month: 11, day: 23)!

    @Test func theReceiptsFormsAreReadBack() throws {
        let divisions = try JourneyReducerTests.context().divisions
        let number = JourneyProgressTests.caseNumber
        for text in [number, number.lowercased(), "https://ywtb.example.gov.cn/progress?no=\(number)", "50000020261123000042",
                     "https://x.example/p?no=" + (number.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? number)] {
            #expect(ProgressLookupKey.parse(text, today: Self.today, divisions: divisions) == .caseNumber(number), "\(text)")
        }
        #expect(ProgressLookupKey.parse("CQ-DEMO-01-20261123-0007", today: Self.today, divisions: divisions) == .caseNumber("CQ-DEMO-01-20261123-0007"))
        #expect(ProgressLookupKey.parse(JourneyReducerTests.holder.idNumber, today: Self.today, divisions: divisions)
                == .idNumber(JourneyReducerTests.holder.idNumber))
        #expect(ProgressLookupKey.parse("110105194912310021", today: Self.today, divisions: divisions) == nil, "bad check digit")
    }

    @Test func randomBytesNeverCrashAndRarelyParse() throws {
        let divisions = try JourneyReducerTests.context().divisions
        var random = SeededRandom(seed: 14)
        let alphabet = Array("0123456789X-YJSCQ?=/:%&#\u{0}\u{1B}\n 年月号abc")
        for _ in 0..<5000 {
            let length = Int(random.next() % 80)
            let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            if let key = ProgressLookupKey.parse(text, today: Self.today, divisions: divisions) {
                switch key {
                case .caseNumber(let number): #expect(number.count <= 40 && !number.contains("\u{1B}"))
                case .idNumber(let id): #expect(id.count == 18)
                }
            }
        }
        // A huge payload is cut, not scanned forever.
        _ = ProgressLookupKey.parse(String(repeating: "9", count: 1_000_000), today: Self.today, divisions: divisions)
    }
}
