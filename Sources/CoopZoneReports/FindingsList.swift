import CoopZoneCore

/// The findings a report shows first: failed evaluators, then warnings, recommendations and
/// information, each in the order the evaluators gave them, plus notes of the report itself.
struct FindingsList {
    let findings: [Finding]
    /// Failed evaluators: id and message.
    let failures: [(evaluator: String, message: String)]
    /// Warnings of the report itself (e.g. designs that are not comparable, failed draws).
    var notes: [String] = []

    static let order: [Finding.Kind] = [.warning, .recommendation, .info]

    var ordered: [Finding] { Self.order.flatMap { kind in findings.filter { $0.kind == kind } } }

    var isEmpty: Bool { findings.isEmpty && failures.isEmpty && notes.isEmpty }

    var counts: String {
        let w = findings.filter { $0.kind == .warning }.count + notes.count, r = findings.filter { $0.kind == .recommendation }.count
        let n = findings.filter { $0.kind == .info }.count
        var parts = ["\(w) warning\(w == 1 ? "" : "s")", "\(r) recommendation\(r == 1 ? "" : "s")"]
        if n > 0 { parts.append("\(n) note\(n == 1 ? "" : "s")") }
        if !failures.isEmpty { parts.insert("\(failures.count) failed evaluator\(failures.count == 1 ? "" : "s")", at: 0) }
        return parts.joined(separator: ", ")
    }

    func markdown() -> String {
        if isEmpty { return "None.\n" }
        var lines = failures.map { "- **failed** `\($0.evaluator)`: \($0.message)" }
        lines += notes.map { "- **warning** \($0)" }
        lines += ordered.map { f in "- **\(f.kind.rawValue)** `\(f.evaluator)`: \(f.message)" + (f.location.map { " (\($0))" } ?? "") }
        return lines.joined(separator: "\n") + "\n"
    }

    func html() -> String {
        let t = HTMLPage.text
        if isEmpty { return "<p>None.</p>\n" }
        var items = failures.map { "<li class=\"failure\"><span class=\"kind\">failed</span>\(HTMLPage.code($0.evaluator)): \(t($0.message))</li>" }
        items += notes.map { "<li class=\"warning\"><span class=\"kind\">warning</span>\(t($0))</li>" }
        items += ordered.map { f in
            "<li class=\"\(f.kind.rawValue)\"><span class=\"kind\">\(f.kind.rawValue)</span>\(HTMLPage.code(f.evaluator)): \(t(f.message))"
                + (f.location.map { " <span class=\"meta\">(\(t($0.description)))</span>" } ?? "") + "</li>"
        }
        return "<ul class=\"findings\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
    }
}
