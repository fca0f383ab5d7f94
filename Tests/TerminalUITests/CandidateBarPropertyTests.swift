import KioskTime
import TerminalUITesting
import TestSupport
import Testing
import TestTraits
import TerminalUI

/// The candidate bar draws only inside its rectangle, whatever the width and the candidates:
/// checked by drawing into a larger screen filled with a sentinel and comparing every cell
/// outside the bar, for every width 0…200 and random candidate lists.
@Suite("Candidate bar properties", .computeBound)
struct CandidateBarPropertyTests {
    enum M: Sendable, Equatable { case key(PinyinKey) }

    static let sentinel = Style(foreground: .rgb(1, 2, 3), background: .rgb(4, 5, 6))
    static let pool = Array("欧阳晓明渝北区龙溪街道金龙路号栋单元室的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严")

    @Test("Nothing is drawn outside the bar, at every width from 0 to 200")
    func staysInside() {
        var random = SeededRandom(seed: 13)
        for width in 0...200 {
            for _ in 0..<4 {
                let candidates = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                    String((0..<Self.length(&random)).map { _ in Self.pool.randomElement(using: &random)! })
                }
                let height = Int.random(in: 0...6, using: &random)
                let page = Int.random(in: -1...8, using: &random)
                check(candidates: candidates, width: width, height: height, page: page)
            }
        }
    }

    /// Mostly short (1–4 characters, as the engine gives), sometimes absurdly long.
    static func length(_ random: inout SeededRandom) -> Int {
        Int.random(in: 0..<10, using: &random) == 0 ? Int.random(in: 5...120, using: &random) : Int.random(in: 1...4, using: &random)
    }

    func check(candidates: [String], width: Int, height: Int, page: Int) {
        let area = Rect(x: 3, y: 2, width: width, height: height)
        let screen = Size(columns: width + 6, rows: height + 4)
        let frame: Frame<M> = Headless.frame(size: screen) { f in
            f.fill(f.bounds, style: Self.sentinel, with: "·")
            CandidateBar(id: "bar", candidates: candidates, page: page, theme: .highContrast) { .key($0) }
                .draw(into: &f, in: area)
        }
        for y in 0..<screen.rows {
            for x in 0..<screen.columns where !area.contains(Point(x: x, y: y)) {
                let cell = frame.buffer[x, y]
                #expect(cell.character == "·" && cell.style == Self.sentinel, "cell (\(x),\(y)) outside \(area) changed")
            }
        }
        for region in frame.hitRegions {
            #expect(area.intersection(region.rect) == region.rect, "target \(region) outside \(area)")
        }
        // Wide enough for a key: every target is a full key, 8 columns or more.
        if width >= CandidateBar<M>.minimumKeyWidth {
            #expect(frame.hitRegions.allSatisfy { $0.rect.width >= CandidateBar<M>.minimumKeyWidth })
        }
    }

    @Test("Pages keep the engine's order, hold every candidate once, and each fits the bar")
    func pagesCoverEverything() {
        var random = SeededRandom(seed: 7)
        for width in 1...200 {
            let candidates = (0..<Int.random(in: 1...60, using: &random)).map { _ in
                String((0..<Self.length(&random)).map { _ in Self.pool.randomElement(using: &random)! })
            }
            let pages = CandidateBar<M>.pages(candidates, width: width)
            #expect(pages.flatMap { Array($0) } == Array(candidates.indices))
            for page in pages where page.count > 1 {
                let used = page.reduce(0) { $0 + CandidateBar<M>.keyWidth(candidates[$1]) }
                #expect(used <= width)
            }
        }
    }

    @Test("At 80 columns a page shows 8 single characters between 上页 and 下页; 下页 leads on, 上页 back")
    func paging() {
        let candidates = Array("动懂东洞董冬栋冻咚氡硐恸").map(String.init)
        let first: Frame<M> = Headless.frame(size: Size(columns: 80, rows: 3)) { f in
            CandidateBar(id: "bar", candidates: candidates, page: 0) { .key($0) }.draw(into: &f, in: f.bounds)
        }
        #expect(first.hitRegions.map(\.id) == ["bar.next"] + (0..<8).map { "bar.candidate.\($0)" })
        #expect(first.hitRegion(at: Point(x: 75, y: 1))?.message == .key(.page(1)))
        #expect(first.hitRegion(at: Point(x: 2, y: 1)) == nil) // 上页 disabled on the first page
        #expect(first.buffer.line(1).contains("栋"))
        let second: Frame<M> = Headless.frame(size: Size(columns: 80, rows: 3)) { f in
            CandidateBar(id: "bar", candidates: candidates, page: 1) { .key($0) }.draw(into: &f, in: f.bounds)
        }
        #expect(second.hitRegion(at: Point(x: 2, y: 1))?.message == .key(.page(0)))
        #expect(second.hitRegion(at: Point(x: 12, y: 1))?.message == .key(.candidate(8)))
    }
}
