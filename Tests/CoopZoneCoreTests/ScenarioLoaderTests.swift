import Foundation
import Testing

@testable import CoopZoneCore

/// One edit of `Fixture.minimal` for a parameterised test: `new` carries the marker.
struct FixtureEdit: Sendable, CustomTestStringConvertible {
    var name: String
    var old: String
    var new: String
    var fragments: [String]

    init(_ name: String, _ old: String, _ new: String, _ fragments: String...) {
        self.name = name
        self.old = old
        self.new = new
        self.fragments = fragments
    }

    var testDescription: String { name }
}

/// Loading and validating whole scenarios: every diagnostic with the line and column of the
/// offending key or value, overrides from `--set`, `extends`, and the shipped scenarios.
struct ScenarioLoaderTests {
    /// Loads the fixture with `edit` applied and checks for one error at the edit's marker.
    func expectError(after edit: FixtureEdit, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let marked = MarkedText(try Fixture.minimal((edit.old, edit.new), sourceLocation: sourceLocation))
        let outcome = marked.load()
        #expect(outcome.scenario == nil, sourceLocation: sourceLocation)
        for fragment in edit.fragments {
            marked.expectError(outcome.diagnostics, fragment, at: MarkedText.arrow, sourceLocation: sourceLocation)
        }
    }

    @Test func fixtureLoadsWithoutDiagnostics() throws {
        let outcome = MarkedText(Fixture.minimal).load()
        #expect(outcome.diagnostics.isEmpty, "\(DiagnosticsError(outcome.diagnostics))")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.regions.map(\.id) == ["fergana", "batken", "sughd"])
        #expect(scenario[scenario.discountRate] == 0.08)
        #expect(scenario.zones.first?.stages.map(\.id) == ["free_trade", "investment"])
    }

    // MARK: - Keys and types

    static let unknownKeys: [FixtureEdit] = [
        FixtureEdit("top level", "discount_rate: 0.08", "↓discount_rat: 0.08", "unknown key 'discount_rat' in the scenario; did you mean 'discount_rate'?"),
        FixtureEdit("region", "population: 3_900_000", "↓populaton: 3_900_000", "unknown key 'populaton' in region 'fergana'; did you mean 'population'?"),
        FixtureEdit(
            "stage", "        incentives:", "        ↓incentivs:", "unknown key 'incentivs' in stage 'investment' of zone 'fbs'; did you mean 'incentives'?"),
        FixtureEdit(
            "fiscal regime", "corporate_income_tax: 0.15", "↓corporate_incom_tax: 0.15",
            "unknown key 'corporate_incom_tax' in the fiscal regime of UZ; did you mean 'corporate_income_tax'?"),
        FixtureEdit("flow mapping", "perishable: true", "↓perishabel: true", "unknown key 'perishabel' in sector #1; did you mean 'perishable'?"),
        FixtureEdit(
            "number with provenance", "discount_rate: 0.08", "discount_rate: {value: 0.08, ↓sorce: book}", "unknown key 'sorce'", "did you mean 'source'?"),
        FixtureEdit(
            "horizon", "horizon: {first: 2026, last: 2035}", "horizon: {first: 2026, ↓lst: 2035}", "unknown key 'lst' in 'horizon'; did you mean 'last'?"),
        FixtureEdit(
            "after non-ASCII text", "{id: textiles}", "{id: textiles, name: Текстиль и одежда 👕, ↓perishible: false}", "unknown key 'perishible'",
            "did you mean 'perishable'?"),
    ]

    @Test(arguments: unknownKeys)
    func unknownKeyGetsADidYouMeanAtTheKey(_ edit: FixtureEdit) throws {
        try expectError(after: edit)
    }

