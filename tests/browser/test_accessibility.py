"""Contrast in a real browser: every visible piece of text on the main pages meets WCAG AA
against the background it is actually drawn on (computed styles, translucent layers blended)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/companies/international-wire-group/",
    "/facilities/?status=idled&country=US",
    "/events/",
    "/changes/?from=2009-01-01&to=2009-12-31",
]

# Text nodes and their computed colours -> the ones under 4.5:1 (3:1 for large text).
LOW_CONTRAST = """
() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const blend = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.backgroundImage !== "none") return null;  // cannot judge text on an image
      const c = parse(style.backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) bg = blend(layer, bg);
    return bg;
  };
  const problems = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el) || el.closest("svg")) continue;
    seen.add(el);
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width <= 1 || box.height <= 1 || style.visibility !== "visible") continue;
    if (box.right < 0 || box.bottom < 0) continue;  // parked off-screen (skip link)
    const bg = background(el);
    if (!bg) continue;
    const fg = blend(parse(style.color), bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (parseInt(style.fontWeight, 10) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) {
      problems.push(`${ratio.toFixed(2)}:1 ${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 40)}" ${style.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)})`);
    }
  }
  return problems;
}
"""


def test_text_contrast_meets_wcag_aa(page):
    failures = {}
    for url in PAGES:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        problems = page.evaluate(LOW_CONTRAST)
        if problems:
            failures[url] = problems
    assert not failures, "\n".join(f"{url}:\n  " + "\n  ".join(p) for url, p in failures.items())
