"""One chart per figure, as PNG bytes a training lead can put on a slide, with its alt text.

Only what suppression left shown is drawn: a hidden count has no bar, only its
words ("fewer than 5", "not shown"). matplotlib is imported inside chart_png,
on its own Figure with the Agg canvas (as bot/modes/supervision/timeline.py
does), and the PNG carries no metadata: no software name, no date, no text
chunk of any kind.
"""
from __future__ import annotations

import io
import textwrap
from typing import List

from bot.reporting.suppression import ShownFigure

WIDTH_CM = 12.0
DPI = 150
BAR = "#1f5f8b"
LABEL_WIDTH = 34  # characters before a row's label wraps
NO_METADATA = {"Software": None}  # matplotlib writes only "Software" into a PNG; None leaves it out


def alt_text(figure: ShownFigure) -> str:
    """What the chart shows, in words, for the picture's alt text and the page beside it."""
    parts = [f"{row.label}: {row.text}" for row in figure.rows]
    total = f" Total: {figure.total.label.lower()}, {figure.total.text}." if figure.total else ""
    return f"Bar chart, {figure.title.lower()} ({figure.column.lower()}). " + "; ".join(parts) + "." + total


def chart_png(figure: ShownFigure) -> bytes:
    """A horizontal bar per row, in the figure's order, the count written at the end of each bar."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rows = list(figure.rows)
    labels: List[str] = ["\n".join(textwrap.wrap(row.label, LABEL_WIDTH)) or "-" for row in rows]
    lines = sum(label.count("\n") + 1 for label in labels)
    height_cm = 2.4 + 0.45 * max(lines, len(rows)) + 0.2 * len(rows)
    chart = Figure(figsize=(WIDTH_CM / 2.54, height_cm / 2.54), dpi=DPI)
    FigureCanvasAgg(chart)
    axes = chart.add_subplot(1, 1, 1)
    positions = list(range(len(rows)))[::-1]  # the first row at the top
    values = [row.value or 0 for row in rows]
    largest = max(values + [1])
    axes.barh(positions, values, color=BAR, height=0.6)
    for y, row, value in zip(positions, rows, values):
        shown = row.text if row.value is None else str(row.value)
        axes.text(value + largest * 0.02, y, shown, va="center", fontsize=7,
                  style="italic" if row.value is None else "normal")
    axes.set_yticks(positions)
    axes.set_yticklabels(labels, fontsize=7)
    axes.set_xlim(0, largest * 1.35)
    axes.set_xlabel(figure.column, fontsize=7)
    axes.tick_params(axis="x", labelsize=7)
    axes.xaxis.get_major_locator().set_params(integer=True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title("\n".join(textwrap.wrap(figure.title, 60)), fontsize=9, loc="left")
    chart.tight_layout()
    buffer = io.BytesIO()
    chart.savefig(buffer, format="png", dpi=DPI, metadata=NO_METADATA)
    return buffer.getvalue()