    @Test func unknownKeyWithNothingCloseListsTheAllowedKeys() throws {
        let marked = MarkedText(try Fixture.minimal(("labour_force: 1_700_000", "labour_force: 1_700_000\n    ↓elevation_m: 580")))
        let outcome = marked.load()
        marked.expectError(outcome.diagnostics, "unknown key 'elevation_m' in region 'fergana'")
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(!diagnostic.message.contains("did you mean"))
        #expect(diagnostic.hint?.contains("allowed keys here: id, name, country, population") == true)
    }

    static let wrongTypes: [FixtureEdit] = [
        FixtureEdit("text for a number", "population: 3_900_000", "population: ↓abc", "expected a number for 'population' in region 'fergana', found 'abc'"),
        FixtureEdit(
            "quoted number", "population: 3_900_000", "population: ↓\"3900000\"",
            "expected a number for 'population' in region 'fergana', found the text '3900000'"),
        FixtureEdit(
            "list for a number", "population: 3_900_000", "population: ↓[3, 9]", "expected a number for 'population' in region 'fergana', found a list"),
        FixtureEdit("percentage", "discount_rate: 0.08", "discount_rate: ↓8%", "expected a number for 'discount_rate' in the scenario, found '8%'"),
        FixtureEdit("text for a year", "start: 2026", "start: ↓soon", "expected a whole number for 'start' of stage 'free_trade', found 'soon'"),
        FixtureEdit(
            "fraction for a year", "price_year: 2023", "price_year: ↓2023.5", "expected a whole number for 'price_year' in the scenario, found '2023.5'"),
        FixtureEdit(
            "scalar for a list", "regions: [fergana, batken, sughd]", "regions: ↓fergana", "expected a list for 'regions' in zone 'fbs', found 'fergana'"),
        FixtureEdit("scalar for a mapping", "horizon: {first: 2026, last: 2035}", "horizon: ↓2026", "expected a mapping for 'horizon', found '2026'"),
        FixtureEdit("word for a boolean", "perishable: true", "perishable: ↓maybe", "expected true or false for 'perishable' in sector #1, found 'maybe'"),
        FixtureEdit("mapping for a text", "title: Minimal triangle", "title: ↓{en: Minimal}", "expected text for 'title' in the scenario, found a mapping"),
    ]

    @Test(arguments: wrongTypes)
    func wrongTypeIsReportedAtTheValue(_ edit: FixtureEdit) throws {
        try expectError(after: edit)
    }

    @Test func percentageGetsAHintWithTheFraction() throws {
        let outcome = MarkedText(try Fixture.minimal(("discount_rate: 0.08", "discount_rate: 8%"))).load()
        #expect(outcome.diagnostics.first?.hint?.contains("0.08 for 8%") == true)
    }

    // MARK: - Semantic errors

    static let undefinedReferences: [FixtureEdit] = [
        FixtureEdit(
            "region of a zone", "regions: [fergana, batken, sughd]", "regions: [fergana, ↓batkn, sughd]",
            "region 'batkn' is not defined; did you mean 'batken'?"),
        FixtureEdit("country of a region", "    country: KG\n", "    country: ↓KZ\n", "country 'KZ' is not defined"),
        FixtureEdit("country of a measure", "{country: UZ, amount_per_year: 30}", "{country: ↓CN, amount_per_year: 30}", "country 'CN' is not defined"),
        FixtureEdit("end of a link", "to: batken", "to: ↓batkan", "country or region 'batkan' is not defined; did you mean 'batken'?"),
        FixtureEdit(
            "sector of an investment", "sector: textiles, amount: 40", "sector: ↓textile, amount: 40",
            "sector 'textile' is not defined; did you mean 'textiles'?"),
        // Reported at the stage, which starts at its first key.
        FixtureEdit(
            "stage a stage starts after", "      - id: investment\n        start: 2030", "      - ↓id: investment\n        start: {after: free_trad}",
            "stage 'investment' starts after stage 'free_trad', which zone 'fbs' does not have; did you mean 'free_trade'?"),
    ]

    @Test(arguments: undefinedReferences)
    func undefinedReferenceIsReportedAtTheReference(_ edit: FixtureEdit) throws {
        try expectError(after: edit)
    }

