#!/usr/bin/env python3
"""Opens CoopZone HTML reports in headless Chromium (through chromedriver and Selenium) and
checks each: no console errors (SEVERE log entries, which include Content-Security-Policy
violations, so any attempt to load something from outside fails the test), every promised
chart is an <svg> in the DOM with a size, no src/href points outside the file. Saves a
full-page PNG screenshot of each report and one PNG per chart.

Usage: browser_test.py --out DIR [--chromedriver PATH] [--chromium PATH] NAME=FILE:MIN_CHARTS...
Prints one line per report and a closing line 'browser: N passed, M failed'.
"""
import argparse
import base64
import os
import shutil
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def find(names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def make_driver(chromedriver, chromium):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,900", "--hide-scrollbars", "--force-device-scale-factor=1",
                     "--allow-file-access-from-files"):
        options.add_argument(argument)
    if chromium:
        options.binary_location = chromium
    options.set_capability("goog:loggingOptions", {"browser": "ALL"})
    # An explicit driver path keeps Selenium Manager from trying to download one.
    return webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)


CHECK_DOM = """
const figures = Array.from(document.querySelectorAll('figure.chart'));
const bad = [];
for (const f of figures) {
  const svgs = f.querySelectorAll('svg');
  if (svgs.length !== 1) { bad.push(f.id + ': ' + svgs.length + ' svg'); continue; }
  const box = svgs[0].getBoundingClientRect();
  if (box.width < 100 || box.height < 100) bad.push(f.id + ': svg ' + box.width + 'x' + box.height);
  if (svgs[0].querySelectorAll('rect, path, line, circle').length < 5) bad.push(f.id + ': svg has almost nothing drawn');
}
const external = [];
for (const el of document.querySelectorAll('[src], [href], [srcset], [action], [data], [poster]')) {
  for (const attr of ['src', 'href', 'srcset', 'action', 'data', 'poster', 'xlink:href']) {
    const v = el.getAttribute(attr);
    if (v && !v.startsWith('#')) external.push(el.tagName + ' ' + attr + '=' + v);
  }
}
return {
  doctype: document.doctype ? document.doctype.name : null,
  figures: figures.length,
  svgs: document.querySelectorAll('svg').length,
  bad: bad,
  external: external,
  resources: performance.getEntriesByType('resource').map(e => e.name),
  width: document.documentElement.scrollWidth,
  height: document.documentElement.scrollHeight,
  overflow: Array.from(document.querySelectorAll('figure.chart svg')).filter(s => s.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(s => s.id),
};
"""


def full_page_png(driver, path, width, height, limit=20000):
    height = min(int(height), limit)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": int(width), "height": height, "deviceScaleFactor": 1, "mobile": False})
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                            "clip": {"x": 0, "y": 0, "width": int(width), "height": height, "scale": 1}})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def check(driver, name, file, minimum, out):
    problems = []
    driver.get("file://" + os.path.abspath(file))
    result = driver.execute_script(CHECK_DOM)
    for entry in driver.get_log("browser"):
        if entry.get("level") == "SEVERE":
            problems.append("console error: " + entry.get("message", ""))
    if result["doctype"] != "html":
        problems.append("no <!DOCTYPE html>")
    if result["figures"] < minimum:
        problems.append(f"{result['figures']} charts, expected at least {minimum}")
    if result["svgs"] != result["figures"]:
        problems.append(f"{result['svgs']} <svg> elements for {result['figures']} chart figures")
    problems += ["chart " + b for b in result["bad"]]
    problems += ["external reference " + e for e in result["external"]]
    problems += ["loaded " + r for r in result["resources"]]
    problems += ["chart wider than the page: " + s for s in result["overflow"]]
    os.makedirs(out, exist_ok=True)
    full_page_png(driver, os.path.join(out, name + ".png"), 1200, result["height"])
    full_page_png(driver, os.path.join(out, name + "-top.png"), 1200, result["height"], limit=1800)
    for index, element in enumerate(driver.find_elements(By.CSS_SELECTOR, "figure.chart")):
        element.screenshot(os.path.join(out, f"{name}-chart-{index + 1:02d}-{element.get_attribute('id')}.png"))
    return problems, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--chromedriver", default=find(["chromedriver", "chromium.chromedriver"]))
    parser.add_argument("--chromium", default=find(["chromium", "chromium-browser", "google-chrome"]))
    parser.add_argument("reports", nargs="+", help="NAME=FILE:MIN_CHARTS")
    args = parser.parse_args()
    if not args.chromedriver:
        print("browser: chromedriver not found", file=sys.stderr)
        print("browser: 0 passed, 1 failed")
        return 1
    passed = failed = 0
    driver = make_driver(args.chromedriver, args.chromium)
    try:
        for spec in args.reports:
            name, rest = spec.split("=", 1)
            file, minimum = rest.rsplit(":", 1)
            try:
                problems, result = check(driver, name, file, int(minimum), args.out)
            except Exception as error:  # a crash of one page must not hide the others
                problems, result = [f"{type(error).__name__}: {error}"], {"figures": 0}
            if problems:
                failed += 1
                print(f"FAIL {name} ({file})")
                for problem in problems:
                    print("     " + problem)
            else:
                passed += 1
                print(f"ok   {name}: {result['figures']} charts, no console errors, screenshot {os.path.join(args.out, name + '.png')}")
    finally:
        driver.quit()
    print(f"browser: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
