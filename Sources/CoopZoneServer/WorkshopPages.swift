import CoopZoneCore
import CoopZoneReports
import Foundation

/// The HTML of the workshop's pages. Each is a small shell: the list of scenarios is written
/// on the server (it works without script); the scenario, compare and facilitator pages are
/// filled in by `/assets/workshop.js` from the JSON routes. Nothing is loaded from outside.
///
/// Every text of a page is a `page.*` key of the message catalogues (`CoopZoneCore`'s
/// `Resources/Messages/<language>.json`). The server writes the English text; the element
/// carries its key (`data-i18n`, `data-i18n-attr`, `data-i18n-args`) and the script writes it
/// again in the language chosen with the switch in the header, without reloading the page.
enum WorkshopPages {
    /// Text escaped for HTML content and attribute values: the reports' escaping.
    static func escape(_ text: String) -> String { ChartFormat.escape(text) }

    /// The English text of `key`, `{name}` filled from `arguments` and `{n|one|other}` choosing
    /// the form for `n`, escaped for HTML. The script does the same in the chosen language.
    static func text(_ key: String, _ arguments: [String: Int] = [:]) -> String {
        var text = Messages(.en)(key, arguments.mapValues { Language.en.number(Double($0), decimals: 0) })
        text = text.replacing(/\{(\w+)\|([^{}|]*)\|([^{}]*)\}/) { match in
            arguments[String(match.output.1)] == 1 ? match.output.2 : match.output.3
        }
        return escape(text)
    }

    /// The attributes that let the script re-render an element's text: its key and, when the
    /// text has placeholders, their values (JSON).
    static func key(_ key: String, _ arguments: [String: Int] = [:]) -> String {
        guard !arguments.isEmpty else { return " data-i18n=\"\(key)\"" }
        let json = "{" + arguments.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        return " data-i18n=\"\(key)\" data-i18n-args=\"\(escape(json))\""
    }

    /// An element whose text is `key`'s: `<tag attributes data-i18n=key>English</tag>`.
    static func element(_ tag: String, _ key: String, _ attributes: String = "", arguments: [String: Int] = [:]) -> String {
        "<\(tag)\(attributes.isEmpty ? "" : " " + attributes)\(self.key(key, arguments))>\(text(key, arguments))</\(tag)>"
    }

    /// The language switch: one button per language of the catalogues, named in its own
    /// language. The script marks the chosen one (`aria-pressed`) and remembers it.
    static var languageSwitch: String {
        let buttons = Language.allCases.map { language in
            "<button type=\"button\" class=\"lang-button\" data-lang=\"\(language.rawValue)\" lang=\"\(language.rawValue)\" aria-label=\"\(escape(language.name))\" title=\"\(escape(language.name))\" aria-pressed=\"\(language == .en)\">\(language.rawValue.uppercased())</button>"
        }.joined()
        return
            "<div class=\"lang-switch\" role=\"group\" aria-label=\"\(text("page.lang.label"))\" data-i18n-attr=\"aria-label=page.lang.label\">\(buttons)</div>"
    }

    static func page(title: String, bodyAttributes: String, nav: String, main: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(Messages(.en)("page.document_title", ["title": title])))</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/assets/workshop.css">
        <script src="/assets/workshop.js" defer></script>
        </head>
        <body \(bodyAttributes)>
        <a class="skip" href="#main"\(key("page.skip"))>\(text("page.skip"))</a>
        <header class="bar"><a class="brand" href="/"\(key("page.brand"))>\(text("page.brand"))</a><nav aria-label="\(text("page.nav.label"))" data-i18n-attr="aria-label=page.nav.label">\(nav)</nav>\(languageSwitch)</header>
        <main id="main" tabindex="-1">
        \(main)
        </main>
        </body>
        </html>
        """
    }

    static func nav(_ id: String, current: String) -> String {
        let links = [
            ("scenario", "/s/\(id)", "page.nav.levers"), ("compare", "/s/\(id)/compare", "page.nav.compare"),
            ("facilitator", "/s/\(id)/facilitator", "page.nav.facilitator"),
        ]
        return links.map { page, href, label in
            "<a href=\"\(escape(href))\"\(page == current ? " aria-current=\"page\"" : "")\(key(label))>\(text(label))</a>"
        }.joined()
    }

    static func attributes(page: String, id: String?, workshop: Workshop) -> String {
        var attributes = "data-page=\"\(page)\" data-poll=\"\(workshop.configuration.pollMilliseconds)\""
        if let id { attributes += " data-scenario=\"\(escape(id))\"" }
        return attributes
    }

    /// The list of scenarios. The script puts each title in the chosen language (from the
    /// scenario's `translations`) when it is not English.
    static func index(_ workshop: Workshop) -> String {
        let items = workshop.list()
        var rows = ""
        for s in items {
            let status =
                s.ok
                ? element("span", "page.index.levers", arguments: ["n": s.levers]) + " · "
                    + element("span", "page.index.variants", arguments: ["n": s.variants])
                : element("strong", "page.index.has_errors", "class=\"bad\"") + ": " + element("span", "page.index.open_to_see")
            rows += """
                <li class="scenario-item"><a class="scenario-link" href="/s/\(escape(s.id))" data-title-of="\(escape(s.id))">\(escape(s.title))</a>
                <span class="muted">\(escape(s.file)) · \(status)</span>
                <span class="links"><a href="/s/\(escape(s.id))/compare"\(key("page.index.compare"))>\(text("page.index.compare"))</a> <a href="/s/\(escape(s.id))/facilitator"\(key("page.index.facilitator"))>\(text("page.index.facilitator"))</a></span></li>