    @Test func undefinedReferenceHintListsTheDefinedIds() throws {
        let outcome = MarkedText(try Fixture.minimal(("    country: KG\n", "    country: KZ\n"))).load()
        #expect(outcome.diagnostics.first?.hint == "defined country ids: UZ, KG, TJ")
    }

    static let zoneShapes: [FixtureEdit] = [
        FixtureEdit(
            "growth triangle of two countries", "regions: [fergana, batken, sughd]", "regions: ↓[fergana, batken]",
            "a growth triangle needs regions in at least three countries; zone 'fbs' has 2 (KG, UZ)"),
        FixtureEdit(
            "cross-border zone in one country", "kind: growth_triangle\n    regions: [fergana, batken, sughd]",
            "kind: cross_border_economic_zone\n    regions: ↓[fergana]", "zone 'fbs' is cross-border but all its regions are in UZ"),
        FixtureEdit(
            "unknown zone kind", "kind: growth_triangle", "kind: ↓growth_triangel", "unknown zone kind 'growth_triangel'; did you mean 'growth_triangle'?"),
    ]

    @Test(arguments: zoneShapes)
    func zoneShapeIsChecked(_ edit: FixtureEdit) throws {
        try expectError(after: edit)
    }

    static let stages: [FixtureEdit] = [
        FixtureEdit(
            "overlapping stages", "      - id: investment\n        start: 2030", "      - ↓id: investment\n        start: 2028",
            "stage 'investment' (2028–2035) overlaps stage 'free_trade' (2026–2029) in zone 'fbs'"),
        FixtureEdit("stage starting after the horizon", "start: 2030", "start: ↓2036", "stage 'investment' starts in 2036, outside the horizon 2026–2035"),
        FixtureEdit("stage starting before the horizon", "start: 2026", "start: ↓2020", "stage 'free_trade' starts in 2020, outside the horizon 2026–2035"),
        FixtureEdit("stage ending after the horizon", "end: 2029", "end: ↓2040", "stage 'free_trade' ends in 2040, outside the horizon 2026–2035"),
        FixtureEdit("stage ending before it starts", "end: 2029", "end: ↓2025", "stage 'free_trade' ends (2025) before it starts (2026)"),
        FixtureEdit("investment outside the horizon", "{year: 2030,", "{year: ↓2040,", "investment in 2040 is outside the horizon 2026–2035"),
        FixtureEdit(
            "horizon backwards", "horizon: {first: 2026, last: 2035}", "horizon: {first: 2026, last: ↓2020}", "the horizon ends (2020) before it starts (2026)"),
    ]

    @Test(arguments: stages)
    func stagesMustFitTheHorizonAndNotOverlap(_ edit: FixtureEdit) throws {
        try expectError(after: edit)
    }

    static let ranges: [FixtureEdit] = [
        FixtureEdit("share above 1", "discount_rate: 0.08", "discount_rate: ↓1.5", "'discount_rate' in the scenario is 1.5; it must be between 0 and 1"),
        FixtureEdit("negative share", "loss_share: 0.25", "loss_share: ↓-0.1", "'loss_share' in link 'uz_kg' is -0.1; it must be between 0 and 1"),
        FixtureEdit(
            "share written as a percentage number", "corporate_income_tax: 0.15", "corporate_income_tax: ↓15",
            "'corporate_income_tax' in the fiscal regime of UZ is 15; it must be between 0 and 1"),
        FixtureEdit(
            "share with provenance", "loss_share: 0.25", "loss_share: {value: ↓1.2, assumption: guess}",
            "'loss_share' in link 'uz_kg' is 1.2; it must be between 0 and 1"),
        FixtureEdit(
            "share whose distribution leaves [0, 1]", "loss_share: 0.25", "loss_share: ↓{triangular: [0.1, 0.2, 1.4], assumption: guess}",
            "'loss_share' in link 'uz_kg' is 1.4; it must be between 0 and 1"),
        FixtureEdit(
            "normal with no spread and its mean outside its bounds", "loss_share: 0.25",
            "loss_share: {normal: ↓{mean: 0.5, sd: 0, low: 0.1, high: 0.4}, assumption: guess}",
            "normal distribution of 'loss_share' in link 'uz_kg': sd must be above 0, found 0; mean 0.5 must lie between low 0.1 and high 0.4"),
        FixtureEdit("negative investment", "amount: 40", "amount: ↓-40", "'amount' in investment line #1 of zone 'fbs' is -40; it must be at least 0"),
        FixtureEdit(
            "negative public spending", "amount_per_year: 30", "amount_per_year: ↓-30",
            "'amount_per_year' in infrastructure measure #1 of stage 'free_trade' is -30; it must be at least 0"),
        FixtureEdit(
            "negative population", "population: 3_900_000", "population: ↓-3_900_000", "'population' in region 'fergana' is -3900000; it must be at least 0"),
    ]

