"""The CHECK constraints of a table, read from its CREATE TABLE text, so the integrity check can
test them in one query per table.

Why: SQLite's quick_check tests each CHECK row by row, and a `CHECK (kind IN ('a', 'b', ...))`
builds its IN list afresh for every row there: 3.0 of the 3.2 s that quick_check of the paper
trail took at 10k cases (200k entries). As a WHERE clause the list is built once, and the same
rows are tested in about 0.2 s (issue 15).
"""

from __future__ import annotations

import re

_CHECK = re.compile(r"\bcheck\s*\(", re.IGNORECASE)


def check_expressions(create_sql: str) -> list[str]:
    """Each CHECK constraint's expression, in the order written, column and table constraints
    alike. String literals, quoted names and comments are skipped, so a 'CHECK (' inside them
    is not taken for one."""
    found: list[str] = []
    code = _blank_literals(create_sql)
    for match in _CHECK.finditer(code):
        start = match.end()
        end = _closing_paren(code, start)
        found.append(create_sql[start:end].strip())
    return found


def _blank_literals(sql: str) -> str:
    """`sql` with every string literal, quoted name and comment replaced by spaces of the same
    length: positions still match the original, and no parenthesis or keyword inside survives."""
    out = list(sql)
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in "'\"`[":
            close = "]" if ch == "[" else ch
            j = i + 1
            while j < n:
                if sql[j] == close:
                    if close != "]" and j + 1 < n and sql[j + 1] == close:  # '' and "" escape
                        j += 2
                        continue
                    break
                j += 1
            end = min(j + 1, n)
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            end = n if newline < 0 else newline
        elif sql.startswith("/*", i):
            close_at = sql.find("*/", i + 2)
            end = n if close_at < 0 else close_at + 2
        else:
            i += 1
            continue
        for k in range(i, end):
            out[k] = " "
        i = end
    return "".join(out)


def _closing_paren(code: str, start: int) -> int:
    """The index of the parenthesis that closes the one just before `start`."""
    depth = 1
    for i in range(start, len(code)):
        if code[i] == "(":
            depth += 1
        elif code[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError("A CHECK constraint in the schema has no closing parenthesis.")


def violations_query(table: str, expressions: list[str]) -> str:
    """SQL giving one row, SQLite's own sentence for it, when any row of `table` breaks any of
    `expressions`: a CHECK fails only when its expression is false, not when it is NULL, and
    `NOT (expr)` is true exactly then."""
    quoted = '"' + table.replace('"', '""') + '"'
    broken = " OR ".join(f"NOT ({expr})" for expr in expressions)
    # Both come from the database's own schema, whose every page has just been authenticated.
    return f"SELECT 'CHECK constraint failed in ' || ? FROM {quoted} WHERE {broken} LIMIT 1"  # noqa: S608
