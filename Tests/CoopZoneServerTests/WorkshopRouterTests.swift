import CoopZoneCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CoopZoneServer

/// The routes, through `app.test(.router)`: no port is opened.
struct WorkshopRouterTests {
    @Test func listsTheScenariosOfTheFolder() async throws {
        let (workshop, _) = try await makeWorkshop()
        try await buildApplication(workshop).test(.router) { client in
            try await client.execute(uri: "/api/scenarios", method: .get) { response in
                #expect(response.status == .ok)
                let list = try response.decode(ScenarioList.self)
                let item = try #require(list.scenarios.first { $0.id == triangle })
                #expect(item.ok)
                #expect(item.levers == 2)
                #expect(item.file == "\(triangle).yaml")
                #expect(list.scenarios.contains { $0.id == "variants~fbs-faster-border" })
                #expect(!list.requiresCode)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.text.contains("Fergana–Batken–Sughd growth triangle"))
                #expect(response.text.contains("href=\"/s/\(triangle)\""))
            }
            try await client.execute(uri: "/s/\(triangle)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("data-scenario=\"\(triangle)\""))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
            for asset in ["/assets/workshop.js", "/assets/workshop.css"] {
                try await client.execute(uri: asset, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(!response.text.contains("http://") || asset.hasSuffix(".js"))
                    #expect(!response.text.contains("https://"))
                }
            }
        }
    }

    @Test func describesAScenarioWithItsLeversHeadlinesAndCharts() async throws {
        let (workshop, _) = try await makeWorkshop()
        try await buildApplication(workshop).test(.router) { client in
            try await client.execute(uri: "/api/scenarios/\(triangle)", method: .get) { response in
                #expect(response.status == .ok)
                let meta = try response.decode(ScenarioMeta.self)
                #expect(meta.ok)
                #expect(meta.levers.map(\.id) == ["holiday_years", "uz_kg_days"])
                #expect(meta.levers[0].value == 3 && meta.levers[0].min == 0 && meta.levers[0].max == 10 && meta.levers[0].step == 1)
                #expect(
                    meta.headlines.filter(\.featured).map(\.key) == [
                        "employment.net_jobs_final_year", "trade_effects.trade_change_last_year", "staged_incentives.tax_expenditure_pv_total",
                        "cost_benefit.npv",
                    ])
                #expect(meta.charts.map(\.id) == ["jobs", "trade", "fiscal", "investment"])
                #expect(meta.years.first == 2026 && meta.years.last == 2040)
            }
        }
    }

    @Test func runsTheScenarioWithLeverValues() async throws {
        let (workshop, _) = try await makeWorkshop()
        try await buildApplication(workshop).test(.router) { client in
            let base = try await client.execute(uri: "/api/scenarios/\(triangle)/run", method: .get) { try $0.decode(RunPayload.self) }
            #expect(base.values == ["holiday_years": 3, "uz_kg_days": 0.5])
            try await client.execute(uri: "/api/scenarios/\(triangle)/run?holiday_years=8&uz_kg_days=0.25", method: .get) { response in
                #expect(response.status == .ok)
                let run = try response.decode(RunPayload.self)
                #expect(run.values == ["holiday_years": 8, "uz_kg_days": 0.25])
                #expect(run.failures.isEmpty)
                #expect(run.years.count == 15)
                let fiscal = try #require(run.headlines["staged_incentives.tax_expenditure_pv_total"] ?? nil)
                let baseFiscal = try #require(base.headlines["staged_incentives.tax_expenditure_pv_total"] ?? nil)
                #expect(fiscal > baseFiscal, "a longer holiday costs the treasury more")
                let trade = try #require(run.headlines["trade_effects.trade_change_last_year"] ?? nil)
                let baseTrade = try #require(base.headlines["trade_effects.trade_change_last_year"] ?? nil)
                #expect(trade > baseTrade, "a faster border adds trade")
                #expect(run.charts["jobs"]?["employment.jobs_net"]?.count == 15)
            }
            // The same values again come from the cache.
            try await client.execute(uri: "/api/scenarios/\(triangle)/run?uz_kg_days=0.25&holiday_years=8", method: .get) { response in
                let decoded = try response.decode(RunPayload.self)
                #expect(decoded.cached)
            }
        }
    }

    @Test(arguments: [
        "holiday_years=11", "holiday_years=-1", "holiday_years=2.5", "uz_kg_days=0.3", "uz_kg_days=3.25",
        "holiday_years=nan", "holiday_years=inf", "holiday_years=1e400", "holiday_years=0x3", "holiday_years=",
        "holiday_years=abc", "holidays=3", "zones.fbs.area_ha=1",
    ])
    func refusesLeverValuesOutOfBoundsOrUnknown(_ query: String) async throws {
        let (workshop, _) = try await makeWorkshop()
        try await buildApplication(workshop).test(.router) { client in
            try await client.execute(uri: "/api/scenarios/\(triangle)/run?\(query)", method: .get) { response in
                #expect(response.status == .badRequest, "\(query): \(response.text)")
                #expect(response.errorCode == "bad_request")
            }
            // A save with the same value is refused too, and nothing is stored.
            let pair = query.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if let value = LeverValues.parse(String(pair[1])) {
                try await client.execute(
                    uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: jsonHeaders(),
                    body: jsonBody(["name": "bad", "values": [String(pair[0]): value]])
                ) { response in
                    #expect(response.status == .badRequest, "\(query): \(response.text)")
                }
            }
        }
        #expect(try await workshop.store.variants(of: triangle).isEmpty)
    }

    @Test func savesVariantsAndComparesThemRanked() async throws {
        let (workshop, data) = try await makeWorkshop()
        try await buildApplication(workshop).test(.router) { client in
            for (name, holiday, days) in [("Short holiday", 1.0, 1.5), ("Fast border", 3.0, 0.0), ("Long holiday", 9.0, 0.5)] {
                try await client.execute(
                    uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: jsonHeaders(),
                    body: jsonBody(["name": name, "author": "Test", "values": ["holiday_years": holiday, "uz_kg_days": days]])
                ) { response in
                    #expect(response.status == .created, "\(response.text)")
                    let saved = try response.decode(VariantInfo.self)
                    #expect(saved.name == name && saved.values["holiday_years"] == holiday)
                }
            }
            try await client.execute(
                uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: jsonHeaders(),
                body: jsonBody(["name": "Fast border", "values": [:] as [String: Double]])
            ) { response in
                #expect(response.status == .conflict)
                #expect(response.errorCode == "name_taken")
            }
            for bad in ["", "   ", String(repeating: "x", count: 81), "bad\u{0}name"] {
                try await client.execute(
                    uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: jsonHeaders(),
                    body: jsonBody(["name": bad])
                ) { response in
                    #expect(response.status == .badRequest)
                }
            }
            let key = "trade_effects.trade_change_last_year"
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants?rank=\(key)", method: .get) { response in
                #expect(response.status == .ok)
                let compare = try response.decode(ComparePayload.self)
                #expect(compare.rankedBy == key && compare.higherFirst)
                #expect(compare.variants.map(\.name) == ["Fast border", "Long holiday", "Short holiday"], "trade rises as the border gets faster")
                #expect(compare.variants.map(\.rank) == [1, 2, 3])
                let values = compare.variants.compactMap { $0.headlines[key] ?? nil }
                #expect(values == values.sorted(by: >))
                #expect(compare.baselineValues == ["holiday_years": 3, "uz_kg_days": 0.5])
            }
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants?rank=staged_incentives.tax_expenditure_pv_total", method: .get) { response in
                let compare = try response.decode(ComparePayload.self)
                #expect(!compare.higherFirst, "a lower fiscal cost ranks first")
                #expect(compare.variants.first?.name == "Short holiday")
            }
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants?rank=nope.metric", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/s/\(triangle)/compare", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("compare-table"))
            }
        }
        // A new server on the same file sees every variant.
        let (reopened, _) = try await makeWorkshop(dataFile: data)
        #expect(try await reopened.store.variants(of: triangle).map(\.name) == ["Short holiday", "Fast border", "Long holiday"])
        #expect(reopened.list().first { $0.id == triangle }?.variants == 3)
    }

    @Test(arguments: [
        "/api/scenarios/..%2F..%2Fetc%2Fpasswd", "/api/scenarios/../../etc/passwd", "/api/scenarios/..", "/api/scenarios/.hidden",
        "/api/scenarios/%2Fetc%2Fpasswd/run", "/api/scenarios/variants~..~fergana-batken-sughd-growth-triangle",
        "/api/scenarios/~etc~passwd", "/api/scenarios/a~b~c", "/api/scenarios/fergana-batken-sughd-growth-triangle.yaml",
        "/api/scenarios/nope/run", "/s/..%2Fsecret", "/s/../../etc/passwd", "/s/%2e%2e", "/api/variants/..%2F1/export",
        "/api/scenarios/variants~..~..~etc~passwd/state",
    ])
    func refusesPathsThatLeaveTheFolder(_ uri: String) async throws {
        let (workshop, _) = try await makeWorkshop()
        try await buildApplication(workshop).test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound, "\(uri) → \(response.status): \(response.text.prefix(200))")
                #expect(!response.text.contains("root:"))
            }
        }
    }

    @Test func aSymbolicLinkOutOfTheFolderIsNotAScenario() async throws {
        let folder = try copyOfScenarios(), outside = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.copyItem(atPath: scenariosFolder + "/\(triangle).yaml", toPath: outside + "/secret.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked.yaml", withDestinationPath: outside + "/secret.yaml")
        let (workshop, _) = try await makeWorkshop(directory: folder)
        #expect(!workshop.list().contains { $0.id == "linked" })
        try await buildApplication(workshop).test(.router) { client in
            try await client.execute(uri: "/api/scenarios/linked", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func enforcesTheAccessCodesOnASharedNetwork() async throws {
        let access = AccessPolicy(participantCode: "482913", facilitatorCode: "facil7code")
        let (workshop, _) = try await makeWorkshop(access: access)
        let save = jsonBody(["name": "Mine", "values": ["holiday_years": 4]])
        try await buildApplication(workshop).test(.router) { client in
            try await client.execute(uri: "/api/scenarios/\(triangle)", method: .get) { response in
                let decoded = try response.decode(ScenarioMeta.self)
                #expect(decoded.requiresCode)
            }
            // Reading and running need no code.
            try await client.execute(uri: "/api/scenarios/\(triangle)/run?holiday_years=4", method: .get) { #expect($0.status == .ok) }
            for code in [nil, "", "000000", "48291", "4829130", "facil7cod"] as [String?] {
                try await client.execute(uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: jsonHeaders(code: code), body: save) { response in
                    #expect(response.status == .forbidden, "code \(code ?? "none")")
                    #expect(response.errorCode == "access_denied")
                }
            }
            #expect(try await workshop.store.variants(of: triangle).isEmpty)
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: jsonHeaders(code: "482913"), body: save) { response in
                #expect(response.status == .created)
            }
            // The facilitator's actions need the facilitator's code, not the participants'.
            let lock = jsonBody(["lever": "holiday_years", "value": 5, "locked": true])
            for code in [nil, "482913", "wrong"] as [String?] {
                try await client.execute(uri: "/api/scenarios/\(triangle)/locks", method: .post, headers: jsonHeaders(code: code), body: lock) { response in
                    #expect(response.status == .forbidden)
                }
                try await client.execute(uri: "/api/scenarios/\(triangle)/reset", method: .post, headers: jsonHeaders(code: code), body: jsonBody([:])) {
                    response in
                    #expect(response.status == .forbidden)
                }
            }
            try await client.execute(uri: "/api/scenarios/\(triangle)/locks", method: .post, headers: jsonHeaders(code: "facil7code"), body: lock) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(workshop.locks(triangle) == ["holiday_years": 5])
    }

    @Test func noCodeIsNeededOnLoopback() {
        let configuration = WorkshopConfiguration(directory: scenariosFolder, host: "127.0.0.1", registry: [])
        #expect(configuration.access == .open)
        let shared = WorkshopConfiguration(directory: scenariosFolder, host: "0.0.0.0", registry: [])
        #expect(shared.access.participantCode?.count == 6)
        #expect((shared.access.facilitatorCode?.count ?? 0) >= 10)
    }

    @Test func theFacilitatorLocksLeversAndResetsTheRoom() async throws {
        let (workshop, data) = try await makeWorkshop()
        try await buildApplication(workshop).test(.router) { client in
            try await client.execute(
                uri: "/api/scenarios/\(triangle)/locks", method: .post, headers: jsonHeaders(),
                body: jsonBody(["lever": "holiday_years", "value": 7, "locked": true])
            ) { response in
                #expect(response.status == .ok)
                let decoded = try response.decode(ScenarioState.self)
                #expect(decoded.locks == ["holiday_years": 7])
            }
            // A locked lever takes the lock's value whatever the page sends.
            try await client.execute(uri: "/api/scenarios/\(triangle)/run?holiday_years=2", method: .get) { response in
                let decoded = try response.decode(RunPayload.self)
                #expect(decoded.values["holiday_years"] == 7)
            }
            try await client.execute(uri: "/api/scenarios/\(triangle)", method: .get) { response in
                let decoded = try response.decode(ScenarioMeta.self)
                #expect(decoded.levers.first?.locked == 7)
            }
            for bad in [["lever": "holiday_years", "value": 12, "locked": true], ["lever": "nope", "value": 1, "locked": true]] as [[String: Any]] {
                try await client.execute(uri: "/api/scenarios/\(triangle)/locks", method: .post, headers: jsonHeaders(), body: jsonBody(bad)) { response in
                    #expect(response.status == .badRequest)
                }
            }
            let before = try await client.execute(uri: "/api/scenarios/\(triangle)/state", method: .get) { try $0.decode(ScenarioState.self) }
            try await client.execute(uri: "/api/scenarios/\(triangle)/reset", method: .post, headers: jsonHeaders(), body: jsonBody([:])) { response in
                let state = try response.decode(ScenarioState.self)
                #expect(state.locks.isEmpty)
                #expect(state.resetGeneration == before.resetGeneration + 1)
            }
            try await client.execute(uri: "/api/scenarios/\(triangle)/run?holiday_years=2", method: .get) { response in
                let decoded = try response.decode(RunPayload.self)
                #expect(decoded.values["holiday_years"] == 2)
            }
        }
        // Locks and resets are stored too.
        let (reopened, _) = try await makeWorkshop(dataFile: data)
        #expect(try reopened.state(triangle).resetGeneration == 1)
        #expect(reopened.locks(triangle).isEmpty)
    }

    @Test func exportsAVariantAsAScenarioThatLoads() async throws {
        let (workshop, _) = try await makeWorkshop()
        let folder = try copyOfScenarios()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await buildApplication(workshop).test(.router) { client in
            let saved = try await client.execute(
                uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: jsonHeaders(),
                body: jsonBody(["name": "Export me: \"quoted\" #1", "values": ["holiday_years": 6, "uz_kg_days": 1.75]])
            ) {
                try $0.decode(VariantInfo.self)
            }
            try await client.execute(uri: "/api/variants/\(saved.id)/export", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains("\(triangle)--export-me-quoted-1.yaml") == true)
                let file = folder + "/exported.yaml"
                try response.text.write(toFile: file, atomically: true, encoding: .utf8)
                let outcome = ScenarioLoader.load(file: file)
                let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
                #expect(!outcome.diagnostics.hasErrors)
                #expect(scenario.extends == ["\(triangle).yaml"])
                let plan = try Engine.plan(scenario, registry: workshop.configuration.registry).get()
                let result = await Engine.run(plan, on: scenario)
                for h in result.headlines {
                    let expected = saved.headlines["\(h.evaluator).\(h.metric)"] ?? nil
                    #expect(expected.map { abs($0 - h.value) <= 1e-9 * max(1, abs(h.value)) } ?? !h.value.isFinite, "\(h.metric)")
                }
            }
            try await client.execute(uri: "/api/variants/999/export", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/variants/abc/export", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func picksUpAChangedFileAndShowsDiagnosticsOfABrokenOne() async throws {
        let folder = try copyOfScenarios()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/\(triangle).yaml"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let (workshop, _) = try await makeWorkshop(directory: folder)
        try await buildApplication(workshop).test(.router) { client in
            let first = try await client.execute(uri: "/api/scenarios/\(triangle)/state", method: .get) { try $0.decode(ScenarioState.self) }
            // An edit: a wider lever.
            try original.replacingOccurrences(of: "    max: 10\n", with: "    max: 12\n").write(toFile: file, atomically: true, encoding: .utf8)
            let second = try await client.execute(uri: "/api/scenarios/\(triangle)/state", method: .get) { try $0.decode(ScenarioState.self) }
            #expect(second.version != first.version)
            try await client.execute(uri: "/api/scenarios/\(triangle)/run?holiday_years=12", method: .get) { #expect($0.status == .ok) }
            // A broken file: the page gets its diagnostics, the run a 422 with them, and the server goes on.
            try original.replacingOccurrences(of: "horizon: {first: 2026, last: 2040}", with: "horizon: {first: 2026, last: 2040}\nhorizn: 3")
                .write(toFile: file, atomically: true, encoding: .utf8)
            try await client.execute(uri: "/api/scenarios/\(triangle)", method: .get) { response in
                #expect(response.status == .ok)
                let meta = try response.decode(ScenarioMeta.self)
                #expect(!meta.ok)
                let diagnostic = try #require(meta.diagnostics.first { $0.severity == "error" })
                #expect(diagnostic.message.contains("unknown key 'horizn'"))
                #expect(diagnostic.location?.hasPrefix("\(triangle).yaml:") == true)
            }
            try await client.execute(uri: "/api/scenarios/\(triangle)/run", method: .get) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.errorCode == "scenario_invalid")
                #expect(response.text.contains("horizn"))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("has errors"))
            }
            try "{{{ not yaml".write(toFile: file, atomically: true, encoding: .utf8)
            try await client.execute(uri: "/api/scenarios/\(triangle)", method: .get) { response in
                let decoded = try response.decode(ScenarioMeta.self)
                #expect(!decoded.ok)
            }
            try original.write(toFile: file, atomically: true, encoding: .utf8)
            try await client.execute(uri: "/api/scenarios/\(triangle)", method: .get) { response in
                let decoded = try response.decode(ScenarioMeta.self)
                #expect(decoded.ok)
            }
        }
    }

    @Test func computesUncertaintyBands() async throws {
        let (workshop, _) = try await makeWorkshop()
        try await buildApplication(workshop).test(.router) { client in
            try await client.execute(uri: "/api/scenarios/\(triangle)/bands?holiday_years=5&_draws=20", method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
                let bands = try response.decode(BandsPayload.self)
                #expect(bands.draws == 20 && bands.sampledInputs > 0)
                let npv = try #require(bands.headlines["cost_benefit.npv"])
                #expect((npv.p5 ?? .nan) <= (npv.p50 ?? .nan) && (npv.p50 ?? .nan) <= (npv.p95 ?? .nan))
                #expect(bands.charts["jobs"]?["employment.jobs_net"]?.p95.count == 15)
            }
            for draws in ["5", "100000", "x"] {
                try await client.execute(uri: "/api/scenarios/\(triangle)/bands?_draws=\(draws)", method: .get) { response in
                    #expect(response.status == .badRequest)
                }
            }
        }
    }

    @Test func refusesLargeBodiesOtherContentTypesAndFloods() async throws {
        let (workshop, _) = try await makeWorkshop(writeLimit: .init(perSecond: 0.01, burst: 3), limitLoopback: true, maxBodyBytes: 1024)
        try await buildApplication(workshop).test(.router) { client in
            let big = jsonBody(["name": String(repeating: "x", count: 5000)])
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: jsonHeaders(), body: big) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(
                uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: "{\"name\": \"x\"}")
            ) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: jsonHeaders(), body: ByteBuffer(string: "not json")) {
                response in
                #expect(response.status == .badRequest)
            }
            // Two tokens of three are spent; the third saves, the fourth is refused.
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: jsonHeaders(), body: jsonBody(["name": "ok"])) {
                response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: jsonHeaders(), body: jsonBody(["name": "ok 2"])) {
                response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
        }
    }
}