    @Test(arguments: ranges)
    func numbersOutsideTheirRangeAreReportedAtTheValue(_ edit: FixtureEdit) throws {
        try expectError(after: edit)
    }

    @Test func aValueOutsideItsOwnDistributionIsAWarningAtTheValue() throws {
        // Not an error: a lever or --set may move a central value past the range on purpose.
        let marked = MarkedText(try Fixture.minimal(("loss_share: 0.25", "loss_share: {value: ↓0.6, uniform: [0.1, 0.4], assumption: guess}")))
        let outcome = marked.load()
        #expect(outcome.scenario != nil)
        let warning = try #require(outcome.diagnostics.first { $0.severity == .warning && $0.message.contains("outside its own distribution's range 0.1…0.4") })
        #expect(warning.message.hasPrefix("the value of 'loss_share' in link 'uz_kg', 0.6,"))
        #expect(warning.location == marked.location(MarkedText.arrow))
    }

    @Test func aBadDistributionWithoutValueGivesOneErrorNotAFollowOn() throws {
        // Before, a triangular out of order also said the number "needs 'value'", which it does not.
        let outcome = MarkedText(try Fixture.minimal(("loss_share: 0.25", "loss_share: {triangular: [0.3, 0.1, 0.4], assumption: guess}"))).load()
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message.contains("must be in order low ≤ mode ≤ high") == true)
    }

    @Test func anUnreadableStageStartDoesNotMakeTheStagesAfterItLookStuck() throws {
        // The first stage's start is written as an uncertain number, which a start year cannot be.
        // Before, the stages that wait on it were also reported as waiting on each other in a circle.
        let outcome = MarkedText(try Fixture.minimal(("start: 2026", "start: {value: 2026, uniform: [2026, 2028], assumption: guess}"))).load()
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(
            errors.contains {
                $0.message.contains("'start' of stage 'free_trade' needs 'year', 'after' or 'infrastructure_spending'")
                    && $0.hint?.contains("cannot carry a distribution") == true
            })
        #expect(!errors.contains { $0.message.contains("cannot be resolved") }, "\(errors)")
    }

    @Test(arguments: [".nan", ".NaN", ".inf", "-.Inf", "1e999", "-1e400"])
    func nonFiniteNumbersAreRefused(_ value: String) throws {
        try expectError(
            after: FixtureEdit(
                value, "amount: 40", "amount: ↓\(value)", "'amount' in investment line #1 of zone 'fbs' is \(value), which is not a finite number"))
    }

    @Test func everyErrorOfTheFileIsReportedAtOnce() throws {
        let marked = MarkedText(
            try Fixture.minimal(
                ("population: 3_900_000", "1️⃣populaton: 3_900_000"),
                ("labour_force: 1_700_000", "labour_force: 2️⃣lots"),
                ("regions: [fergana, batken, sughd]", "regions: [fergana, batken, 3️⃣sugd]"),
                ("      - id: investment\n        start: 2030", "      - 4️⃣id: investment\n        start: 2029")))
        let outcome = marked.load()
        #expect(outcome.scenario == nil)
        #expect(outcome.diagnostics.count == 4, "\(DiagnosticsError(outcome.diagnostics))")
        marked.expectError(outcome.diagnostics, "unknown key 'populaton'", at: "1")
        marked.expectError(outcome.diagnostics, "expected a number for 'labour_force'", at: "2")
        marked.expectError(outcome.diagnostics, "region 'sugd' is not defined", at: "3")
        marked.expectError(outcome.diagnostics, "overlaps stage 'free_trade'", at: "4")
        #expect(outcome.diagnostics == outcome.diagnostics.sortedByLocation())
    }

    @Test func diagnosticIsPrintedLikeACompilerMessageWithAHint() throws {
        let marked = MarkedText(try Fixture.minimal(("population: 3_900_000", "population: ↓abc")), file: "Scenarios/x.yaml")
        let diagnostic = try #require(marked.load().diagnostics.first)
        let at = marked.location()
        #expect(
            diagnostic.description == """
                Scenarios/x.yaml:\(at.line):\(at.column): error: expected a number for 'population' in region 'fergana', found 'abc'
                  hint: write digits with '.' as the decimal point, e.g. 1688.1
                """)
    }

    @Test func loadOrThrowGivesTheModelOrEveryDiagnostic() throws {
        _ = try ScenarioLoader.loadOrThrow(text: Fixture.minimal)
        let broken = try Fixture.minimal(("population: 3_900_000", "population: abc"), ("amount: 40", "amount: -40"))
        let error = try #require(throws: DiagnosticsError.self) { try ScenarioLoader.loadOrThrow(text: broken) }
        #expect(error.diagnostics.count == 2)
    }

    // MARK: - Overrides (--set)

    /// Parses `--set` arguments as the command line does, numbered from 1.
    func overrides(_ arguments: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Override] {
        try arguments.enumerated().map { index, argument in
            try #require(try? Override.parse(argument, index: index + 1).get(), "'\(argument)' does not parse", sourceLocation: sourceLocation)
        }
    }

    @Test func setChangesANumber() throws {
        let outcome = MarkedText(Fixture.minimal).load(overrides: try overrides(["discount_rate=0.05", "regions.batken.population=560_000"]))
        let scenario = try #require(outcome.scenario, "\(DiagnosticsError(outcome.diagnostics))")
        #expect(scenario[scenario.discountRate] == 0.05)
        #expect(scenario[scenario.region("batken")?.population, default: 0] == 560_000)
        #expect(scenario[scenario.region("fergana")?.population, default: 0] == 3_900_000)
    }

    @Test func setOnASourcedNumberMakesItAnAssumption() throws {
        let text = try Fixture.minimal(("discount_rate: 0.08", "discount_rate: {value: 0.08, source: book}"))
        let scenario = try #require(MarkedText(text).load(overrides: try overrides(["discount_rate=0.05"])).scenario)
        #expect(scenario[scenario.discountRate] == 0.05)
        #expect(scenario.inputs[scenario.discountRate.slot].provenance == .assumption("set by --set discount_rate"))
    }

    @Test func typeErrorInASetValueIsReportedInTheSetPseudoFile() throws {
        // The second --set argument: line 2 of the pseudo-file, the column of the value in the argument.
        let argument = MarkedText("regions.fergana.population=↓abc", file: "--set")
        let outcome = MarkedText(Fixture.minimal).load(overrides: try overrides(["discount_rate=0.05", argument.text]))
        #expect(outcome.scenario == nil)
        #expect(outcome.diagnostics.count == 1)
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.message == "expected a number for 'population' in region 'fergana', found 'abc'")
        #expect(diagnostic.location == CoopZoneCore.SourceLocation(file: "--set", line: 2, column: argument.location().column))
        #expect(diagnostic.description.hasPrefix("--set:2:28: error: "))
    }

    @Test func rangeErrorInASetValueIsReportedInTheSetPseudoFile() throws {
        let argument = MarkedText("discount_rate=↓2", file: "--set")
        let outcome = MarkedText(Fixture.minimal).load(overrides: try overrides([argument.text]))
        argument.expectError(outcome.diagnostics, "'discount_rate' in the scenario is 2; it must be between 0 and 1")
    }

    static let misspeltPaths: [MarkedCase] = [
        MarkedCase("first segment", "regoins.fergana.population=↓1", "the scenario has no 'regoins'; did you mean 'regions'?"),
        MarkedCase("list item", "regions.fergna.population=↓1", "'regions' has no 'fergna'; did you mean 'fergana'?"),
        MarkedCase("middle segment", "zones.fbs.stages.investment.incentivs.income_tax_holiday_years=↓5", "has no 'incentivs'; did you mean 'incentives'?"),
        MarkedCase("last segment", "regions.fergana.populaton=↓1", "unknown key 'populaton' in region 'fergana'; did you mean 'population'?"),
    ]

    @Test(arguments: misspeltPaths)
    func misspeltSetPathGetsADidYouMean(_ input: MarkedCase) throws {
        let argument = MarkedText(input.source, file: "--set")
        let outcome = MarkedText(Fixture.minimal).load(overrides: try overrides([argument.text]))
        #expect(outcome.scenario == nil)
        #expect(outcome.diagnostics.count == 1, "\(DiagnosticsError(outcome.diagnostics))")
        argument.expectError(outcome.diagnostics, input.fragments[0])
    }

    @Test func malformedSetArgumentsAreRefusedWhenParsed() throws {
        guard case .failure(let noEquals) = Override.parse("discount_rate", index: 3) else {
            Issue.record("an argument without '=' parsed")
            return
        }
        #expect(noEquals.diagnostics.first?.message.contains("needs the form PATH=VALUE") == true)
        #expect(noEquals.diagnostics.first?.location == CoopZoneCore.SourceLocation(file: "--set", line: 3, column: 1))

        guard case .failure(let syntax) = Override.parse("discount_rate=[0.1", index: 2) else {
            Issue.record("an unclosed list parsed")
            return
        }
        #expect(syntax.diagnostics.first?.message.contains("YAML syntax error") == true)
        #expect(syntax.diagnostics.first?.location?.file == "--set")
        #expect(syntax.diagnostics.first?.location?.line == 2)
    }

    // MARK: - extends

    @Test func childOverridesOneNumberOfItsParent() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Fixture.minimal.write(to: directory.appendingPathComponent("parent.yaml"), atomically: true, encoding: .utf8)
        let child = directory.appendingPathComponent("child.yaml")
        try "extends: parent.yaml\ndiscount_rate: 0.05\nregions:\n  - {id: batken, population: 560_000}\n".write(to: child, atomically: true, encoding: .utf8)

        let outcome = ScenarioLoader.load(file: child.path)
        let scenario = try #require(outcome.scenario, "\(DiagnosticsError(outcome.diagnostics))")
        #expect(scenario.extends == ["parent.yaml"])
        #expect(scenario.title == "Minimal triangle")
        #expect(scenario[scenario.discountRate] == 0.05)
        #expect(scenario.regions.map(\.id) == ["fergana", "batken", "sughd"])
        #expect(scenario[scenario.region("batken")?.population, default: 0] == 560_000)
        #expect(scenario[scenario.region("fergana")?.population, default: 0] == 3_900_000)
        #expect(scenario.region("batken")?.country == "KG")
    }

    @Test func errorsAfterExtendsPointIntoTheFileThatHasThem() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let parent = MarkedText(try Fixture.minimal(("population: 3_900_000", "population: ↓abc")), file: directory.appendingPathComponent("parent.yaml").path)
        let child = MarkedText("extends: parent.yaml\ndiscount_rate: ↓1.5\n", file: directory.appendingPathComponent("child.yaml").path)
        try parent.text.write(toFile: parent.file, atomically: true, encoding: .utf8)
        try child.text.write(toFile: child.file, atomically: true, encoding: .utf8)

        let outcome = ScenarioLoader.load(file: child.file)
        #expect(outcome.diagnostics.count == 2, "\(DiagnosticsError(outcome.diagnostics))")
        parent.expectError(outcome.diagnostics, "expected a number for 'population'")
        child.expectError(outcome.diagnostics, "'discount_rate' in the scenario is 1.5")
    }

    @Test func missingParentIsReportedAtTheExtendsValue() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let child = MarkedText("extends: ↓missing.yaml\ndiscount_rate: 0.05\n", file: directory.appendingPathComponent("child.yaml").path)
        try child.text.write(toFile: child.file, atomically: true, encoding: .utf8)

        let outcome = ScenarioLoader.load(file: child.file)
        #expect(outcome.scenario == nil)
        #expect(outcome.diagnostics.count == 1)
        child.expectError(outcome.diagnostics, "missing.yaml' does not exist")
        #expect(outcome.diagnostics.first?.hint?.contains("relative to the file that names them") == true)
    }

    @Test func extendsCycleIsReportedWhereItCloses() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.yaml").path
        let b = MarkedText("extends: ↓a.yaml\ndiscount_rate: 0.05\n", file: directory.appendingPathComponent("b.yaml").path)
        try "extends: b.yaml\n".appending(Fixture.minimal).write(toFile: a, atomically: true, encoding: .utf8)
        try b.text.write(toFile: b.file, atomically: true, encoding: .utf8)

        let outcome = ScenarioLoader.load(file: a)
        #expect(outcome.scenario == nil)
        #expect(outcome.diagnostics.count == 1)
        b.expectError(outcome.diagnostics, "'extends' forms a cycle: a.yaml → b.yaml → a.yaml")

        // Loading the same file from text (an editor's buffer) finds the same cycle, not a longer one.
        let fromText = ScenarioLoader.load(text: "extends: b.yaml\n" + Fixture.minimal, file: "a.yaml", baseDirectory: directory.path)
        b.expectError(fromText.diagnostics, "'extends' forms a cycle: a.yaml → b.yaml → a.yaml")
        #expect(fromText.diagnostics.first?.message.hasSuffix("a.yaml → b.yaml → a.yaml") == true)
    }

    @Test func fileExtendingItselfIsACycle() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let marked = MarkedText("extends: ↓self.yaml\n" + Fixture.minimal, file: directory.appendingPathComponent("self.yaml").path)
        try marked.text.write(toFile: marked.file, atomically: true, encoding: .utf8)
        marked.expectError(ScenarioLoader.load(file: marked.file).diagnostics, "'extends' forms a cycle: self.yaml → self.yaml")
    }

    @Test func extendsMustNameAFile() throws {
        let marked = MarkedText("extends: ↓[a.yaml, b.yaml]\n" + Fixture.minimal)
        marked.expectError(marked.load().diagnostics, "expected a file name for 'extends', found a list")
    }

    // MARK: - Shipped scenarios

    @Test func scenariosDirectoryIsFound() {
        #expect(!Fixture.shippedScenarios.isEmpty, "no .yaml files in \(Fixture.scenariosDirectory.path)")
    }

    @Test(arguments: Fixture.shippedScenarios)
    func shippedScenarioLoadsWithoutErrors(_ name: String) throws {
        let path = Fixture.scenariosDirectory.appendingPathComponent(name).path
        let outcome = ScenarioLoader.load(file: path)
        #expect(!outcome.diagnostics.hasErrors, "\(DiagnosticsError(outcome.diagnostics))")
        let scenario = try #require(outcome.scenario)
        #expect(!scenario.zones.isEmpty)
        for zone in scenario.zones {
            #expect(scenario.timeline(of: zone).errors.isEmpty)
        }
    }
}
