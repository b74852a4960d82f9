"""The letter sandbox (casework/letters.py): the shipped templates pass their own checks; every
way out of the merge fields we know of is refused with one sentence before anything renders;
work is bounded (repeats, loops, output); and the shipped list merges with the rep's own."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casevault.casework import letters
from casevault.casework.letter_fields import SAMPLE_FIELDS


def test_the_shipped_templates_pass_and_cover_the_guide() -> None:
    codes = {t.code for t in letters.shipped_templates()}
    assert codes == {
        "advice-confirmation",
        "accompaniment-request",
        "postponement-request",
        "grievance",
        "disciplinary-appeal",
        "subject-access",
        "off-the-record-agreement",
        "originals-receipt",
    }
    for template in letters.shipped_templates():
        letters.check_template(template.body)
        assert template.entry in letters.ENTRY_KINDS
    entries = {t.code: t.entry for t in letters.shipped_templates()}
    assert entries["advice-confirmation"] == "advice-written"
    assert {e for c, e in entries.items() if c != "advice-confirmation"} == {"note"}


HOSTILE = [
    ("{{ member.__class__ }}", "names starting with _"),
    ("{{ member['__class__'] }}", "names starting with _"),
    ("{{ case.ref.__class__.__base__.__subclasses__ }}", "names starting with _"),
    ("{{ member|attr('__class__') }}", "filter 'attr'"),
    ("{{ '{0.__class__}'.format(member) }}", "call functions or methods"),
    ("{{ cycler.__init__.__globals__.os }}", "names starting with _"),
    ("{{ lipsum() }}", "call functions or methods"),
    ("{{ range }}", "unknown field, 'range'"),
    ("{{ self }}", "unknown field, 'self'"),
    ("{% include 'secrets.txt' %}", "include or import"),
    ("{% import 'os' as os %}", "include or import"),
    ("{% from 'x' import y %}", "include or import"),
    ("{% extends '/etc/passwd' %}", "include or import"),
    ("{% macro f() %}{{ f() }}{% endmacro %}", "define macros"),
    ("{% set x = member %}", "set variables"),
    ("{{ issues.append('x') }}", "call functions or methods"),
    ("{{ 'x' * 1000000000 }}", "repeat that long"),
    ("{{ ('x' * 999) * 999 }}", "repeat that long"),
    ("{{ 9 ** 9999999 }}", "powers are not allowed"),
    ("{{ '%0999999999d' % 1 }}", "%-formatting"),
    ("{{ 'x'|center(999999999) }}", "filter 'center'"),
    ("{% filter indent(999999999) %}x{% endfilter %}", "filter 'indent'"),
    ("{% for c in 'abc' %}{% endfor %}", "only go through a merge field"),
    (
        "{% for a in issues %}{% for b in issues %}{% for c in issues %}{% endfor %}{% endfor %}{% endfor %}",
        "nest",
    ),
    ("{{ salary }}", "unknown field, 'salary'"),
    ("{{ member.salary }}", "field that does not exist"),
    ("{% if %}", "mistake on line 1"),
    ("line one\n{{ member.name ", "mistake on line 2"),
]


@pytest.mark.parametrize(("body", "says"), HOSTILE)
def test_a_hostile_or_broken_template_is_refused_in_one_sentence(body: str, says: str) -> None:
    with pytest.raises(letters.LetterError, match=says) as refused:
        letters.check_template(body)
    message = str(refused.value)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message
    with pytest.raises(letters.LetterError):
        letters.render(body, SAMPLE_FIELDS)


def test_the_output_is_capped_and_the_template_too() -> None:
    two_loops = (
        "{% for a in issues %}{% for b in issues %}" + "{{ '-' * 999 }}" * 20 + "{% endfor %}{% endfor %}"
    )
    fields = {**SAMPLE_FIELDS, "issues": [str(i) for i in range(10)]}
    with pytest.raises(letters.LetterError, match="longer than 100,000 characters"):
        letters.render(two_loops, fields)
    with pytest.raises(letters.LetterError, match="at most 20,000 characters"):
        letters.check_template("x" * 20_001)


def test_what_a_letter_may_do() -> None:
    body = (
        "{{ today }}: {{ member.name|upper }} {{ '-' * 3 }} {{ issues|join(', ') }}"
        "{% for o in originals %} [{{ loop.index }}. {{ o.description }}]{% endfor %}"
        "{% if hearing.date %} on {{ hearing.date }}{% else %} no hearing{% endif %}"
        " {{ manager.name or '[manager]' }}   \n\n\n"
    )
    assert letters.render(body, SAMPLE_FIELDS) == (
        "4 December 2026: A. MEMBER --- First issue, Second issue [1. Contract]"
        " on 9 December 2026 A. Manager\n"
    )
    no_manager = {
        **SAMPLE_FIELDS,
        "manager": {"name": ""},
        "hearing": {"date": "", "time": "", "alternative_by": ""},
    }
    assert letters.render(
        "{{ manager.name or '[manager]' }}{% if not hearing.date %}, none{% endif %}", no_manager
    ) == ("[manager], none\n")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_the_merge_fields_are_data_never_template(name: str) -> None:
    # A member's name that looks like a template is printed as typed, never run.
    fields = {**SAMPLE_FIELDS, "member": {"name": name, "email": ""}}
    assert letters.render("[{{ member.name }}]", fields).rstrip("\n") == "\n".join(
        line.rstrip() for line in f"[{name}]".splitlines()
    ).strip("\n")


def test_codes_and_titles() -> None:
    assert letters.check_code("  Pay-Claim ") == "pay-claim"
    for bad in ("", "pay claim", "../etc", "a" * 61, "café latte"):
        with pytest.raises(letters.LetterError, match="lower-case letters"):
            letters.check_code(bad)
    assert letters.check_title("  Pay \n claim ") == "Pay claim"
    with pytest.raises(letters.LetterError, match="needs a title"):
        letters.check_title("  ")
    with pytest.raises(letters.LetterError, match="at most 120"):
        letters.check_title("x" * 121)


def test_the_reps_own_text_replaces_a_shipped_one_and_their_own_follow() -> None:
    saved = {
        "grievance": {"title": "My grievance", "body": "Hello", "entry": "advice-written"},
        "zz-own": {"title": "Own", "body": "Own body", "entry": "strange"},
        "aa-own": {"title": "First own", "body": "A", "entry": "advice-written"},
    }
    merged = letters.merged(saved)
    shipped = letters.shipped_templates()
    assert [t.code for t in merged] == [t.code for t in shipped] + ["aa-own", "zz-own"]
    grievance = next(t for t in merged if t.code == "grievance")
    assert (grievance.title, grievance.body, grievance.entry, grievance.edited) == (
        "My grievance",
        "Hello",
        "note",
        True,
    )
    assert [(t.entry, t.shipped) for t in merged[-2:]] == [("advice-written", False), ("note", False)]


def test_jinja2_is_loaded_only_when_a_template_is_used() -> None:
    """Every command builds the parser, and the window's start imports the vault: neither pays
    for Jinja2 (about 40 ms) until a letter is checked or made, and the parser not for the merge
    fields either (they bring the casework clock and every model class)."""
    probe = (
        "import sys\n"
        "import casevault.cli.parser\n"
        "parser = {'jinja2', 'casevault.casework.letter_fields', 'casevault.core.model'} & set(sys.modules)\n"
        "import casevault.vault.facade, casevault.casework.letters as l\n"
        "window = 'jinja2' in sys.modules\n"
        "l.check_template('Dear {{ member.name }}')\n"
        "print(sorted(parser), window, 'jinja2' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "False", "True"]