                """
        }
        if items.isEmpty { rows = element("li", "page.index.empty") }
        let main = """
            \(element("h1", "page.index.title"))
            \(element("p", "page.index.intro", "class=\"muted\""))
            <ul class="scenario-list">
            \(rows)</ul>
            """
        return page(title: Messages(.en)("page.index.title"), bodyAttributes: attributes(page: "index", id: nil, workshop: workshop), nav: "", main: main)
    }

    /// A scenario's levers, cards and charts. The cards come first: on a phone they stay at the
    /// top of the screen (sticky) while the levers scroll under them; on a wide screen they sit
    /// right of the levers. The description is folded into a "details" toggle (open by default
    /// on wider screens).
    static func scenario(id: String, workshop: Workshop) -> String {
        let main = """
            \(element("h1", "page.loading", "id=\"title\""))
            <details id="about" class="about">\(element("summary", "page.scenario.about"))<p id="description" class="muted"></p></details>
            <div id="diagnostics" class="diagnostics" role="alert" hidden></div>
            <div id="workspace" class="workspace" hidden>
              <section class="panel cards-panel" aria-labelledby="results-heading">
                \(element("h2", "page.scenario.results", "id=\"results-heading\" class=\"visually-hidden\""))
                <div id="cards" class="cards" aria-live="polite"></div>
                <p id="status" class="status" role="status"></p>
              </section>
              <section class="panel levers" aria-labelledby="levers-heading">
                \(element("h2", "page.levers.heading", "id=\"levers-heading\""))
                <form id="lever-form" class="lever-form" autocomplete="off"></form>
                <div class="actions">
                  \(element("button", "page.levers.reset", "type=\"button\" id=\"reset-levers\""))
                  <label class="check"><input type="checkbox" id="bands-toggle"> \(element("span", "page.bands.toggle"))</label>
                </div>
              </section>
              <section class="panel results" aria-label="\(text("page.scenario.charts"))" data-i18n-attr="aria-label=page.scenario.charts">
                <div id="charts" class="charts"></div>
                <details class="all-headlines">\(element("summary", "page.scenario.all_headlines"))<div class="table-wrap"><table id="all-headlines"></table></div></details>
              </section>
              <section class="panel save" aria-labelledby="save-heading">
                \(element("h2", "page.save.heading", "id=\"save-heading\""))
                <form id="save-form" class="save-form">
                  \(element("label", "page.save.name", "for=\"variant-name\""))
                  <input id="variant-name" name="name" required maxlength="\(Workshop.maxNameLength)" placeholder="\(text("page.save.name_placeholder"))" data-i18n-attr="placeholder=page.save.name_placeholder">
                  \(element("label", "page.save.author", "for=\"variant-author\""))
                  <input id="variant-author" name="author" maxlength="\(Workshop.maxAuthorLength)">
                  <div id="code-field" hidden>
                    \(element("label", "page.save.code", "for=\"access-code\""))
                    <input id="access-code" name="code" inputmode="numeric" autocomplete="off" maxlength="32">
                  </div>
                  \(element("button", "page.save.button", "type=\"submit\" id=\"save-button\""))
                  <p id="save-status" class="status" role="status"></p>
                </form>
                \(element("h3", "page.save.room"))
                <p id="load-status" class="status" role="status"></p>
                <ul id="variant-list" class="variant-list"></ul>
                <p>\(element("a", "page.save.compare_link", "href=\"/s/\(escape(id))/compare\""))</p>
              </section>
            </div>
            """
        return page(
            title: Messages(.en)("page.nav.levers"), bodyAttributes: attributes(page: "scenario", id: id, workshop: workshop),
            nav: nav(id, current: "scenario"), main: main)
    }

    /// Saved variants side by side: a table on wide screens, one card per variant on phones.
    static func compare(id: String, workshop: Workshop) -> String {
        let main = """
            \(element("h1", "page.compare.heading", "id=\"title\""))
            <div id="diagnostics" class="diagnostics" role="alert" hidden></div>
            <div class="compare-controls">
              \(element("label", "page.rank_by", "for=\"rank-by\"")) <select id="rank-by"></select>
              <span id="rank-direction" class="muted"></span>
              \(element("button", "page.projector", "type=\"button\" id=\"projector-toggle\" class=\"projector-toggle\" aria-pressed=\"false\""))
            </div>
            <p id="status" class="status" role="status"></p>
            \(variantViews)
            """
        return page(
            title: Messages(.en)("page.nav.compare"), bodyAttributes: attributes(page: "compare", id: id, workshop: workshop),
            nav: nav(id, current: "compare"), main: main)
    }

    /// The compare table and its phone form, one card per variant (the stylesheet shows one).
    static var variantViews: String {
        """
        <div class="table-wrap compare-wrap"><table id="compare-table" class="compare-table"></table></div>
        <ol id="compare-cards" class="compare-cards" aria-label="\(text("page.compare.variants"))" data-i18n-attr="aria-label=page.compare.variants"></ol>
        """
    }

    /// The facilitator's controls and the room's variants. Messages stay in `#status` until
    /// dismissed; the refresh writes to `#room-updated`. The projector view hides the controls
    /// and shows the variants in large type.
    static func facilitator(id: String, workshop: Workshop) -> String {
        let needsCode = workshop.configuration.access.facilitatorCode != nil
        let summary = "/api/scenarios/\(escape(id))/variants/summary"
        let main = """
            \(element("h1", "page.facilitator.heading", "id=\"title\""))
            <div id="diagnostics" class="diagnostics" role="alert" hidden></div>
            <div id="status" class="messages" aria-live="polite"></div>
            <section class="panel room-controls" aria-labelledby="room-controls">
              \(element("h2", "page.facilitator.controls", "id=\"room-controls\""))
              <div id="facilitator-code-field"\(needsCode ? "" : " hidden")>
                \(element("label", "page.facilitator.code", "for=\"facilitator-code\""))
                <input id="facilitator-code" autocomplete="off" maxlength="32">
              </div>
              \(element("p", "page.facilitator.intro", "class=\"muted\""))
              <form id="lock-form" class="lever-form" autocomplete="off"></form>
              <div class="actions">\(element("button", "page.facilitator.reset", "type=\"button\" id=\"reset-room\" class=\"danger\""))</div>
            </section>
            <section class="panel room-variants" aria-labelledby="room-variants">
              \(element("h2", "page.facilitator.variants", "id=\"room-variants\""))
              <div class="compare-controls">
                \(element("label", "page.rank_by", "for=\"rank-by\"")) <select id="rank-by"></select> <span id="rank-direction" class="muted"></span>
                \(element("button", "page.projector", "type=\"button\" id=\"projector-toggle\" class=\"projector-toggle\" aria-pressed=\"false\""))
              </div>
              <p id="room-updated" class="status muted"></p>
              \(variantViews)
              <p class="downloads">\(element("span", "page.facilitator.summary"))
                \(element("a", "page.facilitator.csv", "class=\"summary-link\" id=\"summary-csv\" href=\"\(summary).csv\" data-filename=\"\(escape(id))-variants.csv\" download")) ·
                \(element("a", "page.facilitator.html", "class=\"summary-link\" id=\"summary-html\" href=\"\(summary).html\" data-filename=\"\(escape(id))-variants.html\" download"))</p>
              \(element("h3", "page.facilitator.others"))
              <ul id="room-list" class="variant-list"></ul>
            </section>
            """
        return page(
            title: Messages(.en)("page.nav.facilitator"), bodyAttributes: attributes(page: "facilitator", id: id, workshop: workshop),
            nav: nav(id, current: "facilitator"), main: main)
    }

    /// An error page (unknown scenario, refused request). The message is the server's, in English.
    static func error(status: Int, message: String) -> String {
        let heading = status == 404 ? "page.error.not_found" : "page.error.refused"
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(Messages(.en)("page.document_title", ["title": String(status)])))</title><link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/assets/workshop.css"><script src="/assets/workshop.js" defer></script></head>
            <body data-page="error" data-status="\(status)"><header class="bar"><a class="brand" href="/"\(key("page.brand"))>\(text("page.brand"))</a>\(languageSwitch)</header>
            <main id="main">\(element("h1", heading))<p>\(escape(message))</p><p>\(element("a", "page.error.back", "href=\"/\""))</p></main></body></html>
            """
    }
}
