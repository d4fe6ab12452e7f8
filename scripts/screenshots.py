#!/usr/bin/env python3
"""Makes the screenshots in Docs/images/ of the Russian outputs: the growth triangle's HTML
report (`coopzone run … --format html --lang ru`) and its workshop page on a phone in Russian.
Headless Chromium through Selenium, as the browser tests; a workshop server on loopback.

Usage: scripts/screenshots.py PATH/TO/coopzone   (from the repository root)
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def driver(width, height):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=%d,%d" % (width, height), "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        options.binary_location = chromium
    return webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def main():
    binary = sys.argv[1]
    scenario = "Scenarios/fergana-batken-sughd-growth-triangle.yaml"
    work = tempfile.mkdtemp()
    report = os.path.join(work, "report-ru.html")
    subprocess.run([binary, "run", scenario, "--format", "html", "--lang", "ru", "--output", report], check=True)
    d = driver(1000, 1300)
    try:
        d.get("file://" + report)
        time.sleep(0.5)
        d.save_screenshot("Docs/images/report-ru.png")
    finally:
        d.quit()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([binary, "serve", "Scenarios", "--host", "127.0.0.1", "--port", str(port), "--data", os.path.join(work, "w.sqlite")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen("http://127.0.0.1:%d/healthz" % port, timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        d = driver(400, 860)
        try:
            base = "http://127.0.0.1:%d" % port
            d.get(base + "/")
            d.execute_script("localStorage.setItem('coopzone.lang', 'ru')")
            d.get(base + "/s/fergana-batken-sughd-growth-triangle")
            WebDriverWait(d, 20).until(lambda x: x.find_elements(By.CSS_SELECTOR, ".card .value") and "…" not in x.find_element(By.CSS_SELECTOR, ".card .value").text)
            time.sleep(0.5)
            d.save_screenshot("Docs/images/workshop-ru.png")
        finally:
            d.quit()
    finally:
        server.terminate()
        server.wait(timeout=10)
    for name in ("report-ru.png", "workshop-ru.png"):
        print("Docs/images/%s: %d KB" % (name, os.path.getsize("Docs/images/" + name) // 1024))


if __name__ == "__main__":
    main()
