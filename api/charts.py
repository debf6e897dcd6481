"""Charts drawn on the server as SVG, for the web pages and the printed reports: no script,
no library from elsewhere; the table beside each chart carries the same figures for screen
readers and printing."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

BAR_HEIGHT = 22
LABEL_WIDTH = 220
CHART_WIDTH = 640


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


def bar_chart(bars: list[Bar], title: str) -> Markup:
    """Horizontal bars, largest value full width; `title` names the chart for assistive tech."""
    top = max((b.value for b in bars), default=0.0) or 1.0
    height = BAR_HEIGHT * max(len(bars), 1) + 10
    room = CHART_WIDTH - LABEL_WIDTH - 60
    rows = []
    for i, bar in enumerate(bars):
        y = i * BAR_HEIGHT + 5
        width = max(bar.value / top * room, 1.0)
        value = f"{bar.value:g}"
        rows.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{escape(bar.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="{BAR_HEIGHT - 6}"'
            f' fill="#0b4f8a"></rect>'
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + 15}">{value}</text>'
        )
    return Markup(  # noqa: S704 - every text in it is escaped above
        f'<svg class="chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="13" font-family="sans-serif">'
        f"<title>{escape(title)}</title>{''.join(rows)}</svg>"
    )
