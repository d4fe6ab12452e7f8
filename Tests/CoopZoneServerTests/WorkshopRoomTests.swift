import CoopZoneCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CoopZoneServer

#if canImport(Glibc)
    import Glibc
#endif

/// What a training room needs of the server (issue 20): idle and half-sent connections closed,
/// the facilitator's hide, rename and delete, variants that survive a broken file, one grid
/// for lever values, lever moves that reuse the loaded model, and honest exports.
struct WorkshopRoomTests {
    static let headers: HTTPFields = [.contentType: "application/json"]

    /// 200 connections that send half a request's headers and stop are closed by the server's
    /// idle timeout (1 s here), while a normal request still gets its answer.
    @Test(.timeLimit(.minutes(2))) func halfOpenConnectionsAreClosedByTheTimeout() async throws {
        let (workshop, _) = try await makeWorkshop(idleTimeoutSeconds: 1)
        try await buildApplication(workshop).test(.live) { client in
            let port = try #require(client.port)
            var sockets: [Int32] = []
            defer { for s in sockets { close(s) } }
            // A socket connected to the server with `text` sent on it.
            func open(sending text: String) -> Int32 {
                let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                #expect(s >= 0)
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = in_port_t(UInt16(port).bigEndian)
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                #expect(connected == 0)
                _ = text.withCString { send(s, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                return s
            }
            for _ in 0..<200 { sockets.append(open(sending: "GET /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")) }
            // A complete request on a connection of its own is answered meanwhile. (Not on the
            // test client's kept-alive connection: on a busy machine it can idle past the 1 s timeout
            // while the 200 sockets open, and be closed, as it should be.)
            let complete = open(sending: "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            defer { close(complete) }
            var answer = [UInt8](repeating: 0, count: 256)
            let read = recv(complete, &answer, answer.count, 0)
            #expect(read > 0 && String(decoding: answer.prefix(max(read, 0)), as: UTF8.self).hasPrefix("HTTP/1.1 200"), "answer: \(read) bytes")
            // Each socket then reads end-of-file (0) or a reset: closed by the server. Checked every
            // 200 ms until all are closed or 30 s pass (a busy machine fires the 1 s timer late).
            var open = Set(sockets)
            let deadline = ContinuousClock.now + .seconds(30)
            var buffer = [UInt8](repeating: 0, count: 512)
            while !open.isEmpty, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
                for s in open {
                    var n = recv(s, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                    while n > 0 { n = recv(s, &buffer, buffer.count, Int32(MSG_DONTWAIT)) }  // a 408 or 400 first, then the end
                    if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) { open.remove(s) }
                }
            }
            let closed = sockets.count - open.count
            #expect(closed == 200, "\(closed) of 200 half-open connections closed")
        }
    }

    @Test func theFacilitatorHidesRenamesAndDeletesVariants() async throws {
        let (workshop, _) = try await makeWorkshop(access: AccessPolicy(participantCode: "123456", facilitatorCode: "facilitator"))
        try await buildApplication(workshop).test(.router) { client in
            var participant = Self.headers
            participant[accessCodeHeader] = "123456"
            var facilitator = Self.headers
            facilitator[accessCodeHeader] = "facilitator"
            var ids: [Int64] = []
            for name in ["Low tariffs", "Fast border"] {
                try await client.execute(
                    uri: "/api/scenarios/\(triangle)/variants", method: .post, headers: participant, body: ByteBuffer(string: #"{"name": "\#(name)"}"#)
                ) { response in
                    #expect(response.status == .created)
                    ids.append(try response.decode(VariantInfo.self).id)
                }
            }
            let revisionBefore = try workshop.state(triangle).variantRevision
            // A participant cannot hide; the facilitator can, and rename in the same request.
            let hide = ByteBuffer(string: #"{"hidden": true, "name": "Fast border (hidden)"}"#)
            try await client.execute(uri: "/api/variants/\(ids[1])", method: .patch, headers: participant, body: hide) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/variants/\(ids[1])", method: .patch, headers: facilitator, body: hide) { response in
                #expect(response.status == .ok)
                let info = try response.decode(VariantInfo.self)
                #expect(info.hidden && info.name == "Fast border (hidden)")
            }
            #expect(try workshop.state(triangle).variantRevision == revisionBefore + 1)
            // Participants no longer see it; the facilitator does, with `?hidden=1`, and the summary lists it.
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants", method: .get) { response in
                let payload = try response.decode(ComparePayload.self)
                #expect(payload.variants.map(\.id) == [ids[0]])
            }
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants?hidden=1", method: .get) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/room", method: .get) { response in
                let room = try response.decode([ComparePayload].self)
                #expect(room.first { $0.scenario == triangle }?.variants.map(\.id) == [ids[0]])
            }
            try await client.execute(uri: "/api/room?hidden=1", method: .get) { response in #expect(response.status == .forbidden) }
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants?hidden=1", method: .get, headers: facilitator) { response in
                let variants = try response.decode(ComparePayload.self).variants
                #expect(Set(variants.map(\.id)) == Set(ids))
                #expect(variants.first { $0.id == ids[1] }?.hidden == true)
            }
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants/summary.csv", method: .get, headers: facilitator) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                let lines = response.text.split(separator: "\n")
                #expect(lines.count == 4, "\(response.text)")  // header, the file's values, two variants
                #expect(lines[0].hasPrefix("rank,variant,author,status,saved at (UTC),Income-tax holiday (years)"))
                #expect(lines[1].contains("the scenario as written"))
                #expect(lines.contains { $0.contains("Fast border (hidden)") && $0.contains(",hidden,") })
            }
            // A name taken, an empty change, an unknown variant.
            try await client.execute(
                uri: "/api/variants/\(ids[1])", method: .patch, headers: facilitator, body: ByteBuffer(string: #"{"name": "Low tariffs"}"#)
            ) { response in #expect(response.status == .conflict) }
            try await client.execute(uri: "/api/variants/\(ids[1])", method: .patch, headers: facilitator, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .badRequest)
            }
            // Deleting needs no body and no content type.
            var deleting = HTTPFields()
            deleting[accessCodeHeader] = "facilitator"
            try await client.execute(uri: "/api/variants/\(ids[0])", method: .delete, headers: deleting) { response in #expect(response.status == .noContent) }
            try await client.execute(uri: "/api/variants/\(ids[0])", method: .delete, headers: deleting) { response in #expect(response.status == .notFound) }
            #expect(try workshop.state(triangle).variants == 1)
        }
    }

    @Test func aLockNeedsAValueAndValuesSnapToTheGrid() async throws {
        let (workshop, _) = try await makeWorkshop()
        let meta = try workshop.meta(triangle)
        let lever = try #require(meta.levers.first)
        try await buildApplication(workshop).test(.router) { client in
            try await client.execute(
                uri: "/api/scenarios/\(triangle)/locks", method: .post, headers: Self.headers,
                body: ByteBuffer(string: #"{"lever": "\#(lever.id)", "locked": true}"#)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("needs a value"))
            }
            #expect(workshop.locks(triangle).isEmpty)
        }
        // 3.0000001 is 3 (within 1e-6 steps of the grid): the same run, from the cache.
        let exact = try await workshop.run(triangle, given: [lever.id: lever.min + lever.step])
        let near = try await workshop.run(triangle, given: [lever.id: lever.min + lever.step + lever.step * 1e-7])
        #expect(near.values[lever.id] == lever.min + lever.step)
        #expect(near.cached)
        #expect(near.headlines == exact.headlines)
        await #expect(throws: WorkshopError.self) { try await workshop.run(triangle, given: [lever.id: lever.min + lever.step * 0.5]) }
    }

    /// A lever move sets the number in the loaded model; the result is the same as loading the
    /// file again with the lever as an override, for every lever of every shipped scenario.
    @Test func aLeverMoveOnTheLoadedModelEqualsReloadingTheFile() async throws {
        let (workshop, _) = try await makeWorkshop()
        var checked = 0
        for item in workshop.catalog.list() {
            guard let entry = workshop.catalog.entry(item.id), let scenario = entry.scenario, entry.isRunnable else { continue }
            var reloading = entry
            reloading.leverSlots = [:]
            for lever in scenario.levers {
                #expect(entry.leverSlots[lever.id] != nil, "\(item.id): lever \(lever.id) is not a number of the model")
                let value = lever.max != entry.leverDefaults[lever.id] ? lever.max : lever.min
                var values = entry.leverDefaults
                values[lever.id] = value
                let fast = try WorkshopRunner.computeTimed(entry, values: values, registry: workshop.configuration.registry).payload
                let slow = try WorkshopRunner.computeTimed(reloading, values: values, registry: workshop.configuration.registry).payload
                #expect(fast.headlines == slow.headlines, "\(item.id) \(lever.id) = \(value)")
                #expect(fast.charts == slow.charts, "\(item.id) \(lever.id) = \(value)")
                checked += 1
            }
        }
        #expect(checked >= 5)
    }

    @Test func variantsSurviveABrokenFile() async throws {
        let folder = try copyOfScenarios()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (workshop, _) = try await makeWorkshop(directory: folder)
        let lever = try #require(try workshop.meta(triangle).levers.first)
        let saved = try await workshop.save(triangle, name: "Before the typo", author: "", given: [lever.id: lever.min])
        // The file breaks (a typo in a key); a second later, so the version changes.
        let path = folder + "/\(triangle).yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(1100))
        try text.replacingOccurrences(of: "discount_rate:", with: "discount_rat:").write(toFile: path, atomically: true, encoding: .utf8)
        let payload = try await workshop.compare(triangle, rankBy: nil)
        #expect(payload.variants.map(\.id) == [saved.id])
        #expect(payload.variants.first?.status == "waiting")
        #expect(payload.variants.first?.note?.contains("the scenario file has errors") == true)
        #expect(payload.variants.first?.headlines == saved.headlines)
        try await buildApplication(workshop).test(.router) { client in
            try await client.execute(uri: "/api/scenarios/\(triangle)/variants", method: .get) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/api/room", method: .get) { response in
                let room = try response.decode([ComparePayload].self)
                #expect(room.contains { $0.scenario == triangle })
            }
        }
    }

    @Test func anExportWritesEachMovedValueAsTheRoomsAssumption() async throws {
        let (workshop, _) = try await makeWorkshop()
        let entry = try workshop.entry(triangle)
        let scenario = try #require(entry.scenario)
        let lever = try #require(scenario.levers.first)
        let moved = lever.max != entry.leverDefaults[lever.id] ? lever.max : lever.min
        let variant = StoredVariant(
            id: 1, scenario: triangle, name: "=HYPERLINK(1)", author: "Aigerim", values: [lever.id: moved, "removed_lever": 2],
            headlines: [:], scenarioVersion: entry.version, createdAt: "2026-12-05T10:00:00Z", hidden: false)
        let yaml = try VariantExporter.yaml(variant, entry: entry)
        #expect(yaml.contains("# Lever values"))
        #expect(yaml.contains("dropped: lever 'removed_lever' = 2 (the scenario no longer has this lever)"))
        // Loaded beside the scenario, the moved number is an assumption of the room, not the file's source.
        let folder = try copyOfScenarios()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/exported.yaml"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let loaded = try ScenarioLoader.loadOrThrow(file: file)
        let input = try #require(loaded.inputs.first { $0.path == lever.numberPath })
        #expect(loaded.values[loaded.inputs.firstIndex { $0.path == lever.numberPath }!] == moved)
        guard case .assumption(let reason) = input.provenance else {
            Issue.record("the moved value is \(input.provenance.label)")
            return
        }
        #expect(reason.contains("workshop variant '=HYPERLINK(1)' by Aigerim"))
        #expect(reason.contains("moved in the room"))
        // A value the lever no longer allows refuses the export, with the reason.
        var off = variant
        off.values = [lever.id: lever.max + 100 * lever.step]
        #expect(throws: WorkshopError.self) { try VariantExporter.yaml(off, entry: entry) }
    }

    /// A lever on a number the plan or the decoder reads once (an evaluator's parameter without a
    /// distribution) goes through the loader, and its move changes the run; a moved number with a
    /// distribution is held at the room's value in Monte Carlo.
    @Test func numbersReadOnceAreMovedThroughTheLoaderAndMovedNumbersAreNotDrawn() async throws {
        let folder = try copyOfScenarios()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/\(triangle).yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "    deadweight: {value: 0.2,", with: "    substitution: 0.0\n    deadweight: {value: 0.2,")
        text = text.replacingOccurrences(
            of: "\nlevers:\n",
            with: "\nlevers:\n  - {id: substitution, label: Substitution, path: evaluators.employment.substitution, min: 0, max: 0.5, step: 0.05}\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let (workshop, _) = try await makeWorkshop(directory: folder)
        let entry = try workshop.entry(triangle)
        #expect(entry.isRunnable, "\(entry.diagnostics)")
        #expect(entry.leverSlots["substitution"] == nil)
        let base = try await workshop.run(triangle, given: [:])
        let moved = try await workshop.run(triangle, given: ["substitution": 0.5])
        let key = "employment.net_jobs_final_year"
        // Substitution 0.5 halves net jobs: (1 − 0.5) × the file's, every other factor unchanged.
        let b = try #require(base.headlines[key] ?? nil), m = try #require(moved.headlines[key] ?? nil)
        #expect(abs(m - 0.5 * b) <= 1e-9 * b, "\(b) → \(m)")
        // Alatau's growth lever points into {value: 0.05, triangular: …}: once moved, it is not drawn.
        // Each lever names the unit of its number, for the page: a share is a fraction (shown as a percent).
        let hubMeta = try workshop.meta("karasu-ak-tilek-alatau-trade-logistics-hub")
        #expect(hubMeta.levers.first { $0.id == "storage_loss" }?.unit == "fraction")
        #expect(try workshop.meta(triangle).levers.first { $0.id == "holiday_years" }?.unit == "years")
        let hub = try workshop.entry("karasu-ak-tilek-alatau-trade-logistics-hub")
        let slot = try #require(hub.leverSlots["baseline_growth"])
        #expect(hub.scenario?.inputs[slot].distribution != nil)
        let (scenario, _) = try WorkshopRunner.prepare(
            hub, values: ["baseline_growth": 0.1], registry: workshop.configuration.registry, forMonteCarlo: true)
        #expect(scenario.values[slot] == 0.1)
        #expect(!MonteCarlo.uncertainSlots(scenario).contains(slot))
    }
}
