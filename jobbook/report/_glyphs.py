"""Text from the user drawn by matplotlib exactly as typed: no mathtext, no missing glyphs.

A name holding an emoji made matplotlib print "Glyph 128640 missing from font(s) DejaVu Sans" with
a source path on stderr, and a name such as ``a$^$b`` was parsed as mathtext and failed to draw.
Before a figure is saved, every text in it is taken literally and each run of characters its font
cannot draw (an emoji with its modifiers and joiners) becomes one ``□``.
"""

from __future__ import annotations

import functools
import warnings
from contextlib import contextmanager

from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.table import Table
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, FuncFormatter

MISSING = "\u25a1"  # □, drawn by DejaVu Sans (matplotlib's own font)
_JOINERS = {
    0x200D,
    0xFE0E,
    0xFE0F,
    *range(0x1F3FB, 0x1F400),
}  # ZWJ, variation selectors, skin tones


@functools.lru_cache(maxsize=16)
def _font(path: str):
    return font_manager.get_font(path)


def drawable(text: str, font_path: str) -> str:
    """`text` with each run of characters missing from the font at `font_path` as one □."""
    if text.isascii():
        return text
    font = _font(font_path)
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        missing = code in _JOINERS or (ch.isprintable() and not font.get_char_index(code))
        if missing:
            if not out or out[-1] != MISSING:
                out.append(MISSING)
        else:
            out.append(ch)
    return "".join(out)


def fit_text(fig: Figure) -> Figure:
    """Every text of `fig` taken literally and drawable with its font."""
    cells = [c.get_text() for table in fig.findobj(Table) for c in table.get_celld().values()]
    for t in [*fig.findobj(Text), *cells]:
        t.set_parse_math(False)
        s = t.get_text()
        if s and not s.isascii():
            t.set_text(drawable(s, font_manager.findfont(t.get_fontproperties())))
    for ax in fig.axes:  # tick labels are made as the figure is drawn, from the formatter's list
        for axis in (ax.xaxis, ax.yaxis):
            fmt = axis.get_major_formatter()
            if isinstance(fmt, FixedFormatter | FuncFormatter) and not hasattr(fmt, "drawable"):
                font = font_manager.findfont(axis.get_label().get_fontproperties())
                fitted = FuncFormatter(lambda x, pos, f=fmt, ff=font: drawable(str(f(x, pos)), ff))
                fitted.drawable = True
                axis.set_major_formatter(fitted)
    return fig


@contextmanager
def quiet_glyphs():
    """Silence matplotlib's "Glyph ... missing" warning for what ``fit_text`` could not reach
    (the font's empty box is drawn in its place)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
        yield


class Pages:
    """A PdfPages whose figures are passed through ``fit_text`` as they are saved."""

    def __init__(self, pdf) -> None:
        self._pdf = pdf

    def savefig(self, fig: Figure, **kwargs) -> None:
        with quiet_glyphs():
            self._pdf.savefig(fit_text(fig), **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._pdf, name)
