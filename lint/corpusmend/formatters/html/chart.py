"""The findings chart: an inline SVG of horizontal bars, one per rule, grouped by family."""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

ROW = 22  # pixels per bar
LABEL_WIDTH = 250
BAR_WIDTH = 360
COUNT_WIDTH = 70
# one hue per family, in the order families first appear; more families cycle
PALETTE = ("#3b6fb6", "#c2571a", "#2f8f5b", "#8e44ad", "#b8860b", "#c0392b", "#16838f", "#6d6d6d")


def family(code: str) -> str:
    """A rule's family: the letters of its code (HDR001 -> HDR)."""
    m = re.match(r"[A-Za-z]+", code)
    return m.group() if m else code


def family_order(by_code: Mapping[str, int]) -> list[tuple[str, list[str]]]:
    """Families, most findings first (then by name), each with its codes by count then code."""
    groups: dict[str, list[str]] = {}
    for code in sorted(by_code):
        groups.setdefault(family(code), []).append(code)

    def total(item: tuple[str, list[str]]) -> tuple[int, str]:
        return (-sum(by_code[c] for c in item[1]), item[0])

    return [
        (fam, sorted(codes, key=lambda c: (-by_code[c], c)))
        for fam, codes in sorted(groups.items(), key=total)
    ]


def bar_chart(by_code: Mapping[str, int], names: Mapping[str, str]) -> str:
    """The SVG: a heading row per family (its total), then a bar per rule."""
    if not by_code:
        return '<p class="empty">No findings.</p>'
    rows: list[str] = []
    top = max(by_code.values())
    y = 0
    for k, (fam, codes) in enumerate(family_order(by_code)):
        colour = PALETTE[k % len(PALETTE)]
        count = sum(by_code[c] for c in codes)
        rows.append(
            f'<text x="0" y="{y + 15}" class="fam" fill="{colour}">{escape(fam)}'
            f' <tspan class="famcount">{count:,}</tspan></text>'
        )
        y += ROW
        for code in codes:
            n = by_code[code]
            width = max(2, round(BAR_WIDTH * n / top))
            label = f"{code} {names.get(code, '')}".strip()
            rows.append(
                f'<g class="bar" data-code="{escape(code)}"><title>{escape(label)}: {n:,}</title>'
                f'<text x="12" y="{y + 15}">{escape(_clip(label))}</text>'
                f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{width}" height="{ROW - 8}" rx="2"'
                f' fill="{colour}"/>'
                f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 15}" class="n">{n:,}</text></g>'
            )
            y += ROW
    total_width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH
    return (
        f'<svg class="chart" role="img" aria-label="findings by family and rule"'
        f' viewBox="0 0 {total_width} {y}" width="{total_width}" height="{y}"'
        f' xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'
    )


def _clip(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
