"""Letter templates (issue 17): the letters the reps' guide asks for, as Jinja2 templates that a
rep may edit, rendered only in Jinja2's immutable sandbox.

A template is user data, and a vault may arrive from someone else (a handover, a backup), so it
is treated as hostile. Before it is ever rendered, it is refused if it includes or imports,
defines macros or variables, calls a function or method, names an attribute starting with "_",
uses a filter outside a short list, loops over anything but a merge field, or nests loops more
than two deep: what is left can only read the fields and do work bounded by them. At render time
there is no loader (nothing can be read from disk) and no globals (no `range`, `lipsum`...), the
sandbox makes its own checks, a repeat (`"-" * 40`) is bounded, and the output is capped. The
merge fields are plain strings, lists and dicts of strings (casework/letter_fields.py), so there
is no Python object behind them to reach.

Pure: no I/O except reading the shipped templates from the package. Jinja2 and the merge
fields are imported on first use (`_jinja`, `_fields`): they cost about 60 ms, which neither a
command's parser nor the window's start needs.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from casevault.casework.outcomes import is_code
from casevault.core import vocab

if TYPE_CHECKING:
    from jinja2 import nodes
    from jinja2.sandbox import ImmutableSandboxedEnvironment

ENTRY_KINDS = vocab.LETTER_ENTRY_KINDS  # the paper-trail kinds a filed letter may be recorded as
MAX_TEMPLATE_CHARS = 20_000
MAX_LETTER_CHARS = 100_000
MAX_TITLE_CHARS = 120
_MAX_LOOP_DEPTH = 2
FILTERS = frozenset(
    {
        "upper",
        "lower",
        "title",
        "capitalize",
        "trim",
        "join",
        "default",
        "d",
        "length",
        "count",
        "first",
        "last",
    }
)


class LetterError(ValueError):
    """A template refused, or a letter that cannot be made; the message is one sentence."""


@dataclass(frozen=True)
class LetterTemplate:
    code: str
    title: str
    body: str
    entry: str = "note"  # one of ENTRY_KINDS
    shipped: bool = True  # casevault ships one of this code
    edited: bool = False  # the vault holds the rep's own text for it


def _fields() -> Any:
    """casework/letter_fields, loaded with Jinja2 (it brings the casework clock and the model)."""
    from casevault.casework import letter_fields  # noqa: PLC0415 - see the module's docstring

    return letter_fields


@cache
def _jinja() -> Any:
    """Jinja2's node classes and exceptions, and the sandbox, imported and made once."""
    import jinja2  # noqa: PLC0415 - on first use: see the module's docstring
    from jinja2 import meta, nodes  # noqa: PLC0415
    from jinja2.exceptions import SecurityError  # noqa: PLC0415
    from jinja2.sandbox import ImmutableSandboxedEnvironment  # noqa: PLC0415

    class Sandbox(ImmutableSandboxedEnvironment):
        """The sandbox, with `*` and `**` bounded: the stock sandbox lets `'x' * 10**10` through."""

        intercepted_binops = frozenset({"*", "**", "%"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**":
                raise SecurityError("powers are not allowed in a letter template")
            if operator == "%" and isinstance(left, str):
                raise SecurityError("%-formatting is not allowed in a letter template")
            for seq, count in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(count, int)
                    and len(seq) * count > MAX_LETTER_CHARS
                ):
                    raise SecurityError("a repeat that long is not allowed in a letter template")
            return super().call_binop(context, operator, left, right)

    env = Sandbox(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.clear()
    refused = (
        ((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport), "include or import other templates"),
        ((nodes.Macro, nodes.CallBlock), "define macros"),
        ((nodes.Assign, nodes.AssignBlock), "set variables"),
        ((nodes.Call,), "call functions or methods"),
    )
    return SimpleNamespace(jinja2=jinja2, nodes=nodes, meta=meta, env=env, refused=refused)


def _environment() -> ImmutableSandboxedEnvironment:
    env: ImmutableSandboxedEnvironment = _jinja().env
    return env


def _is_field(node: nodes.Node) -> bool:
    nodes = _jinja().nodes
    while isinstance(node, nodes.Getattr):
        node = node.node
    return isinstance(node, nodes.Name) and node.name in _fields().FIELDS


def _loop_depth(node: nodes.Node) -> int:
    nodes = _jinja().nodes
    inner = max((_loop_depth(child) for child in node.iter_child_nodes()), default=0)
    return inner + 1 if isinstance(node, nodes.For) else inner


def _refuse_reaching(tree: nodes.Template) -> None:
    nodes = _jinja().nodes
    for kinds, what in _jinja().refused:
        if any(True for _ in tree.find_all(kinds)):
            raise LetterError(f"A letter template cannot {what}.")
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        name = (
            node.attr if isinstance(node, nodes.Getattr) else getattr(getattr(node, "arg", None), "value", "")
        )
        if isinstance(name, str) and name.startswith("_"):
            raise LetterError(
                f"A letter template cannot use {name!r}: names starting with _ are not merge fields."
            )
    for f in tree.find_all(nodes.Filter):
        if f.name not in FILTERS:
            raise LetterError(
                f"A letter template cannot use the filter {f.name!r}; "
                f"it may use: {', '.join(sorted(FILTERS))}."
            )
    for loop in tree.find_all(nodes.For):
        if not _is_field(loop.iter):
            raise LetterError(
                "A loop in a letter template can only go through a merge field, such as issues."
            )
    if _loop_depth(tree) > _MAX_LOOP_DEPTH:
        raise LetterError(f"A letter template cannot nest loops more than {_MAX_LOOP_DEPTH} deep.")


def _parse(body: str) -> nodes.Template:
    if len(body) > MAX_TEMPLATE_CHARS:
        raise LetterError(f"A letter template is at most {MAX_TEMPLATE_CHARS:,} characters.")
    jinja = _jinja()
    nodes = jinja.nodes
    try:
        tree = _environment().parse(body)
    except jinja.jinja2.TemplateSyntaxError as err:
        raise LetterError(f"The template has a mistake on line {err.lineno}: {err.message}.") from None
    _refuse_reaching(tree)
    # Jinja leaves its implicit `self` (the template's blocks) out of the undeclared names.
    implicit = {n.name for n in tree.find_all(nodes.Name) if n.name == "self"}
    fields = _fields().FIELDS
    unknown = sorted((jinja.meta.find_undeclared_variables(tree) | implicit) - fields.keys())
    if unknown:
        raise LetterError(
            f"The template names an unknown field, {unknown[0]!r}; the fields are: {', '.join(fields)}."
        )
    return tree


def _capped(chunks: Iterator[str]) -> str:
    out: list[str] = []
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > MAX_LETTER_CHARS:
            raise LetterError(f"The letter would be longer than {MAX_LETTER_CHARS:,} characters.")
        out.append(chunk)
    return "".join(out)


def _sentence(err: Exception) -> str:
    return str(err).strip().rstrip(".")


def _run(body: str, fields: Mapping[str, object]) -> str:
    tree = _parse(body)
    jinja2 = _jinja().jinja2
    try:
        return _capped(_environment().from_string(tree).generate(dict(fields)))
    except LetterError:
        raise
    except jinja2.exceptions.SecurityError as err:
        raise LetterError(f"The template tries something a letter may not do: {_sentence(err)}.") from None
    except jinja2.UndefinedError as err:
        raise LetterError(f"The template names a field that does not exist: {_sentence(err)}.") from None
    except jinja2.TemplateError as err:
        raise LetterError(f"The template cannot be used: {_sentence(err)}.") from None
    except (TypeError, ValueError, ArithmeticError, LookupError, OverflowError, RecursionError) as err:
        raise LetterError(f"The template cannot be used: {type(err).__name__}.") from None


def check_template(body: str) -> None:
    """Refuse a template that does not parse, reaches past its merge fields, names an unknown
    field, or fails on sample fields: checked when it is saved, not first when a letter is due."""
    _run(body, _fields().SAMPLE_FIELDS)


def render(body: str, fields: Mapping[str, object]) -> str:
    """The letter: `body` rendered in the sandbox with the case's merge fields."""
    text = _run(body, fields)
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n") + "\n"


def check_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise LetterError("A letter template needs a title.")
    if len(title) > MAX_TITLE_CHARS:
        raise LetterError(f"A template's title is at most {MAX_TITLE_CHARS} characters.")
    return title


def check_code(code: str) -> str:
    code = code.strip().lower()
    if not is_code(code) or len(code) > 60:
        raise LetterError(
            "A template's name is lower-case letters, digits and hyphens, such as 'grievance' or 'pay-claim'."
        )
    return code


@cache
def shipped_templates() -> tuple[LetterTemplate, ...]:
    data = tomllib.loads(files("casevault.resources").joinpath("letters/uk.toml").read_text("utf-8"))
    return tuple(
        LetterTemplate(t["code"], t["title"], t["body"], t.get("entry", "note")) for t in data["template"]
    )


def _valid_saved(code: str, own: Mapping[str, str]) -> bool:
    """A saved template's code and title as `save_letter_template` would have let them in: a vault
    may come from elsewhere (a backup, a handover), and the title becomes a document's name. Its
    body is checked each time it is used."""
    try:
        return check_code(code) == code and check_title(own["title"]) == own["title"]
    except LetterError:
        return False


def merged(saved: Mapping[str, Mapping[str, str]]) -> list[LetterTemplate]:
    """The shipped templates with the vault's own text in place of any the rep edited, then the
    rep's own templates by name. A saved entry that is not a valid template is left out."""
    shipped = {t.code: t for t in shipped_templates()}
    out: list[LetterTemplate] = []
    for code, template in shipped.items():
        own = saved.get(code)
        kept = own is not None and _valid_saved(code, own)
        out.append(
            replace(template, title=own["title"], body=own["body"], edited=True) if kept and own else template
        )
    for code in sorted(saved.keys() - shipped.keys()):
        own = saved[code]
        if not _valid_saved(code, own):
            continue
        entry = own.get("entry", "note")
        out.append(
            LetterTemplate(
                code, own["title"], own["body"], entry if entry in ENTRY_KINDS else "note", False, True
            )
        )
    return out
