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

    /// The counts in `language`: English as `counts`; other languages as "kind: n" pairs, which
    /// need no plural forms.
    func counts(_ language: Language) -> String {
        guard language != .en else { return counts }
        let m = Messages(language)
        let w = findings.filter { $0.kind == .warning }.count + notes.count, r = findings.filter { $0.kind == .recommendation }.count
        let n = findings.filter { $0.kind == .info }.count
        var parts = [m("findings.count_warnings", ["n": String(w)]), m("findings.count_recommendations", ["n": String(r)])]
        if n > 0 { parts.append(m("findings.count_notes", ["n": String(n)])) }
        if !failures.isEmpty { parts.insert(m("findings.count_failed", ["n": String(failures.count)]), at: 0) }
        return parts.joined(separator: ", ")
    }

    func markdown(_ language: Language = .en) -> String {
        let m = Messages(language)
        if isEmpty { return m("findings.none") + "\n" }
        var lines = failures.map { "- **\(m("finding.failed"))** `\($0.evaluator)`: \($0.message)" }
        lines += notes.map { "- **\(m("finding.warning"))** \($0)" }
        lines += ordered.map { f in "- **\(m("finding." + f.kind.rawValue))** `\(f.evaluator)`: \(f.text(in: language))" + (f.location.map { " (\($0))" } ?? "")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func html(_ language: Language = .en) -> String {
        let t = HTMLPage.text, m = Messages(language)
        if isEmpty { return "<p>\(t(m("findings.none")))</p>\n" }
        var items = failures.map {
            "<li class=\"failure\"><span class=\"kind\">\(t(m("finding.failed")))</span>\(HTMLPage.code($0.evaluator)): \(t($0.message))</li>"
        }
        items += notes.map { "<li class=\"warning\"><span class=\"kind\">\(t(m("finding.warning")))</span>\(t($0))</li>" }
        items += ordered.map { f in
            "<li class=\"\(f.kind.rawValue)\"><span class=\"kind\">\(t(m("finding." + f.kind.rawValue)))</span>\(HTMLPage.code(f.evaluator)): \(t(f.text(in: language)))"
                + (f.location.map { " <span class=\"meta\">(\(t($0.description)))</span>" } ?? "") + "</li>"
        }
        return "<ul class=\"findings\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
    }
}
