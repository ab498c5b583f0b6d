"""The one renderer of message drafts: a sandboxed Jinja2 environment with strict undefined values.

Templates are ``<kind>.j2`` files shipped in ``jobbook/drafts/templates``; a folder given with
``--templates`` (else a ``templates`` folder beside the book) overrides any of them by file name.
A template renders ``Subject: ...``, a blank line and the body. A blank the letter prints is an
error naming the cell to fill (``Missing``); a variable no draft has is an error naming the
template. The link templates (``<kind>-link.j2``) are the workbook's formulas: always the package's.

A template may come from a folder someone shared, so it is code from outside: it renders in
Jinja2's ``ImmutableSandboxedEnvironment`` (README § Message drafts). It reaches the facts it is given,
the filters below and Jinja2's own helpers, and nothing of Python: an attribute starting with
``_`` (``cycler.__init__.__globals__``), a function's internals, a method that changes a value,
a ``range`` of more than 100,000 items, a text or a power too big to build, or a template that
includes itself is one ``TemplateProblem`` naming the template, and nothing runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import jinja2
import jinja2.sandbox

from ..core.calendar import in_words
from ..errors import JobbookError, MissingValue, TemplateProblem, one_line
from ..schema import split_message
from ._people import Person, joined, single_line
from ._values import Missing

PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"


class _Blank(jinja2.StrictUndefined):
    """A Missing value in a template: false in ``{% if %}``, an error when printed or used."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return False


def _need(value: object) -> object:
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()
    return value


def _as_date(value: object) -> dt.date:
    value = _need(value)
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def money(value: object) -> str:
    """125000.0 -> ``125,000`` (the workbook's money format)."""
    return f"{float(_need(value)):,.0f}"


def day(value: object) -> str:
    """``6 November 2026``: a date no reader can take the wrong way round."""
    return in_words(_as_date(value))


def weekday(value: object) -> str:
    """``Friday 6 November 2026``."""
    return in_words(_as_date(value), weekday=True)


def names(values: object) -> str:
    """``Alex``, ``Alex and Priya``, ``Alex, Priya and Sam``."""
    return joined([str(v.name if isinstance(v, Person) else v) for v in _need(values)])


def interviews(values: object) -> str:
    """``Technical interview on Tuesday 8 December 2026`` (several joined as `names` joins)."""
    return names([f"{_need(i['round_name'])} on {weekday(i['date'])}" for i in _need(values)])


def number(value: object) -> str:
    """4.0 -> ``4``, 2.5 -> ``2.5``."""
    return f"{float(_need(value)):g}"


def weeks(value: object) -> str:
    n = float(_need(value))
    return f"{n:g} week" + ("" if n == 1 else "s")


def period(value: object) -> str:
    """The text ending with a full stop (unless it ends with . ! or ?)."""
    text = str(_need(value)).strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def sentence(value: object) -> str:
    """A text quoted as a sentence of its own: ``we got on well`` -> ``We got on well.``"""
    text = period(value)
    return text[:1].upper() + text[1:]


def lower_first(value: object) -> str:
    """``Good rapport`` -> ``good rapport``; ``SQL went fast`` stays as it is."""
    text = str(_need(value))
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


FILTERS = {
    "money": money,
    "day": day,
    "weekday": weekday,
    "names": names,
    "interviews": interviews,
    "number": number,
    "weeks": weeks,
    "period": period,
    "lower_first": lower_first,
    "sentence": sentence,
}


def template_dirs(book_path: Path | None, templates: str | Path | None = None) -> list[Path]:
    """Where templates are looked up, first match wins: `templates`, else ``templates/`` beside
    the book; then the package's own."""
    dirs = []
    if templates is not None:
        dirs.append(Path(templates))
    elif book_path is not None and (Path(book_path).parent / "templates").is_dir():
        dirs.append(Path(book_path).parent / "templates")
    return [*dirs, PACKAGE_TEMPLATES]


BIGGEST_TEXT = 100_000  # characters a template may build with `*` (a letter is a few hundred)


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, and no text or number too big to build (``"x" * 10**9``,
    ``9 ** 9 ** 9`` would hold the machine)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator: str, left, right):
        if operator == "**" and _big(right, 100):
            raise jinja2.sandbox.SecurityError("a power that large is not allowed in a template")
        if operator == "*" and _too_long(left, right):
            raise jinja2.sandbox.SecurityError(
                f"a text or list of more than {BIGGEST_TEXT:,} items is not allowed in a template"
            )
        return super().call_binop(context, operator, left, right)


def _big(value: object, limit: float) -> bool:
    return isinstance(value, int | float) and abs(value) > limit


def _too_long(left: object, right: object) -> bool:
    for seq, n in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and isinstance(n, int):
            return len(seq) * n > BIGGEST_TEXT
    return False


def _environment(dirs: tuple[Path, ...]) -> jinja2.Environment:
    env = _Sandbox(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.globals.pop("lipsum", None)  # pages of Latin on demand: no letter needs it
    return env


def _context(value: object) -> object:
    """Facts with every Missing turned into a value the template may test but not print."""
    if isinstance(value, Missing):
        return _Blank(hint=value.message, exc=MissingValue)
    if isinstance(value, dict):
        return {k: _context(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_context(v) for v in value]
    return value


def render(name: str, facts: dict, dirs: list[Path]) -> tuple[str, str, str]:
    """(subject, body, the template file used) of template `name` filled with `facts`."""
    fill, used = renderer(name, dirs)
    subject, body = fill(facts)
    return subject, body, used


def renderer(name: str, dirs: list[Path]) -> tuple[Callable[[dict], tuple[str, str]], str]:
    """Template `name` loaded once: (a function from facts to (subject, body), the file used),
    for filling the same template row after row."""
    env = _environment(tuple(dirs))
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(f"no template {name} in {', '.join(map(str, dirs))}") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(f"{exc.filename}, line {exc.lineno}: {exc.message}") from exc

    def fill(facts: dict) -> tuple[str, str]:
        try:
            text = template.render(_context(facts))
        except JobbookError:  # a blank the letter needs (MissingValue): names the cell
            raise
        except jinja2.sandbox.SecurityError as exc:  # reaching past the facts: refused
            raise TemplateProblem(
                f"{template.filename}: refused: {str(exc).rstrip('.')}; a template reaches the "
                "facts of the letter and nothing else"
            ) from exc
        except jinja2.UndefinedError as exc:  # not a Missing (that is a MissingValue): a typo
            raise TemplateProblem(f"{template.filename}: {exc.message}") from exc
        except jinja2.TemplateNotFound as exc:
            raise TemplateProblem(
                f"{template.filename}: no template {exc.name} to include (a template includes "
                f"the templates of its folders only: {', '.join(map(str, dirs))})"
            ) from exc
        except jinja2.TemplateError as exc:
            raise TemplateProblem(f"{template.filename}: {exc}") from exc
        except RecursionError as exc:  # a template that includes or extends itself
            raise TemplateProblem(
                f"{template.filename}: includes itself without end (include or extends)"
            ) from exc
        except Exception as exc:  # the template's own code failed (1/0, int('x'), a huge number)
            raise TemplateProblem(
                f"{template.filename}: {type(exc).__name__}: {one_line(exc)}"
            ) from exc
        try:
            subject, body = split_message(text)
        except ValueError as exc:
            raise TemplateProblem(f"{template.filename}: {exc}") from exc
        return single_line(subject), body

    return fill, str(template.filename)
