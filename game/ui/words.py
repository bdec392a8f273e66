"""Scenario vocabulary said in the interface's language (sectors, resources, yes/no)."""

from __future__ import annotations

from game.ui.i18n import Translator


def sector_name(t: Translator, sector: str) -> str:
    names = {"public": t("public sector"), "civic": t("civic sector"), "market": t("market sector")}
    return names.get(sector, sector)


def resources(t: Translator, staff_time: int, budget: int) -> str:
    return t("{staff} staff · {budget} budget", staff=staff_time, budget=budget)


def status_name(t: Translator, status: str) -> str:
    names = {
        "open": t("still on the table"),
        "signed": t("✓ signed"),
        "rejected": t("✗ rejected"),
        "countered": t("↺ countered"),
        "expired": t("expired"),
        "superseded": t("superseded"),
    }
    return names.get(status, status)


def deal_line(t: Translator, deal: dict, names: dict[str, str], titles: dict[str, str]) -> str:
    """One deal of a view in a line: its number, project, proposer and where it stands."""
    return t(
        "Deal {number} ({project}, from {proposer}): {status}",
        number=deal["number"],
        project=titles[deal["project"]],
        proposer=names[deal["proposer"]],
        status=status_name(t, deal["status"]),
    )


def prose(text: str) -> str:
    """A YAML block's hard-wrapped lines as flowing paragraphs (a blank line still parts them)."""
    paragraphs = [" ".join(part.split()) for part in text.strip().split("\n\n")]
    return "\n".join(p for p in paragraphs if p)


def tag(word: str) -> str:
    """A scenario's tag as words: "reading-promotion" reads "reading promotion"."""
    return word.replace("-", " ")


def personality_name(t: Translator, personality: str) -> str:
    names = {
        "cooperative": t("cooperative"),
        "competitive": t("competitive"),
        "cautious": t("cautious"),
        "reciprocal": t("reciprocal"),
    }
    return names.get(personality, personality)


def question_kind_name(t: Translator, kind: str) -> str:
    """A kind of perspective-taking question (``state.QUESTIONS``) in a word or two: the
    progress chart's legend."""
    names = {
        "rank": t("Ranking the issues"),
        "accept": t("Their answer to a deal"),
        "walk-away": t("Walk-away"),
        "preferred": t("Preferred option"),
        "risk-limit": t("Risk limit"),
        "personality": t("Kind of partner"),
    }
    return names.get(kind, kind)
