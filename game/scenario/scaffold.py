# ruff: noqa: E501 (the template keeps the line lengths of the file it writes)
"""``outofthebox new``: a commented scenario for a first-time author to fill in.

The scaffold validates as it is written (a test holds it to that), so an author starts
from a file that works and changes one thing at a time, running ``validate`` as they go.
The comments explain every field where it first appears, in the author's words rather
than a programmer's.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from game.scenario.diagnostics import slugify

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

#: (kind, sector) guessed from words in a role id, first match wins.
_GUESSES: tuple[tuple[str, str, str], ...] = (
    ("librar", "librarian", "public"),
    ("bibliot", "librarian", "public"),
    ("literacy", "literacy-organization", "civic"),
    ("laese", "literacy-organization", "civic"),
    ("teat", "theatre", "civic"),
    ("skole", "school", "public"),
    ("sundhed", "health", "public"),
    ("aeldre", "senior-centre", "civic"),
    ("plejehjem", "nursing-home", "public"),
    ("forening", "voluntary-organization", "civic"),
    ("sparekasse", "business", "market"),
    ("butik", "business", "market"),
    ("virksomhed", "business", "market"),
    ("museum", "museum", "public"),
    ("science", "science-centre", "public"),
    ("school", "school", "public"),
    ("universit", "university", "public"),
    ("health", "health", "public"),
    ("senior", "senior-centre", "civic"),
    ("nursing", "nursing-home", "public"),
    ("theat", "theatre", "civic"),
    ("phone", "telephone-operator", "market"),
    ("telecom", "telephone-operator", "market"),
    ("it-", "it-business", "market"),
    ("business", "business", "market"),
    ("shop", "business", "market"),
    ("cafe", "business", "market"),
    ("bank", "business", "market"),
    ("parents", "community-group", "civic"),
    ("community", "community-group", "civic"),
    ("group", "community-group", "civic"),
    ("association", "voluntary-organization", "civic"),
    ("volunt", "voluntary-organization", "civic"),
)


class ScaffoldError(Exception):
    """A usage problem: bad role ids, or a file that would be overwritten."""


def guess_kind(role_id: str) -> tuple[str, str]:
    """The kind and sector a role id suggests: a word of the id starts with a known stem.

    Words, not substrings: "visit-centre" is not an IT business.
    """
    id_words = role_id.split("-")
    for stem, kind, sector in _GUESSES:
        stem_words = stem.strip("-").split("-")
        for start in range(len(id_words) - len(stem_words) + 1):
            window = id_words[start : start + len(stem_words)]
            if all(word.startswith(part) for word, part in zip(window, stem_words, strict=True)):
                if stem.endswith("-") and window[-1] != stem_words[-1]:
                    continue  # "it-" must be the whole word "it"
                return kind, sector
    for stem, kind, sector in _GUESSES:  # compound words: "laeseforening", "sparekassen"
        if len(stem) >= 5 and stem in role_id:
            return kind, sector
    return "other", "civic"


def scaffold_text(role_ids: list[str]) -> str:
    _check_roles(role_ids)
    parts = [_HEADER, _ROLES_INTRO]
    for index, role_id in enumerate(role_ids):
        parts.append(_role(role_id, index, first=index == 0))
    parts.append(_PROJECT.replace("{first}", role_ids[0]))
    parts.append(_EVENTS.replace("{first}", role_ids[0]))
    return "".join(parts)


def write_scaffold(path: Path, role_ids: list[str], force: bool = False) -> None:
    text = scaffold_text(role_ids)
    if path.exists() and not force:
        raise ScaffoldError(f"{path} exists already; choose another name or add --force")
    if not path.parent.is_dir():
        raise ScaffoldError(f"the folder {path.parent} does not exist")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ScaffoldError(f"cannot write {path}: {error.strerror or error}") from None


def _check_roles(role_ids: list[str]) -> None:
    if not 2 <= len(role_ids) <= 6:
        raise ScaffoldError(f"a scenario has 2 to 6 roles; --roles names {len(role_ids)}")
    for role_id in role_ids:
        if not _ID.match(role_id) or len(role_id) > 40:
            suggestion = slugify(role_id)[:40]
            raise ScaffoldError(
                f'"{role_id}" cannot be a role id: use lower-case letters, digits and hyphens'
                + (f', e.g. "{suggestion}"' if suggestion else "")
            )
    if len(set(role_ids)) != len(role_ids):
        raise ScaffoldError("--roles names the same role twice")


def _title(role_id: str) -> str:
    return role_id.replace("-", " ").title()


def _yaml_text(text: str) -> str:
    """``text`` as a YAML value: quoted only where YAML would read it otherwise (On, 2024)."""
    import yaml

    return yaml.safe_dump(text, width=1000).splitlines()[0]


def _role(role_id: str, index: int, first: bool) -> str:
    kind, sector = guess_kind(role_id)
    # Points with something to trade: each role cares most about a different issue.
    favourite = index % 3
    branding = [25, 15, 0] if kind == "librarian" else [5, 20, 15 + 5 * (sector == "market")]
    cost = [10, 20, 5] if favourite != 1 else [0, 25, 10]
    duration = [20, 10, 0] if favourite != 2 else [5, 25, 15]
    best = max(branding) + max(cost) + max(duration)
    walk_away = best // 2 - 5

    def line(text: str, comment: str) -> str:
        return f"{text:<34}# {comment}\n".replace("}#", "}  #") if first else text + "\n"

    text = "\n" + "".join(
        [
            line(f"  - id: {role_id}", "how the rest of the file refers to this role"),
            line(
                f"    name: {_yaml_text(_title(role_id))}",
                "TODO: the real name, as the room sees it",
            ),
            line(f"    kind: {kind}", "librarian, museum, business, school, … (see the guide)"),
            line(f"    sector: {sector}", "public, civic or market"),
            f"    mission: TODO - what {_title(role_id)} is for, in one sentence.\n",
            "    passion: TODO - what its people care about most.\n",
            "    ambitions:\n",
            "      - TODO - what it hopes to achieve this year\n",
            f"    competencies: [{_competencies(kind)}]\n",
            line("    resources: {staff_time: 4, budget: 3}", "what it can spend each round"),
            line("    brand: 3", "0 (unknown in town) to 10 (everyone knows it)"),
        ]
    )
    if first:
        text += """    # The confidential brief: only this team ever sees it.
