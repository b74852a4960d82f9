"""The conflict-of-interest check: a local fuzzy match of one name against the people in other cases.

The reps' guide: "Be conscious of, and avoid, conflicting interests. If a member seeks help about
another member, or another non-union employee, reflect on whether you, or UCU, may have any
conflicting interests." Adding a case or a party runs `find_conflicts` against the members and
parties of every other case. A hit is reported by case reference and role only, never by the
other person's name, so the check itself does not spread one member's details into another case.

Pure: no Qt, no SQL, no I/O. The caller supplies the candidates.

How two names are compared (each rule has a test that fails without it):

* Normalisation: compatibility decomposition with combining marks stripped ("Zoë" -> "zoe",
  "Nguyễn" -> "nguyen"), casefolding, and folds for letters that do not decompose ("ø" -> "o",
  "ł" -> "l", "æ" -> "ae", ...). Apostrophes join ("O'Neill" -> "oneill"); any other
  punctuation or hyphen splits ("Mary-Ann" -> "mary", "ann"). Tokens are sorted: order is ignored.
* "ü" folds to "u", not "ue": a German spelling "Mueller" still matches "Müller" because
  "muller"/"mueller" is one edit, while folding to "ue" would lose "Müller" vs "Muller".
* Tokens match when their Damerau-Levenshtein distance (adjacent swaps count as one edit) is
  within a tolerance set by the *shorter* token: 0 edits for up to 3 letters, 1 for 4-7, 2 for
  8 or more. Short tokens get no slack because one letter changes a short name entirely
  ("Ann" and "Anne" do not match; "Lee" and "Leeds" do not either).
* Two names match when every token of the shorter name pairs with a distinct token of the other,
  and at least two tokens pair up, unless both names have the same number of tokens. So a
  missing middle name is tolerated ("Lan Nguyen" matches "Nguyen Thi Lan"), but a lone first name
  ("Lan") matches nobody but another lone "Lan".
* Joined and split tokens: "Maryann" vs "Mary Ann" and "Oneill" vs "O Neill". The comparison is
  also tried with any two tokens of one side joined (in either order).

Tokens are paired greedily, closest first; with the two to four tokens of a real name this finds
the best pairing in practice, and it keeps the comparison cheap.

Cost: `find_conflicts` is linear in the number of candidates, and compares each distinct name
once: in a big vault the same names recur, and a common first name alone brought thousands of
them. Before comparing, it asks once per distinct candidate token whether that token could pair
with the query at all; a candidate with too few such tokens for its token count is skipped, and
a lone-token query is only compared with two-token names whose joined length is within reach
(neither filter drops a real match, see the comments there). The edit distance is bounded (it
stops once the tolerance is exceeded) and cached, and the joined-token variants are only tried
when the plain comparison fails.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import permutations
from typing import NamedTuple

# Letters that NFKD does not decompose into a base letter plus a combining mark.
_SPECIAL_FOLDS = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "\u0131": "i",  # dotless i
        "ħ": "h",
        "Ħ": "h",
        "ŧ": "t",
        "Ŧ": "t",
        "ŀ": "l",
        "Ŀ": "l",
    }
)

# Apostrophes join the parts of a name ("O'Neill", and the same typed with a curly or modifier
# apostrophe); other punctuation separates.
_DROP_APOSTROPHES = str.maketrans(dict.fromkeys("'\u2019\u2018\u02bc\u02bb`\u00b4"))
# Anything but letters and digits separates tokens ("_" counts as a word character for \W).
_SEPARATORS = re.compile(r"[\W_]+")

MATCH_MIN_TOKENS = 2


class Candidate(NamedTuple):
    """A person already in the vault: the case they belong to, their role there, their name."""

    ref: str
    role: str
    name: str


class Match(NamedTuple):
    """A possible conflict, as shown to the rep: reference and role only, never the name."""

    ref: str
    role: str
    score: float


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> tuple[str, ...]:
    """The name as sorted, folded tokens: "Zoë O'Neill" -> ("oneill", "zoe")."""
    # ASCII is the common case and by far the cheapest. Otherwise fold again after casefolding,
    # which can itself produce combining marks ("İ" -> "i" + dot above).
    folded = name.lower() if name.isascii() else _strip_marks(_strip_marks(name).casefold())
    return tuple(sorted(token for token in _SEPARATORS.split(folded.translate(_DROP_APOSTROPHES)) if token))


def tolerance(a: str, b: str) -> int:
    """Edits allowed between two tokens, set by the shorter one."""
    return _tolerance_for(min(len(a), len(b)))


def _tolerance_for(shorter: int) -> int:
    if shorter <= 3:
        return 0
    if shorter <= 7:
        return 1
    return 2


@lru_cache(maxsize=262144)
def _bounded_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, or limit + 1 once it exceeds limit."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def token_distance(a: str, b: str) -> int | None:
    """Edits between two tokens, or None when they are further apart than `tolerance` allows."""
    limit = tolerance(a, b)
    # Cache key in a fixed order so the comparison is symmetric and cached once per pair.
    x, y = (a, b) if a <= b else (b, a)
    distance = _bounded_distance(x, y, limit)
    return distance if distance <= limit else None


class _Pairing(NamedTuple):
    matched: bool
    score: float


def _pair(a: tuple[str, ...], b: tuple[str, ...]) -> _Pairing:
    """Pair the tokens of two names closest first; judge and score the pairing."""
    if not a or not b:
        return _Pairing(False, 0.0)
    edges: list[tuple[int, str, str, int, int]] = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            distance = token_distance(x, y)
            if distance is not None:
                # Sort key independent of argument order, so similarity(a, b) == similarity(b, a).
                lo, hi = (x, y) if x <= y else (y, x)
                edges.append((distance, lo, hi, i, j))
    edges.sort(key=lambda edge: edge[:3])
    used_a: set[int] = set()
    used_b: set[int] = set()
    closeness = 0.0
    for distance, lo, hi, i, j in edges:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        closeness += 1.0 - distance / max(len(lo), len(hi))
    pairs = len(used_a)
    shorter = min(len(a), len(b))
    matched = pairs == shorter and (pairs >= MATCH_MIN_TOKENS or len(a) == len(b))
    # Dice-style: pairs weighted by closeness over the tokens of both names, so a missing middle
    # name lowers the score without preventing the match.
    return _Pairing(matched, 2.0 * closeness / (len(a) + len(b)))


def _joined(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Every way to join two tokens of the name into one: "mary", "ann" -> "maryann" / "annmary"."""
    variants: set[tuple[str, ...]] = set()
    for i, j in permutations(range(len(tokens)), 2):
        rest = [t for k, t in enumerate(tokens) if k not in (i, j)]
        variants.add(tuple(sorted([*rest, tokens[i] + tokens[j]])))
    return variants


