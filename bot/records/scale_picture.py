"""A picture of the safety scale at each supervision on a case, for the record's "Since the last supervision".

Drawn when a case has three or more sessions: the scale (0 to 10) at each,
joined, each point labelled with its number so the picture reads in black and
white and the numbers are never only a colour. matplotlib on its own Figure
with the Agg canvas, imported inside (as bot/modes/supervision/timeline.py does).
"""
from __future__ import annotations

import io
from typing import List, Optional, Tuple

WIDTH_CM, HEIGHT_CM, DPI = 16.0, 5.5, 150
FONT = 8
LINE = "#0072B2"  # Okabe-Ito blue: told apart by people with colour-blindness


def scale_alt_text(points: List[Tuple[str, Optional[int]]]) -> str:
    shown = "; ".join(f"{when}: {scale if scale is not None else 'not given'}" for when, scale in points)
    return f"Safety scale (0 to 10) at each supervision on this case, oldest first: {shown}."


def scale_png(points: List[Tuple[str, Optional[int]]]) -> bytes:
    """The picture as PNG bytes, with no metadata beyond the image itself."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_CM / 2.54, HEIGHT_CM / 2.54), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    xs = list(range(len(points)))
    known = [(x, scale) for x, (_, scale) in zip(xs, points) if scale is not None]
    if known:
        axes.plot([x for x, _ in known], [s for _, s in known], color=LINE, marker="o", linewidth=1.5)
        for x, scale in known:
            axes.annotate(str(scale), (x, scale), textcoords="offset points", xytext=(0, 6), ha="center",
                          fontsize=FONT)
    axes.set_xticks(xs)
    axes.set_xticklabels([when for when, _ in points], fontsize=FONT)
    axes.set_ylim(0, 10.9)
    axes.set_yticks(range(0, 11, 2))
    axes.tick_params(axis="y", labelsize=FONT)
    axes.set_ylabel("Safety scale", fontsize=FONT)
    axes.set_xlim(-0.5, len(points) - 0.5)
    axes.grid(axis="y", color="#dddddd", linewidth=0.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
