#!/usr/bin/env python3
"""The workshop page in headless Chromium, driven by Selenium through chromedriver.

Starts `coopzone serve` on a copy of the scenario folder, on a free loopback port, with a
fresh variant file; then, as a participant would: opens the growth triangle, moves two
sliders with the keyboard and checks that the headline numbers and charts change; saves a
variant; as the facilitator, locks a lever and resets the room; edits the scenario file on
disk and checks that the open page picks it up (and shows the diagnostics of a broken file);
kills the server with SIGKILL, restarts it on the same variant file and finds the variant
again; exports the variant and runs `coopzone validate --strict` on it. On a phone-sized
screen (390 × 844): a slider move changes a card that stays in view, sticky above the levers;
levers in percent and saying what they move; tap-able card explanations. As the facilitator:
messages that stay until dismissed, hiding, renaming and deleting a variant, the projector
view. A 503 injected into the page's fetch and a server restart under an open page are
retried. Saves screenshots.

Usage: workshop_browser_test.py --bin COOPZONE --scenarios DIR --out DIR
Prints one line per check and a closing line 'workshop-browser: N passed, M failed'.
"""
import argparse
import base64
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

SCENARIO = "fergana-batken-sughd-growth-triangle"
CARDS = ["employment.net_jobs_final_year", "trade_effects.trade_change_last_year",
         "staged_incentives.tax_expenditure_pv_total", "cost_benefit.npv"]


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read()


