import CoopZoneReports
import Foundation

/// The HTML of the workshop's pages. Each is a small shell: the list of scenarios is written
/// on the server (it works without script); the scenario, compare and facilitator pages are
/// filled in by `/assets/workshop.js` from the JSON routes. Nothing is loaded from outside.
enum WorkshopPages {
    /// Text escaped for HTML content and attribute values: the reports' escaping.
    static func escape(_ text: String) -> String { ChartFormat.escape(text) }

    static func page(title: String, bodyAttributes: String, nav: String, main: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · CoopZone workshop</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/assets/workshop.css">
        <script src="/assets/workshop.js" defer></script>
        </head>
        <body \(bodyAttributes)>
        <a class="skip" href="#main">Skip to the content</a>
        <header class="bar"><a class="brand" href="/">CoopZone workshop</a><nav aria-label="Pages">\(nav)</nav></header>
        <main id="main" tabindex="-1">
        \(main)
        </main>
        </body>
        </html>
        """
    }

    static func nav(_ id: String, current: String) -> String {
        let links = [("scenario", "/s/\(id)", "Levers"), ("compare", "/s/\(id)/compare", "Compare"), ("facilitator", "/s/\(id)/facilitator", "Facilitator")]
        return links.map { key, href, label in
            "<a href=\"\(escape(href))\"\(key == current ? " aria-current=\"page\"" : "")>\(label)</a>"
        }.joined()
    }

    static func attributes(page: String, id: String?, workshop: Workshop) -> String {
        var attributes = "data-page=\"\(page)\" data-poll=\"\(workshop.configuration.pollMilliseconds)\""
        if let id { attributes += " data-scenario=\"\(escape(id))\"" }
        return attributes
    }

    /// The list of scenarios.
    static func index(_ workshop: Workshop) -> String {
        let items = workshop.list()
        var rows = ""
        for s in items {
            let status =
                s.ok
                ? "\(s.levers) lever\(s.levers == 1 ? "" : "s") · \(s.variants) saved variant\(s.variants == 1 ? "" : "s")"
                : "<strong class=\"bad\">has errors</strong>: open it to see them"
            rows += """
                <li class="scenario-item"><a class="scenario-link" href="/s/\(escape(s.id))">\(escape(s.title))</a>
                <span class="muted">\(escape(s.file)) · \(status)</span>
                <span class="links"><a href="/s/\(escape(s.id))/compare">compare</a> <a href="/s/\(escape(s.id))/facilitator">facilitator</a></span></li>

                """
        }
        if items.isEmpty { rows = "<li>No scenario files (*.yaml) in the workshop folder.</li>" }
        let main = """
            <h1>Scenarios</h1>
            <p class="muted">Pick a scenario, move its levers, and save the variants you want to discuss.</p>
            <ul class="scenario-list">
            \(rows)</ul>
            """
        return page(title: "Scenarios", bodyAttributes: attributes(page: "index", id: nil, workshop: workshop), nav: "", main: main)
    }

    /// A scenario's levers, cards and charts. The cards come first: on a phone they stay at the
    /// top of the screen (sticky) while the levers scroll under them; on a wide screen they sit
    /// right of the levers. The description is folded into a "details" toggle (open by default
    /// on wider screens).
    static func scenario(id: String, workshop: Workshop) -> String {
        let main = """
            <h1 id="title">Loading…</h1>
            <details id="about" class="about"><summary>About this scenario</summary><p id="description" class="muted"></p></details>
            <div id="diagnostics" class="diagnostics" role="alert" hidden></div>
            <div id="workspace" class="workspace" hidden>
              <section class="panel cards-panel" aria-labelledby="results-heading">
                <h2 id="results-heading" class="visually-hidden">Results</h2>
                <div id="cards" class="cards" aria-live="polite"></div>
                <p id="status" class="status" role="status"></p>
              </section>
              <section class="panel levers" aria-labelledby="levers-heading">
                <h2 id="levers-heading">Levers</h2>
                <form id="lever-form" class="lever-form" autocomplete="off"></form>
                <div class="actions">
                  <button type="button" id="reset-levers">Back to the file's values</button>
                  <label class="check"><input type="checkbox" id="bands-toggle"> Uncertainty bands (Monte Carlo)</label>
                </div>
              </section>
              <section class="panel results" aria-label="Charts">
                <div id="charts" class="charts"></div>
                <details class="all-headlines"><summary>All headline metrics</summary><div class="table-wrap"><table id="all-headlines"></table></div></details>
              </section>
              <section class="panel save" aria-labelledby="save-heading">
                <h2 id="save-heading">Save this variant</h2>
                <form id="save-form" class="save-form">
                  <label for="variant-name">Name of the variant</label>
                  <input id="variant-name" name="name" required maxlength="\(Workshop.maxNameLength)" placeholder="e.g. Five-year holiday, fast border">
                  <label for="variant-author">Your name (optional)</label>
                  <input id="variant-author" name="author" maxlength="\(Workshop.maxAuthorLength)">
                  <div id="code-field" hidden>
                    <label for="access-code">Access code (from the facilitator)</label>
                    <input id="access-code" name="code" inputmode="numeric" autocomplete="off" maxlength="32">
                  </div>
                  <button type="submit" id="save-button">Save variant</button>
                  <p id="save-status" class="status" role="status"></p>
                </form>
                <h3>Saved in the room</h3>
                <p id="load-status" class="status" role="status"></p>
                <ul id="variant-list" class="variant-list"></ul>
                <p><a href="/s/\(escape(id))/compare">Compare all saved variants side by side</a></p>
              </section>
            </div>
            """
        return page(title: "Scenario", bodyAttributes: attributes(page: "scenario", id: id, workshop: workshop), nav: nav(id, current: "scenario"), main: main)
    }

    /// Saved variants side by side: a table on wide screens, one card per variant on phones.
    static func compare(id: String, workshop: Workshop) -> String {
        let main = """
            <h1 id="title">Compare variants</h1>
            <div id="diagnostics" class="diagnostics" role="alert" hidden></div>
            <div class="compare-controls">
              <label for="rank-by">Rank by</label> <select id="rank-by"></select>
              <span id="rank-direction" class="muted"></span>
              <button type="button" id="projector-toggle" class="projector-toggle" aria-pressed="false">Projector view</button>
            </div>
            <p id="status" class="status" role="status"></p>
            \(variantViews)
            """
        return page(title: "Compare", bodyAttributes: attributes(page: "compare", id: id, workshop: workshop), nav: nav(id, current: "compare"), main: main)
    }

    /// The compare table and its phone form, one card per variant (the stylesheet shows one).
    static let variantViews = """
        <div class="table-wrap compare-wrap"><table id="compare-table" class="compare-table"></table></div>
        <ol id="compare-cards" class="compare-cards" aria-label="Variants"></ol>
        """

    /// The facilitator's controls and the room's variants. Messages stay in `#status` until
    /// dismissed; the refresh writes to `#room-updated`. The projector view hides the controls
    /// and shows the variants in large type.
    static func facilitator(id: String, workshop: Workshop) -> String {
        let needsCode = workshop.configuration.access.facilitatorCode != nil
        let summary = "/api/scenarios/\(escape(id))/variants/summary"
        let main = """
            <h1 id="title">Facilitator</h1>
            <div id="diagnostics" class="diagnostics" role="alert" hidden></div>
            <div id="status" class="messages" aria-live="polite"></div>
            <section class="panel room-controls" aria-labelledby="room-controls">
              <h2 id="room-controls">Room controls</h2>
              <div id="facilitator-code-field"\(needsCode ? "" : " hidden")>
                <label for="facilitator-code">Facilitator's code (printed when the server started)</label>
                <input id="facilitator-code" autocomplete="off" maxlength="32">
              </div>
              <p class="muted">Lock a lever to hold it at a value on every participant's page. Reset puts every page back to the file's values and unlocks all levers; saved variants stay.</p>
              <form id="lock-form" class="lever-form" autocomplete="off"></form>
              <div class="actions"><button type="button" id="reset-room" class="danger">Reset the room</button></div>
            </section>
            <section class="panel room-variants" aria-labelledby="room-variants">
              <h2 id="room-variants">The room's variants</h2>
              <div class="compare-controls">
                <label for="rank-by">Rank by</label> <select id="rank-by"></select> <span id="rank-direction" class="muted"></span>
                <button type="button" id="projector-toggle" class="projector-toggle" aria-pressed="false">Projector view</button>
              </div>
              <p id="room-updated" class="status muted"></p>
              \(variantViews)
              <p class="downloads">Summary of every variant, hidden ones included:
                <a class="summary-link" id="summary-csv" href="\(summary).csv" data-filename="\(escape(id))-variants.csv" download>CSV (spreadsheet)</a> ·
                <a class="summary-link" id="summary-html" href="\(summary).html" data-filename="\(escape(id))-variants.html" download>HTML (to print)</a></p>
              <h3>Other scenarios</h3>
              <ul id="room-list" class="variant-list"></ul>
            </section>
            """
        return page(
            title: "Facilitator", bodyAttributes: attributes(page: "facilitator", id: id, workshop: workshop),
            nav: nav(id, current: "facilitator"), main: main)
    }

    /// An error page (unknown scenario, refused request).
    static func error(status: Int, message: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(status) · CoopZone workshop</title><link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/assets/workshop.css"></head>
        <body><header class="bar"><a class="brand" href="/">CoopZone workshop</a></header>
        <main id="main"><h1>\(status == 404 ? "Not found" : "Cannot do that")</h1><p>\(escape(message))</p><p><a href="/">Back to the scenarios</a></p></main></body></html>
        """
    }
}