def _compare(a: tuple[str, ...], b: tuple[str, ...]) -> _Pairing:
    best = _pair(a, b)
    if best.matched:
        return best
    for x, y in [*((v, b) for v in _joined(a)), *((a, v) for v in _joined(b))]:
        pairing = _pair(x, y)
        if (pairing.matched, pairing.score) > (best.matched, best.score):
            best = pairing
    return best


def similarity(a: str, b: str) -> float:
    """How alike two names are, from 0 (nothing in common) to 1 (the same after normalisation).
    For ranking; whether they match at all is `is_match`."""
    return _compare(normalise_name(a), normalise_name(b)).score


def is_match(a: str, b: str) -> bool:
    """Whether two names may be the same person, by the rules in the module docstring."""
    return _compare(normalise_name(a), normalise_name(b)).matched


# ---- the index that finds the candidates worth comparing -------------------------------------
#
# Comparing a name with every member and party is linear in the vault (402 ms at 100k cases), so
# the store keeps, for every token of every name, its "deletion keys" (SymSpell): the token with
# up to n of its letters deleted. Two tokens within d edits of each other (Damerau: an adjacent
# swap counts as one) share a key with at most d deletions on each side: a substitution deletes
# the letter from both, an insertion from the longer, a swap one of the two letters from both.
# Each side is keyed to the tolerance its own length would allow, and never less than one
# deletion (the split lookup below needs one), so the keys find every token `token_distance`
# accepts, and more; `find_conflicts` still decides. A superset, never a guess.


def key_depth(token: str) -> int:
    """Deletions keyed for a token: the tolerance a token of its length allows, at least one."""
    return max(1, tolerance(token, token))


def deletion_keys(token: str, depth: int | None = None) -> frozenset[str]:
    """The token with every choice of up to `depth` (default `key_depth`) letters deleted."""
    keys = {token}
    frontier = {token}
    for _ in range(key_depth(token) if depth is None else depth):
        frontier = {t[:i] + t[i + 1 :] for t in frontier for i in range(len(t))}
        keys |= frontier
    return frozenset(keys)


def index_tokens(name: str) -> frozenset[str]:
    """The tokens a stored name is indexed under (its normalised tokens)."""
    return frozenset(normalise_name(name))


def query_keys(name: str) -> frozenset[str]:
    """The keys to look up for `name`: every index token that could take part in a match shares
    at least one of them.

    * The query's tokens, and any two of them joined ("Mary Ann" against a stored "Maryann").
    * A one-token query can also match a two-token name joined ("Maryann" against "Mary Ann"),
      where neither stored token is close to the query on its own. If the joined name c1 + c2 is
      within d edits of the query q, q splits somewhere into q1 + q2 with the edits of c1 to q1
      and of c2 to q2 adding up to at most d + 1 (one swap across the join costs two edits when
      split), so at most 3: one of the two is at most one edit away. Hence the pieces of every
      split of q, with one deletion, against the stored tokens' keys, which always go one deep.
    A name with more tokens needs none of that: its match always pairs a stored token plainly
    (the rules in the module docstring need two pairs, or equal counts, and a join uses one)."""
    tokens = normalise_name(name)
    keys: set[str] = set()
    for token in {*tokens, *(t for variant in _joined(tokens) for t in variant)}:
        keys |= deletion_keys(token)
    if len(tokens) == 1:
        (query,) = tokens
        for i in range(len(query) + 1):
            keys |= deletion_keys(query[:i], 1) | deletion_keys(query[i:], 1)
    return frozenset(keys)