class Server:
    """`coopzone serve` as a child process on 127.0.0.1."""

    def __init__(self, binary, folder, port, data, log_path):
        self.binary, self.folder, self.port, self.data, self.log_path = binary, folder, port, data, log_path
        self.process = None

    @property
    def base(self):
        return "http://127.0.0.1:%d" % self.port

    def start(self, timeout=90):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen([self.binary, "serve", self.folder, "--port", str(self.port), "--data", self.data],
                                        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the server exited with status %s; see %s" % (self.process.returncode, self.log_path))
            try:
                if http_get(self.base + "/healthz", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the server did not answer within %d s" % timeout)

    def kill(self):
        """SIGKILL: no chance to flush or close anything."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def make_driver():
    chromedriver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    if chromium:
        options.binary_location = chromium
    options.set_capability("goog:loggingOptions", {"browser": "ALL"})
    # An explicit driver path keeps Selenium Manager from trying to download one.
    return webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)


def wait_for(predicate, timeout=20, interval=0.05, what="condition"):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the page may be between two states
            last = error
        time.sleep(interval)
    raise AssertionError("timed out after %ss waiting for %s%s" % (timeout, what, " (%s)" % last if last else ""))


def cards(driver):
    return driver.execute_script("""
      const out = {};
      for (const c of document.querySelectorAll('.card[data-headline]')) out[c.dataset.headline] = c.querySelector('.value').textContent;
      return out;""")


def update_count(driver):
    return driver.execute_script("return window.__updates || 0")


def screenshot(driver, path, width, mobile=False):
    height = driver.execute_script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
    height = min(int(height), 8000)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    time.sleep(0.3)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def in_view(driver, selector):
    """Whether the element is wholly inside the window (no scrolling needed to see it)."""
    return driver.execute_script("""
      const r = document.querySelector(arguments[0]).getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;""", selector)


def card_value(driver, key):
    return driver.execute_script("return document.querySelector('.card[data-headline=\"' + arguments[0] + '\"] .value').textContent", key)


def press(driver, element_id, key):
    """Focuses a slider without scrolling and presses a key on it, as a keyboard user would."""
    driver.execute_script("document.getElementById(arguments[0]).focus({preventScroll: true})", element_id)
    ActionChains(driver).send_keys(key).perform()


def messages(driver):
    return driver.find_element(By.ID, "status").text


def http_json(method, url, payload=None, timeout=10):
    data = None if payload is None else json.dumps(payload).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
        return response.status, (json.loads(body) if body else None)


def page_ready(driver):
    values = cards(driver)
    status = driver.find_element(By.ID, "status").text
    return len(values) == 4 and all(v not in ("…", "") for v in values.values()) and "Updated in" in status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--scenarios", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    work = tempfile.mkdtemp(prefix="coopzone-workshop-browser-")
    folder = os.path.join(work, "Scenarios")
    shutil.copytree(args.scenarios, folder)
    scenario_file = os.path.join(folder, SCENARIO + ".yaml")
    original = open(scenario_file, encoding="utf-8").read()
    data = os.path.join(work, "workshop.sqlite")
    server = Server(os.path.abspath(args.bin), folder, free_port(), data, os.path.join(args.out, "server.log"))
    results = []
    state = {}
    driver = None

    def check(name, function):
        started = time.time()
        try:
            detail = function()
            results.append(True)
            print("ok   %s (%.1f s)%s" % (name, time.time() - started, (": " + detail) if detail else ""), flush=True)
        except Exception as error:
            results.append(False)
            print("FAIL %s: %s" % (name, error), flush=True)
            traceback.print_exc(limit=3)
            if driver is not None:
                try:
                    driver.save_screenshot(os.path.join(args.out, "failure-%d.png" % len(results)))
                except Exception:
                    pass

    try:
        server.start()
        driver = make_driver()
        page = server.base + "/s/" + SCENARIO

        def loads():
            driver.get(page)
            wait_for(lambda: page_ready(driver), timeout=30, what="the cards and the first update")
            # Each chart is the server's SVG (drawn by the reports' chart code), put in place as sent.
            figures = driver.execute_script("""
              return Array.from(document.querySelectorAll('figure.chart')).map(f => {
                const svg = f.querySelector('svg');
                return {id: f.dataset.chart, svg: svg ? svg.id : null,
                        lines: svg ? svg.querySelectorAll('path[fill="none"][stroke-width="2.2"]').length : 0,
                        width: svg ? svg.getBoundingClientRect().width : 0};
              });""")
            assert len(figures) == 4, figures
            status, body = http_get(server.base + "/api/scenarios/%s/run" % SCENARIO)
            served = json.loads(body)["svg"]
            for f in figures:
                assert f["svg"] and f["svg"].startswith("svg-") and f["id"] in served, f
                assert f["lines"] >= 1 and f["width"] > 200, f
            # Count the updates the page makes from now on.
            driver.execute_script("""
              window.__updates = 0;
              new MutationObserver(() => { window.__updates++; }).observe(document.getElementById('status'), {attributes: true, childList: true, characterData: true, subtree: true});""")
            return "4 cards, %d charts drawn" % len(figures)
        check("the scenario page shows cards and charts", loads)

        def sliders():
            before = cards(driver)
            charts_before = driver.execute_script("return Array.from(document.querySelectorAll('figure svg')).map(s => s.outerHTML).join('')")
            timings = []
            holiday = driver.find_element(By.ID, "lever-holiday_years")
            assert holiday.get_attribute("value") == "3"
            holiday.click()  # focus; a click may move it, so set a known value with the keyboard
            holiday.send_keys(Keys.HOME)
            for _ in range(7):
                count = update_count(driver)
                holiday.send_keys(Keys.ARROW_RIGHT)
                wait_for(lambda: update_count(driver) > count and "Updated in" in driver.find_element(By.ID, "status").text, what="an update")
                timings.append(int(driver.find_element(By.ID, "status").get_attribute("data-ms") or 0))
            wait_for(lambda: driver.find_element(By.ID, "lever-holiday_years-out").text == "7", what="the holiday slider at 7")
            border = driver.find_element(By.ID, "lever-uz_kg_days")
            border.send_keys(Keys.END)
            wait_for(lambda: driver.find_element(By.ID, "lever-uz_kg_days-out").text == "3", what="the border slider at 3")
            border.send_keys(Keys.HOME)
            wait_for(lambda: driver.find_element(By.ID, "lever-uz_kg_days-out").text == "0", what="the border slider at 0")
            after = wait_for(lambda: (lambda c: c if c["trade_effects.trade_change_last_year"] != before["trade_effects.trade_change_last_year"]
                                      and c["staged_incentives.tax_expenditure_pv_total"] != before["staged_incentives.tax_expenditure_pv_total"] else None)(cards(driver)),
                             what="the trade and fiscal cards to change")
            # The page's numbers end as the server's for the final values (the first change seen
            # may be an intermediate answer, for the border at 3 days).
            status, body = http_get(server.base + "/api/scenarios/%s/run?holiday_years=7&uz_kg_days=0" % SCENARIO)
            run = json.loads(body)
            assert run["values"] == {"holiday_years": 7, "uz_kg_days": 0}, run["values"]
            def number(text):
                return float(text.replace(",", "").replace("\u2212", "-"))
            def shows_final():
                shown = cards(driver)
                return all(abs(number(shown[k]) - run["headlines"][k]) <= max(0.51, 0.006 * abs(run["headlines"][k])) for k in CARDS)
            wait_for(shows_final, timeout=15, what="the cards to show the server's numbers for the final slider values")
            after = cards(driver)
            changed = [k for k in CARDS if before[k] != after[k]]
            assert len(changed) >= 2, (before, after)
            # While keys are pressed the page asks for numbers only; the charts follow once the
            # slider has been still for a moment, and are then the server's for the final values.
            wait_for(lambda: driver.execute_script("return Array.from(document.querySelectorAll('figure svg')).map(s => s.outerHTML).join('')") != charts_before,
                     what="the charts to be redrawn after the sliders settle")
            served = run["svg"]
            drawn = driver.execute_script("return Object.fromEntries(Array.from(document.querySelectorAll('figure[id^=chart-]')).map(f => [f.id.slice(6), f.querySelector('svg') ? f.querySelector('svg').getAttribute('aria-labelledby') : null]))")
            assert set(drawn) == set(served), (drawn.keys(), served.keys())
            state["timings"] = timings
            return "%d cards changed (%s); charts redrawn when the sliders settled; update round trips p50 %d ms, max %d ms" % (
                len(changed), ", ".join("%s %s→%s" % (k.split(".")[1], before[k], after[k]) for k in changed),
                statistics.median(timings), max(timings))
        check("moving sliders with the keyboard changes the headline numbers", sliders)

        def fast():
            timings = state.get("timings") or []
            assert timings, "no timings"
            assert max(timings) < 1000, timings
            return "each update under 1 s (p50 %d ms)" % statistics.median(timings)
        check("updates come back quickly", fast)

        def clean():
            severe = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
            assert not severe, severe
            resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
            outside = [r for r in resources if not r.startswith(server.base + "/")]
            assert not outside, outside
            external = driver.execute_script("""
              const bad = [];
              for (const el of document.querySelectorAll('[src], [href]')) {
                const v = el.getAttribute('src') || el.getAttribute('href');
                if (/^[a-z]+:/i.test(v)) bad.push(v);
              }
              return bad;""")
            assert not external, external
            return "%d resources, all from the server" % len(resources)
        check("no console errors, nothing loaded from outside", clean)

        def save():
            bands = driver.find_element(By.ID, "bands-toggle")
            bands.click()
            wait_for(lambda: "90 % range" in driver.find_element(By.CSS_SELECTOR, ".card .band").text, timeout=60, what="uncertainty bands")
            # The bands' SVG replaces the lines' SVG: each chart gains its shaded P5–P95 areas.
            wait_for(lambda: driver.execute_script("return document.querySelectorAll('figure.chart svg path[fill-opacity]').length") >= 4,
                     what="the charts with their bands")
            screenshot(driver, os.path.join(args.out, "scenario-desktop.png"), 1280)
            name = driver.find_element(By.ID, "variant-name")
            name.send_keys("Browser test: long holiday, open border")
            driver.find_element(By.ID, "variant-author").send_keys("Selenium")
            name.send_keys(Keys.ENTER)  # submits the form, as a keyboard user would
            wait_for(lambda: "Saved" in driver.find_element(By.ID, "save-status").text, what="the save confirmation")
            wait_for(lambda: "Browser test: long holiday, open border" in driver.find_element(By.ID, "variant-list").text, what="the variant in the list")
            status, body = http_get(server.base + "/api/scenarios/%s/variants" % SCENARIO)
            variants = json.loads(body)["variants"]
            assert len(variants) == 1 and variants[0]["values"] == {"holiday_years": 7, "uz_kg_days": 0}, variants
            state["variant"] = variants[0]
            return "saved #%d with %s" % (variants[0]["id"], variants[0]["values"])
        check("a participant saves a variant", save)

        def phone():
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
            try:
                driver.get(page)
                wait_for(lambda: page_ready(driver), timeout=30, what="the page on a phone")
                overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                slider = driver.execute_script("return document.getElementById('lever-holiday_years').getBoundingClientRect().width")
                assert overflow <= 1, "the page scrolls sideways by %d px on a phone" % overflow
                assert slider >= 200, "slider only %d px wide" % slider
                assert driver.execute_script("return !document.getElementById('about').open"), "the description is not folded away on a phone"
                # The first screen holds the cards and the first slider: move it, see a card change.
                fiscal = '.card[data-headline="staged_incentives.tax_expenditure_pv_total"]'
                assert in_view(driver, fiscal) and in_view(driver, "#lever-holiday_years"), "the fiscal card or the holiday slider is off the first screen"
                scroll = driver.execute_script("return window.scrollY")
                before = card_value(driver, "staged_incentives.tax_expenditure_pv_total")
                press(driver, "lever-holiday_years", Keys.END)
                wait_for(lambda: card_value(driver, "staged_incentives.tax_expenditure_pv_total") != before, what="the fiscal card to change")
                assert in_view(driver, fiscal), "the fiscal card left the screen"
                assert driver.execute_script("return window.scrollY") == scroll, "the page scrolled"
                driver.save_screenshot(os.path.join(args.out, "phone-first-screen.png"))
                # Scrolled down to the levers, the cards stay at the top (sticky) while dragging.
                driver.execute_script("window.scrollTo(0, document.querySelector('.levers').getBoundingClientRect().top + window.scrollY - 200)")
                wait_for(lambda: driver.execute_script("return window.scrollY") > 100, what="the page to scroll")
                trade = '.card[data-headline="trade_effects.trade_change_last_year"]'
                assert in_view(driver, trade) and in_view(driver, "#lever-uz_kg_days"), "after scrolling, the trade card or the border slider is off screen"
                before = card_value(driver, "trade_effects.trade_change_last_year")
                press(driver, "lever-uz_kg_days", Keys.HOME)
                wait_for(lambda: card_value(driver, "trade_effects.trade_change_last_year") != before, what="the trade card to change")
                assert in_view(driver, trade), "the trade card left the screen while dragging"
                driver.save_screenshot(os.path.join(args.out, "phone-scrolled-levers.png"))
                after = card_value(driver, "trade_effects.trade_change_last_year")
                # The holiday says what it moves; investment is fixed in this scenario.
                effects = wait_for(lambda: driver.find_element(By.ID, "lever-holiday_years-effects").text, what="what the holiday lever moves")
                assert "Investment is fixed in this scenario" in effects and "Fiscal cost" in effects, effects
                # A card's explanation opens and closes with a tap, in place.
                button = driver.find_element(By.CSS_SELECTOR, fiscal + " .explain-toggle")
                text = driver.find_element(By.CSS_SELECTOR, fiscal + " .explain")
                assert not text.is_displayed()
                button.click()
                wait_for(lambda: text.is_displayed() and "tax expenditure" in text.text.lower(), what="the card's explanation")
                driver.save_screenshot(os.path.join(args.out, "phone-explanation.png"))
                button.click()
                wait_for(lambda: not text.is_displayed(), what="the explanation to close")
                # Labels are the metrics' names, never ids made readable.
                labels = driver.execute_script("return Array.from(document.querySelectorAll('#all-headlines td.text:first-child')).map(td => td.firstChild.textContent.trim())")
                raw = [l for l in labels if l in ("Eatr change", "Break even redundancy", "Cost per net job year")]
                assert not raw, raw
                driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
                screenshot(driver, os.path.join(args.out, "scenario-phone.png"), 390, mobile=True)
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
                # A fraction lever reads in percent, as the cards do.
                driver.get(server.base + "/s/karasu-ak-tilek-alatau-trade-logistics-hub")
                wait_for(lambda: driver.find_element(By.ID, "lever-sez_cit-out").text.endswith(" %"), timeout=30, what="the tax-rate lever in percent")
                shown = driver.find_element(By.ID, "lever-sez_cit-out").text
                label = driver.find_element(By.CSS_SELECTOR, 'label[for="lever-sez_cit"]').text
                assert "fraction" not in label, label
                # Compare: one card per variant on a phone, no table scrolling sideways.
                driver.get(server.base + "/s/%s/compare" % SCENARIO)
                wait_for(lambda: "Browser test" in driver.find_element(By.ID, "compare-cards").text, what="the variant as a card")
                assert not driver.find_element(By.ID, "compare-table").is_displayed(), "the wide table is shown on a phone"
                overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 1, "the compare page scrolls sideways by %d px" % overflow
                driver.save_screenshot(os.path.join(args.out, "compare-phone.png"))
            finally:
                driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            return "no sideways scrolling; sliders %d px wide; cards in view while dragging (trade %s → %s); tax rate shown as %s; compare as cards" % (
                slider, before, after, shown)
        check("the page works on a phone-sized screen", phone)

        def languages():
            """The language switch on a phone: Russian labels and numbers, back to English without a
            reload (slider, typed name and bands kept), the choice kept over a reload, and a
            scenario's own language when nothing is stored."""
            import re
            meta = json.loads(http_get(server.base + "/api/scenarios/" + SCENARIO)[1])
            headline = {h["key"]: h for h in meta["headlines"]}
            npv = headline["cost_benefit.npv"]
            ru_number = re.compile("^\u2212?\\d{1,3}(\u202f\\d{3})*(,\\d+)?$")
            en_number = re.compile("^\u2212?\\d{1,3}(,\\d{3})*(\\.\\d+)?$")
            lang = lambda: driver.execute_script("return document.documentElement.lang")
            stored = lambda: driver.execute_script("return localStorage.getItem('coopzone.lang')")
            label = lambda key: driver.execute_script("return document.querySelector('.card[data-headline=\"' + arguments[0] + '\"] .label').textContent", key)
            status_ms = lambda: driver.execute_script("return document.getElementById('status').dataset.ms || ''")

            def ready():
                values = cards(driver)
                return len(values) == 4 and all(v not in ("…", "") for v in values.values()) and status_ms() != ""

            def switch(code):
                driver.find_element(By.CSS_SELECTOR, '.lang-switch [data-lang="%s"]' % code).click()
                wait_for(lambda: lang() == code, what="the page in %s" % code)

            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
            russian = os.path.join(folder, "browser-test-russian.yaml")
            try:
                # Nothing stored: a scenario opens in its own language (meta's `language`).
                with open(russian, "w", encoding="utf-8") as f:
                    f.write('extends: "%s.yaml"\nlanguage: ru\n' % SCENARIO)
                driver.get(page)
                driver.execute_script("localStorage.removeItem('coopzone.lang')")
                own = wait_for(lambda: json.loads(http_get(server.base + "/api/scenarios/browser-test-russian", timeout=30)[1]), what="the new scenario file listed")
                assert own["language"] == "ru", own.get("language")
                driver.get(server.base + "/s/browser-test-russian")
                wait_for(ready, timeout=30, what="the Russian scenario's page")
                assert lang() == "ru", lang()
                wait_for(lambda: label("cost_benefit.npv") == npv["labels"]["ru"], what="the NPV card in Russian")
                assert stored() is None, "opening a page stored a choice: %r" % stored()
                driver.get(page)
                wait_for(ready, timeout=30, what="the page in the scenario's language")
                assert lang() == meta["language"] == "en", (lang(), meta["language"])
                assert label("cost_benefit.npv") == npv["labels"]["en"], label("cost_benefit.npv")

                # Switch to Russian: labels, units, numbers and texts in place, no reload.
                driver.execute_script("window.__sameDocument = 'yes'")
                sizes = driver.execute_script("return Array.from(document.querySelectorAll('.lang-switch button')).map(b => { const r = b.getBoundingClientRect(); return [r.width, r.height]; })")
                assert len(sizes) == 2 and all(w >= 44 and h >= 44 for w, h in sizes), "touch targets %s" % sizes
                assert in_view(driver, '.lang-switch [data-lang="ru"]'), "the switch is off the first screen"
                driver.find_element(By.ID, "variant-name").send_keys("Typed before switching")
                switch("ru")
                wait_for(lambda: label("cost_benefit.npv") == npv["labels"]["ru"], what="the NPV card in Russian")
                values = cards(driver)
                assert all(ru_number.match(v) for v in values.values()), values
                jobs = values["employment.net_jobs_final_year"]
                assert "\u202f" in jobs, "net jobs %r not grouped with U+202F" % jobs
                unit = driver.execute_script("return document.querySelector('.card[data-headline=\"cost_benefit.npv\"] .unit').textContent")
                assert unit == npv["unitSymbols"]["ru"], unit
                assert "Обновлено за" in driver.find_element(By.ID, "status").text, driver.find_element(By.ID, "status").text
                assert driver.find_element(By.ID, "title").text == meta["texts"]["ru"]["title"]
                lever = driver.find_element(By.CSS_SELECTOR, 'label[for="lever-holiday_years"]').text
                assert lever == meta["texts"]["ru"]["levers"]["holiday_years"], lever
                assert driver.find_element(By.ID, "lever-uz_kg_days-out").text == "0,5", driver.find_element(By.ID, "lever-uz_kg_days-out").text
                effects = wait_for(lambda: driver.find_element(By.ID, "lever-holiday_years-effects").text, what="what the holiday moves")
                assert "инвестиций" in effects and npv["labels"]["ru"] in effects, effects
                assert stored() == "ru", stored()
                pressed = driver.execute_script("return document.querySelector('.lang-switch [data-lang=\"ru\"]').getAttribute('aria-pressed')")
                assert pressed == "true", pressed
                driver.save_screenshot(os.path.join(args.out, "phone-russian.png"))

                # Move a slider in Russian, ask for the bands, then back to English.
                before = card_value(driver, "trade_effects.trade_change_last_year")
                press(driver, "lever-uz_kg_days", Keys.END)
                press(driver, "lever-uz_kg_days", Keys.ARROW_LEFT)
                wait_for(lambda: driver.find_element(By.ID, "lever-uz_kg_days-out").text == "2,75", what="the border slider at 2,75")
                wait_for(lambda: card_value(driver, "trade_effects.trade_change_last_year") != before, what="the trade card to change")
                driver.execute_script("document.getElementById('bands-toggle').click()")
                wait_for(lambda: "90-процентный интервал" in driver.find_element(By.CSS_SELECTOR, ".card .band").text, timeout=60, what="the bands in Russian")
                band = driver.find_element(By.CSS_SELECTOR, '.card[data-headline="employment.net_jobs_final_year"] .band').text
                switch("en")
                assert driver.execute_script("return window.__sameDocument") == "yes", "the page was reloaded"
                assert driver.execute_script("return performance.getEntriesByType('navigation').length") == 1
                wait_for(lambda: label("cost_benefit.npv") == npv["labels"]["en"], what="the NPV card in English")
                values = cards(driver)
                assert all(en_number.match(v) for v in values.values()), values
                assert "," in values["employment.net_jobs_final_year"], values
                assert driver.find_element(By.ID, "lever-uz_kg_days").get_attribute("value") == "2.75", "the slider moved back"
                assert driver.find_element(By.ID, "lever-uz_kg_days-out").text == "2.75", driver.find_element(By.ID, "lever-uz_kg_days-out").text
                assert driver.find_element(By.ID, "variant-name").get_attribute("value") == "Typed before switching"
                english_band = driver.find_element(By.CSS_SELECTOR, '.card[data-headline="employment.net_jobs_final_year"] .band').text
                assert english_band.startswith("90 % range"), english_band
                numbers_of = lambda text, group, decimal: [float(n.replace(group, "").replace(decimal, ".").replace("\u2212", "-"))
                                                           for n in re.findall("\u2212?\\d[\\d%s%s]*" % (group, decimal), text.replace("90", "", 1))]
                assert numbers_of(english_band, ",", ".") == numbers_of(band, "\u202f", ","), (band, english_band)
                assert "Updated in" in driver.find_element(By.ID, "status").text or "Bands from" in driver.find_element(By.ID, "status").text
                assert stored() == "en", stored()

                # The choice is kept over a reload, and on the other pages.
                driver.refresh()
                wait_for(ready, timeout=30, what="the reloaded page")
                assert lang() == "en" and label("cost_benefit.npv") == npv["labels"]["en"], (lang(), label("cost_benefit.npv"))
                switch("ru")
                driver.refresh()
                wait_for(ready, timeout=30, what="the reloaded page")
                wait_for(lambda: lang() == "ru" and label("cost_benefit.npv") == npv["labels"]["ru"], what="Russian kept over a reload")
                driver.get(server.base + "/s/%s/compare" % SCENARIO)
                wait_for(lambda: driver.find_element(By.ID, "title").text.startswith("Сравнение вариантов"), what="the compare page in Russian")
                wait_for(lambda: "Browser test" in driver.find_element(By.ID, "compare-cards").text, what="the variant as a card")
                numbers = driver.execute_script("return Array.from(document.querySelectorAll('#compare-cards .variant-numbers dd')).map(d => d.textContent)")
                assert numbers and all(ru_number.match(n) for n in numbers), numbers
                driver.get(server.base + "/")
                wait_for(lambda: driver.find_element(By.TAG_NAME, "h1").text == "Сценарии", what="the list in Russian")
                driver.get(server.base + "/s/browser-test-russian")
                wait_for(ready, timeout=30, what="the Russian scenario's page")
                switch("en")
                driver.get(page)
                wait_for(ready, timeout=30, what="the page")
                driver.refresh()
                wait_for(ready, timeout=30, what="the reloaded page")
                assert lang() == "en" and stored() == "en", (lang(), stored())
                # A stored choice wins over the scenario's own language.
                driver.get(server.base + "/s/browser-test-russian")
                wait_for(ready, timeout=30, what="the Russian scenario's page")
                assert lang() == "en", lang()
            finally:
                driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
                if os.path.exists(russian):
                    os.remove(russian)
            return "nothing stored: opens in meta's language (en; ru for a scenario saying language: ru); RU: NPV '%s', net jobs %r; back to EN without reload (slider 2.75, typed name and bands kept); choice kept over reloads" % (
                npv["labels"]["ru"], jobs)
        check("the language switch: Russian and English in place, remembered", languages)

        def facilitator():
            driver.get(server.base + "/s/%s/facilitator" % SCENARIO)
            box = wait_for(lambda: driver.find_element(By.ID, "lock-holiday_years-locked"), what="the lock controls")
            wait_for(lambda: "Browser test" in driver.find_element(By.ID, "compare-table").text, what="the room's variants")
            box.click()
            wait_for(lambda: "locked at" in driver.find_element(By.ID, "status").text, what="the lock confirmation")
            screenshot(driver, os.path.join(args.out, "facilitator.png"), 1280)
            driver.get(page)
            wait_for(lambda: driver.find_element(By.ID, "lever-holiday_years").get_attribute("disabled") is not None, what="the locked slider")
            assert driver.find_element(By.CSS_SELECTOR, '.lever[data-lever="holiday_years"] .lock').is_displayed()
            driver.get(server.base + "/s/%s/facilitator" % SCENARIO)
            wait_for(lambda: driver.find_element(By.ID, "lock-holiday_years-locked").is_selected(), what="the lock shown as set")
            driver.find_element(By.ID, "reset-room").click()
            wait_for(lambda: driver.switch_to.alert, what="the confirmation").accept()
            wait_for(lambda: "reset" in driver.find_element(By.ID, "status").text, what="the reset confirmation")
            status, body = http_get(server.base + "/api/scenarios/%s/state" % SCENARIO)
            assert json.loads(body)["locks"] == {}, body
            return "lock reached the participant's page; reset cleared it"
        check("the facilitator locks a lever and resets the room", facilitator)

        def manage():
            variant = state["variant"]
            name = variant["name"]
            driver.get(server.base + "/s/%s/facilitator" % SCENARIO)
            row = 'tr[data-variant="%d"]' % variant["id"]
            wait_for(lambda: driver.find_element(By.CSS_SELECTOR, row), what="the variant's row")
            driver.find_element(By.CSS_SELECTOR, row + ' button[data-action="hide"]').click()
            wait_for(lambda: "hidden from participants" in messages(driver), what="the hide confirmation")
            # The message stays through the refreshes that follow (each rewrites #room-updated).
            for _ in range(2):
                seen = driver.find_element(By.ID, "room-updated").text
                wait_for(lambda: driver.find_element(By.ID, "room-updated").text not in ("", seen), timeout=20, what="a refresh of the room's variants")
            assert "hidden from participants" in messages(driver), "the confirmation was overwritten"
            wait_for(lambda: "hidden-variant" in (driver.find_element(By.CSS_SELECTOR, row).get_attribute("class") or ""), what="the row marked hidden")
            status, body = http_get(server.base + "/api/scenarios/%s/variants" % SCENARIO)
            assert name not in [v["name"] for v in json.loads(body)["variants"]], "a hidden variant is listed for participants"
            driver.find_element(By.ID, "projector-toggle").click()
            wait_for(lambda: driver.execute_script("return document.body.classList.contains('projector')"), what="the projector view")
            size = driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('#compare-table td.num')).fontSize) / parseFloat(getComputedStyle(document.documentElement).fontSize)")
            assert size >= 2, "projector numbers at %.2f rem" % size
            assert not driver.find_element(By.CSS_SELECTOR, row).is_displayed(), "the projector shows a variant hidden from participants"
            screenshot(driver, os.path.join(args.out, "facilitator-projector.png"), 1280)
            driver.find_element(By.ID, "projector-toggle").click()
            screenshot(driver, os.path.join(args.out, "facilitator-manage.png"), 1280)
            # The participant's page lists it no more.
            driver.get(page)
            wait_for(lambda: page_ready(driver), timeout=30, what="the participant's page")
            wait_for(lambda: "None yet" in driver.find_element(By.ID, "variant-list").text, what="the participant's list")
            assert name not in driver.find_element(By.ID, "variant-list").text, "the hidden variant is on the participant's page"
            # Shown again, renamed and back, and the extra one deleted.
            driver.get(server.base + "/s/%s/facilitator" % SCENARIO)
            wait_for(lambda: driver.find_element(By.CSS_SELECTOR, row + ' button[data-action="unhide"]'), what="the show button").click()
            wait_for(lambda: "shown to participants again" in messages(driver), what="the unhide confirmation")
            for old, new in ((name, "Browser test: renamed"), ("Browser test: renamed", name)):
                wait_for(lambda: driver.find_element(By.CSS_SELECTOR, row + ' button[data-action="rename"]'), what="the rename button").click()
                field = driver.find_element(By.CSS_SELECTOR, row + " .rename-input")
                field.clear()
                field.send_keys(new + Keys.ENTER)
                wait_for(lambda: "Renamed “%s” to “%s”" % (old, new) in messages(driver), what="the rename confirmation")
            status, extra = http_json("POST", server.base + "/api/scenarios/%s/variants" % SCENARIO, {"name": "Browser test: to delete", "values": {"holiday_years": 1}})
            assert status == 201, status
            doomed = 'tr[data-variant="%d"]' % extra["id"]
            wait_for(lambda: driver.find_element(By.CSS_SELECTOR, doomed + ' button[data-action="delete"]'), what="the delete button").click()
            wait_for(lambda: driver.switch_to.alert, what="the confirmation").accept()
            wait_for(lambda: "Deleted" in messages(driver), what="the delete confirmation")
            status, body = http_get(server.base + "/api/scenarios/%s/variants" % SCENARIO)
            names = [v["name"] for v in json.loads(body)["variants"]]
            assert names == [name], names
            return "hidden (gone for participants, kept and marked for the facilitator, message kept through 2 refreshes), shown, renamed and back, one deleted; projector numbers %.1f rem" % size
        check("the facilitator hides, renames and deletes variants", manage)

        def busy():
            driver.get(page)
            wait_for(lambda: page_ready(driver), timeout=30, what="the page")
            # The page's own runs (what each lever moves) are done before the fake 503s start.
            wait_for(lambda: driver.find_element(By.ID, "lever-uz_kg_days-effects").text, what="what the levers move")
            # Two 503s, as a busy server sends them, answered by the page's fetch itself.
            driver.execute_script("""
              window.__busy = 2; window.__log = [];
              new MutationObserver(() => window.__log.push(document.getElementById('status').textContent))
                .observe(document.getElementById('status'), {childList: true, characterData: true, subtree: true});
              const real = window.fetch;
              window.fetch = function (url, options) {
                if (String(url).indexOf('/run?') >= 0 && window.__busy > 0) {
                  window.__busy--;
                  return Promise.resolve(new Response('{"error": {"code": "busy", "message": "busy"}}', {status: 503, headers: {'Content-Type': 'application/json'}}));
                }
                return real.apply(this, arguments);
              };""")
            before = cards(driver)
            press(driver, "lever-holiday_years", Keys.END)
            wait_for(lambda: "after 2 retries" in driver.find_element(By.ID, "status").text, what="the update after two retries")
            log = driver.execute_script("return window.__log")
            assert any("busy, retrying" in line for line in log), log
            assert cards(driver) != before
            return "'%s', then '%s'" % (next(line for line in log if "busy" in line), driver.find_element(By.ID, "status").text)
        check("the page retries a 503 with backoff", busy)

        def live_reload():
            driver.get(page)
            wait_for(lambda: page_ready(driver), timeout=30, what="the page")
            edited = original.replace("label: Income-tax holiday (years)", "label: Income-tax holiday, edited live (years)")
            assert edited != original, "the label to edit is not in the scenario file"
            with open(scenario_file, "w", encoding="utf-8") as f:
                f.write(edited)
            wait_for(lambda: "edited live" in driver.find_element(By.CSS_SELECTOR, 'label[for="lever-holiday_years"]').text, timeout=30,
                     what="the page to pick up the edited file")
            with open(scenario_file, "w", encoding="utf-8") as f:
                f.write(original.replace("horizon: {first: 2026, last: 2040}", "horizon: {first: 2026, last: 2040}\nhorizn: 2041"))
            wait_for(lambda: driver.find_element(By.ID, "diagnostics").is_displayed() and "horizn" in driver.find_element(By.ID, "diagnostics").text,
                     timeout=30, what="the diagnostics of the broken file")
            assert not driver.find_element(By.ID, "workspace").is_displayed(), "stale sliders and numbers are still shown"
            screenshot(driver, os.path.join(args.out, "diagnostics.png"), 1280)
            # While the file is broken the saved variant is still listed, marked as waiting, never a 400.
            status, body = http_get(server.base + "/api/scenarios/%s/variants" % SCENARIO)
            assert status == 200, (status, body[:300])
            listed = [v for v in json.loads(body)["variants"] if v["id"] == state["variant"]["id"]]
            assert listed and listed[0]["status"] == "waiting", listed
            driver.get(server.base + "/s/%s/compare" % SCENARIO)
            wait_for(lambda: "Browser test: long holiday, open border" in driver.find_element(By.ID, "compare-table").text
                     and driver.find_elements(By.CSS_SELECTOR, "#compare-table tr.waiting"), timeout=30,
                     what="the saved variant on the compare page, waiting for the broken file")
            screenshot(driver, os.path.join(args.out, "compare-broken-file.png"), 1280)
            driver.get(page)
            with open(scenario_file, "w", encoding="utf-8") as f:
                f.write(original)
            wait_for(lambda: not driver.find_element(By.ID, "diagnostics").is_displayed() and page_ready(driver), timeout=30,
                     what="the page to recover when the file is fixed")
            return "edit, error (the variant listed as waiting) and fix each seen without a reload"
        def live_reload_restoring():
            # A failure half-way must not leave the file broken for the checks that follow.
            try:
                return live_reload()
            finally:
                with open(scenario_file, "w", encoding="utf-8") as f:
                    f.write(original)
        check("an edited scenario file is picked up by the open page", live_reload_restoring)

        def survives_kill():
            server.kill()
            server.start()
            driver.get(server.base + "/s/%s/compare" % SCENARIO)
            wait_for(lambda: "Browser test: long holiday, open border" in driver.find_element(By.ID, "compare-table").text, timeout=30,
                     what="the saved variant on the compare page after the restart")
            screenshot(driver, os.path.join(args.out, "compare.png"), 1280)
            status, body = http_get(server.base + "/api/scenarios/%s/variants" % SCENARIO)
            variants = json.loads(body)["variants"]
            found = [v for v in variants if v["id"] == state["variant"]["id"]]
            assert [v["name"] for v in found] == ["Browser test: long holiday, open border"], [v["name"] for v in variants]
            assert found[0]["values"] == state["variant"]["values"]
            return "variant #%d still there after SIGKILL and restart" % found[0]["id"]
        check("the variant survives SIGKILL and a restart", survives_kill)

        def restart_under_page():
            driver.get(page)
            wait_for(lambda: page_ready(driver), timeout=30, what="the page")
            wait_for(lambda: driver.find_element(By.ID, "lever-uz_kg_days-effects").text, what="what the levers move")
            driver.execute_script("""
              window.__log = [];
              new MutationObserver(() => window.__log.push(document.getElementById('status').textContent))
                .observe(document.getElementById('status'), {childList: true, characterData: true, subtree: true});""")
            server.kill()
            press(driver, "lever-uz_kg_days", Keys.END)
            wait_for(lambda: "retrying" in driver.find_element(By.ID, "status").text, what="the page to say it retries")
            server.start()
            wait_for(lambda: "Updated in" in driver.find_element(By.ID, "status").text, timeout=30, what="the update once the server is back")
            log = driver.execute_script("return window.__log")
            assert not any("Cannot reach the server (" in line for line in log), log
            return "'%s', then '%s'" % (next(line for line in log if "retrying" in line), driver.find_element(By.ID, "status").text)
        check("a slider moved while the server restarts is retried", restart_under_page)

        def export():
            status, body = http_get(server.base + "/api/variants/%d/export" % state["variant"]["id"])
            path = os.path.join(folder, "exported-variant.yaml")
            with open(path, "wb") as f:
                f.write(body)
            shutil.copy(path, os.path.join(args.out, "exported-variant.yaml"))
            done = subprocess.run([os.path.abspath(args.bin), "validate", "--strict", path], capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, done.stdout + done.stderr
            # Each value moved in the room is the room's assumption, never the file's source:
            # validate counts one more assumption and one fewer sourced number per moved lever
            # that the file sourced.
            text = body.decode("utf-8")
            assert text.count("a participant's choice, not a sourced figure") == text.count("(moved in the room") >= 1, text[:1500]
            original_counts = subprocess.run([os.path.abspath(args.bin), "validate", "--strict", scenario_file], capture_output=True, text=True, timeout=120)
            def counts(line):
                import re
                m = re.search(r"(\d+) numbers: (\d+) sourced, (\d+) assumptions", line)
                return tuple(int(x) for x in m.groups())
            before, after = counts(original_counts.stdout), counts(done.stdout)
            assert after[1] < before[1] and after[2] > before[2], (before, after)
            return "%s; sourced %d → %d, assumptions %d → %d" % (done.stdout.strip().splitlines()[-1], before[1], after[1], before[2], after[2])
        check("the exported variant passes coopzone validate --strict, its moved values as assumptions", export)
    except Exception as error:
        results.append(False)
        print("FAIL setting up: %s" % error, flush=True)
        traceback.print_exc(limit=5)
    finally:
        if driver is not None:
            driver.quit()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    passed, failed = results.count(True), results.count(False)
    print("screenshots and the server's log: %s" % args.out)
    print("workshop-browser: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
