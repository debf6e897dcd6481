"""Charts for the web pages and the printed reports, drawn by pygal as SVG on the server:
no script and nothing fetched from elsewhere (pygal's tooltip script and its comments are
left out); the table beside each chart carries the same figures for screen readers and
printing."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pygal
from markupsafe import Markup, escape
from pygal.style import Style

BAR_HEIGHT = 24
CHART_WIDTH = 640
STYLE = Style(
    colors=("#0b4f8a",),
    background="white",
    plot_background="white",
    font_family="sans-serif",
    value_font_size=12,
    label_font_size=12,
)
# What pygal writes beside the drawing: an inline script (tooltips) and comments with links.
NOT_DRAWING = re.compile(r"<script.*?</script>|<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


def bar_chart(bars: list[Bar], title: str) -> Markup:
    """Horizontal bars in the given order; `title` names the chart for assistive tech."""
    chart = pygal.HorizontalBar(
        style=STYLE,
        js=[],
        width=CHART_WIDTH,
        height=BAR_HEIGHT * max(len(bars), 1) + 60,
        explicit_size=True,
        show_legend=False,
        print_values=True,
        disable_xml_declaration=True,
        truncate_label=-1,
        value_formatter=lambda value: f"{value:g}",
    )
    # pygal draws the first bar at the bottom: reversed, the list reads from the top.
    chart.x_labels = [bar.label for bar in reversed(bars)]
    chart.add("", [bar.value for bar in reversed(bars)])
    drawn = NOT_DRAWING.sub("", chart.render(is_unicode=True)).replace(
        ' class="pygal-chart"', "", 1
    )
    named = f'<svg class="chart pygal-chart" role="img" aria-label="{escape(title)}" '
    return Markup(  # noqa: S704 - pygal escapes the labels; the title is escaped here
        drawn.replace("<svg ", named, 1).replace(">", f"><title>{escape(title)}</title>", 1)
    )