def _split_pieces(token: str) -> set[str]:
    """Every prefix and suffix of the token, the empty ones and the whole token included."""
    return {piece for i in range(len(token) + 1) for piece in (token[:i], token[i:])}


def _within_one(a: str, b: str) -> bool:
    x, y = (a, b) if a <= b else (b, a)
    return _bounded_distance(x, y, 1) <= 1


def useful_tokens(name: str, tokens: Iterable[str]) -> set[str]:
    """Of `tokens` (those the index found by `query_keys`), the ones a match of `name` can rest
    on: names with none of them cannot match, so their names need not be read at all.

    Keys alone are loose: a one-token query's split pieces are short, and their keys ("", "e",
    "el") are shared by many tokens that pair with nothing. Every comparison `_compare` tries has
    at least one pair (`_pair` pairs every token of the shorter side). So:

    * With two or more query tokens, some candidate token pairs on its own with a query token or
      two query tokens joined. Compared plainly or with two query tokens joined, every pair has
      one. With two candidate tokens joined, a single pair matches only a one-token query (`_pair`
      needs two unless the counts are equal), so there are two pairs, and one is a candidate
      token on its own.
    * With one query token, the candidate is that one token paired, or two tokens joined within
      the tolerance of the query (the `query_keys` docstring): then one of the two is at most one
      edit from a prefix or suffix of the query.
    """
    query = normalise_name(name)
    if not query:
        return set()
    pairable = {*query, *(t for variant in _joined(query) for t in variant)}
    pieces = _split_pieces(query[0]) if len(query) == 1 else set()

    def useful(token: str) -> bool:
        if any(token_distance(token, q) is not None for q in pairable):
            return True
        return any(_within_one(token, piece) for piece in pieces)

    return {token for token in tokens if useful(token)}


@lru_cache(maxsize=64)
def _hits_needed(query: int, other: int) -> int | None:
    """How many of a candidate's `other` tokens must pair on their own with a query of `query`
    tokens (plainly, or with two query tokens joined) for the names to match at all; None when
    no comparison `_compare` tries can match these counts.

    The comparison pairs every token of the shorter side, and needs two pairs unless the sides
    have as many tokens (`_pair`). Tried plainly, every paired candidate token pairs on its own.
    With two query tokens joined, the candidate's tokens pair with query tokens or the joined
    one: the same. With two candidate tokens joined, the joined one is the only pair that may
    not: one fewer. So "Mary Smith" needs both of a two-token candidate's tokens to pair, and
    a one-token "Maryann" none of "Mary Ann"'s (joined, they may still match). Zero only there:
    one query token against two."""
    options = [(query, other, 0)]
    if query >= 2:
        options.append((query - 1, other, 0))
    if other >= 2:
        options.append((query, other - 1, 1))
    needs = [min(a, b) - joined for a, b, joined in options if min(a, b) >= MATCH_MIN_TOKENS or a == b]
    return min(needs) if needs else None


def _join_in_reach(query: str, other: tuple[str, ...]) -> bool:
    """Whether two tokens joined could be within the tolerance of one query token: the bounded
    distance gives up on a difference in length greater than the tolerance, so this is its
    first test, made without joining or comparing (a lone first name meets thousands of full
    names, almost all of them far too long)."""
    joined = sum(map(len, other))
    return abs(joined - len(query)) <= _tolerance_for(min(joined, len(query)))


def find_conflicts(name: str, candidates: Iterable[Candidate]) -> list[Match]:
    """The candidates whose names match `name`, as (ref, role, score): best first, then by ref."""
    tokens = normalise_name(name)
    if not tokens:
        return []
    query_joins = {token for variant in _joined(tokens) for token in variant} - set(tokens)
    # Per distinct candidate token: does it pair with a query token, or with two query tokens
    # joined? First names and surnames recur across cases, so this is mostly dictionary lookups.
    hits: dict[str, bool] = {}

    def hit(token: str) -> bool:
        known = hits.get(token)
        if known is None:
            known = any(token_distance(token, q) is not None for q in tokens) or any(
                token_distance(token, j) is not None for j in query_joins
            )
            hits[token] = known
        return known

    def score(other: tuple[str, ...]) -> float | None:
        need = _hits_needed(len(tokens), len(other))
        if need is None or (need and sum(map(hit, other)) < need):
            return None
        if need == 0 and not _join_in_reach(tokens[0], other):
            return None
        pairing = _compare(tokens, other)
        return round(pairing.score, 3) if pairing.matched else None

    # By normalised name: the same name in many cases is compared once.
    scores: dict[tuple[str, ...], float | None] = {}
    found: list[Match] = []
    for ref, role, other in candidates:
        other_tokens = normalise_name(other)
        if other_tokens in scores:
            known = scores[other_tokens]
        else:
            known = scores[other_tokens] = score(other_tokens)
        if known is not None:
            found.append(Match(ref, role, known))
    found.sort(key=lambda match: (-match.score, match.ref, match.role))
    return found
