/// `{"scenarios": […], "requiresCode": …}`.
struct ScenarioList: Codable, Sendable {
    var scenarios: [ScenarioSummary]
    var requiresCode: Bool
}