"""
    text += f"""    brief:
      text: |
        TODO - what {_title(role_id)} really wants from these projects, and what it fears.
"""
    text += line("      risk_tolerance: 5", "0 (avoids every risk) to 10 (loves a gamble)")
    if first:
        text += """      # Points without a deal (the walk-away value, or BATNA). A deal that gives this
      # role less is "win-lose" and scores nothing on win-win.
"""
    text += f"""      walk_away:
        first-project: {walk_away}
"""
    if first:
        text += """      # Private points for every option of every issue of every project.
"""
    text += f"""      points:
        first-project:
          branding: {{library-only: {branding[0]}, co-branded: {branding[1]}, sponsor-logo: {branding[2]}}}
          cost-split: {{library-pays: {cost[0]}, equal-shares: {cost[1]}, partner-pays: {cost[2]}}}
          duration: {{pilot: {duration[0]}, one-year: {duration[1]}, permanent: {duration[2]}}}
"""
    if kind == "librarian":
        text += """      # Options this role never accepts, each with the reason it gives when it refuses.
      red_lines:
        - project: first-project
          issue: branding
          option: sponsor-logo
          reason: The library is a commercial-free space; no sponsor logos.
"""
    return text


def _competencies(kind: str) -> str:
    return {
        "librarian": "venue, storytelling, community-reach",
        "museum": "exhibits, local-history",
        "business": "funding, marketing",
        "it-business": "digital-skills, funding",
        "telephone-operator": "network, marketing",
        "community-group": "volunteers, local-knowledge",
    }.get(kind, "local-knowledge")


_HEADER = """\
# A new Out of the Box scenario. It is valid as it is: change one thing at a time and
# check it with   outofthebox validate THIS-FILE
# The authoring guide (docs/scenario-format.md) explains every field.
# Lines starting with # are comments; indentation is two spaces, never tabs.
# Completion in your editor (VS Code with the YAML extension, and others):
#   outofthebox schema > scenario.schema.json
# then make this the first line:  # yaml-language-server: $schema=scenario.schema.json

format: 1
id: my-town                  # TODO: a short name: lower-case letters, digits, hyphens
title: TODO - the scenario's title
language: en                 # en or da
summary: >
  TODO - two or three sentences for the scenario chooser: the town, the teams, the stakes.
rounds: 6                    # every team has one turn per round
round_timer_seconds: 300     # optional: the trainer's timer per round
trainer_notes: |
  TODO - how to run it, what to watch for, questions for the debrief.
"""

_ROLES_INTRO = """
# The teams at the table (2 to 6). Everyone sees a role's public profile.
roles:"""

_PROJECT = """
# The shared goals on the table. A deal on a project picks one option for every issue.
projects:
  - id: first-project
    title: TODO - the project's title
    description: TODO - what the partners would do together.
    needs: [venue, funding]       # competencies the project needs
    serves: [families]            # the user groups it serves
    issues:
      - id: branding
        title: Whose name is on it?
        options:
          - id: library-only
            label: Library only
          - id: co-branded
            label: Co-branded
            flags: [novel]          # novel, commercial, outside-usual-role, permanent, pilot, user-led
          - id: sponsor-logo
            label: The sponsor's logo
            flags: [commercial]
            risk: 3                 # 0 (none) to 10 (very risky)
      - id: cost-split
        title: Who pays?
        options:
          - id: library-pays
            label: The first team pays
            cost_for: {{first}: {budget: 2}}   # a cost for named roles only
          - id: equal-shares
            label: Equal shares
            cost: {budget: 1}                  # a cost for every participant, per round
          - id: partner-pays
            label: The partners pay
            risk: 2
      - id: duration
        title: For how long?
        options:
          - id: pilot
            label: A three-month pilot
            flags: [pilot]
          - id: one-year
            label: One year
            risk: 2
          - id: permanent
            label: Permanent
            flags: [permanent]
            risk: 5
    # Optional: what users need, found by consulting them (raises innovation).
    user_needs:
      - id: weekend-activities
        group: families
        text: Families want something to do together on Saturdays.
        served_by: [duration.one-year]
    # When a deal is signed. Here: at least two roles, and every one of them accepts.
    approval:
      min_participants: 2
"""

_EVENTS = """
# The event deck: after a round a card may be drawn by (seeded) chance.
events:
  - id: press-coverage
    title: The local paper writes about it
    text: A reporter covers the new partnership. Everyone in it is better known.
    weight: 2                   # how likely this card is, relative to the others
    when: {agreements_at_least: 1}
    effects:
      - {kind: change-brand, role: signed-participants, amount: 1}
  - id: budget-cut
    title: Budget cut
    text: The council cuts next year's culture budget.
    when: {round_at_least: 3}
    effects:
      - {kind: change-resource, role: {first}, resource: budget, amount: -1}
"""
