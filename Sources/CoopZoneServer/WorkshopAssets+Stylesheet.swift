/// The page's script and stylesheet, served from the binary: the workshop works with no
/// network beyond the facilitator's machine.
enum WorkshopAssets {
    /// `/assets/favicon.svg`: three joined circles, for the browser's tab.
    static let favicon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#13283f"/>\
    <circle cx="11" cy="12" r="6" fill="#0b5cad"/><circle cx="21" cy="12" r="6" fill="#d9822b" fill-opacity=".9"/>\
    <circle cx="16" cy="21" r="6" fill="#1b7f3b" fill-opacity=".9"/></svg>
    """

    /// `/assets/workshop.css`: system fonts, one column on a phone, two on a laptop.
    static let stylesheet = #"""
    :root { --ink: #1d2733; --muted: #5b6876; --line: #d5dbe1; --bg: #f6f7f9; --panel: #fff; --accent: #0b5cad; --bad: #b3261e; --good: #1b7f3b;
      --s0: #0b5cad; --s1: #d9822b; --s2: #1b7f3b; --s3: #8e44ad; font-size: 16px; }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); line-height: 1.45; }
    a { color: var(--accent); }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 10; }
    .skip:focus { left: .5rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .bar { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; padding: .6rem 1rem; background: #13283f; color: #fff; }
    .bar a { color: #fff; text-decoration: none; padding: .25rem .4rem; border-radius: 4px; }
    .bar a[aria-current="page"] { background: rgba(255,255,255,.18); }
    .brand { font-weight: 700; }
    .bar nav { display: flex; flex-wrap: wrap; gap: .25rem; }
    main { max-width: 1200px; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.5rem; margin: .25rem 0 .5rem; }
    h2 { font-size: 1.15rem; margin: 0 0 .6rem; }
    h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
    .muted { color: var(--muted); }
    .bad { color: var(--bad); }
    .workspace { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
    @media (min-width: 900px) {
      .workspace { grid-template-columns: minmax(280px, 360px) minmax(0, 1fr); }
      .workspace .save { grid-column: 1 / -1; }
    }
    .panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; min-width: 0; margin-bottom: 1rem; }
    .workspace .panel { margin-bottom: 0; }
    .lever { padding: .5rem 0; border-bottom: 1px solid var(--line); }
    .lever label { display: block; font-weight: 600; }
    .lever .row { display: flex; align-items: center; gap: .75rem; }
    .lever input[type=range] { flex: 1; min-width: 0; height: 2rem; accent-color: var(--accent); }
    .lever output { min-width: 3.5rem; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
    .lever small { color: var(--muted); display: block; }
    .lever .lock { color: var(--bad); font-size: .9rem; }
    .lever.locked input[type=range] { opacity: .6; }
    .actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-top: .75rem; }
    button { font: inherit; padding: .45rem .9rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; min-height: 2.5rem; }
    button[type=button] { background: #fff; color: var(--accent); }
    button.danger { border-color: var(--bad); color: var(--bad); }
    button:disabled { opacity: .5; cursor: default; }
    .check { display: inline-flex; gap: .4rem; align-items: center; }
    .check input { width: 1.2rem; height: 1.2rem; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: .75rem; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .75rem; background: #fbfcfd; }
    .card .label { font-size: .85rem; color: var(--muted); }
    .card .value { font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    .card .unit { font-size: .85rem; color: var(--muted); }
    .card .band { font-size: .8rem; color: var(--muted); min-height: 1.1em; }
    .card .delta { font-size: .8rem; }
    .delta.up { color: var(--good); } .delta.down { color: var(--bad); }
    .status { color: var(--muted); min-height: 1.4em; margin: .5rem 0; }
    .status.error { color: var(--bad); }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1rem; }
    figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: .5rem; background: #fff; min-width: 0; }
    figure.chart figcaption { font-weight: 600; font-size: .95rem; }
    figure.chart svg { width: 100%; height: auto; display: block; }
    .legend { display: flex; flex-wrap: wrap; gap: .25rem .9rem; font-size: .85rem; color: var(--muted); }
    .swatch { display: inline-block; width: .9rem; height: .25rem; margin-right: .3rem; vertical-align: middle; }
    .swatch.s0 { background: var(--s0); } .swatch.s1 { background: var(--s1); } .swatch.s2 { background: var(--s2); } .swatch.s3 { background: var(--s3); }
    .diagnostics { background: #fff4f2; border: 1px solid #f1b5ae; border-radius: 8px; padding: 1rem; margin-bottom: 1rem; }
    .diagnostics ul { padding-left: 1.2rem; }
    .diagnostics code { white-space: pre-wrap; }
    .save-form { display: grid; gap: .35rem; max-width: 32rem; }
    .save-form input, select, .lock-value { font: inherit; padding: .45rem; border: 1px solid #9aa6b2; border-radius: 6px; min-height: 2.5rem; }
    .save-form button { justify-self: start; margin-top: .4rem; }
    .variant-list { padding-left: 1.1rem; }
    .variant-list li { margin: .3rem 0; }
    .variant-list button { min-height: 2rem; padding: .15rem .6rem; margin-left: .4rem; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: right; vertical-align: top; }
    th:first-child, td:first-child, th.text, td.text { text-align: left; }
    th { font-size: .85rem; color: var(--muted); font-weight: 600; }
    td.ranked, th.ranked { background: #eef5fc; font-weight: 700; }
    tr.baseline td { font-style: italic; color: var(--muted); }
    .compare-table.big { font-size: 1.15rem; }
    .compare-controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
    .scenario-list { list-style: none; padding: 0; }
    .scenario-item { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; margin: .5rem 0; display: grid; gap: .15rem; }
    .scenario-link { font-weight: 700; font-size: 1.05rem; }
    .links a { margin-right: .75rem; }
    .stale { color: var(--bad); font-size: .8rem; display: block; }
    @media (max-width: 480px) { main { padding: .6rem; } .card .value { font-size: 1.25rem; } h1 { font-size: 1.25rem; } }
    """#
}
