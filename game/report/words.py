"""The report's translator, and the scenario's vocabulary said in the report's language.

The report keeps its own table (``game/report/locale/da.json``) apart from the screens':
the two are written and checked by different people at different times, and a printed
page says things a projector never does (signature lines, evaluation milestones).
"""

from __future__ import annotations

from pathlib import Path

from game.i18n import LANGUAGES, Translator

__all__ = ["LANGUAGES", "LOCALE_DIR", "Translator", "translator"]

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def translator(language: str = "en") -> Translator:
    """The report's words in ``language`` ("en" or "da"); ValueError for any other."""
    return Translator(language, LOCALE_DIR)


def sector_name(t: Translator, sector: str) -> str:
    names = {"public": t("public sector"), "civic": t("civic sector"), "market": t("market sector")}
    return names.get(sector, sector)


def tag(word: str) -> str:
    """A scenario's tag as words: "reading-promotion" reads "reading promotion"."""
    return word.replace("-", " ")


def prose(text: str) -> list[str]:
    """A YAML block's hard-wrapped lines as paragraphs (a blank line parts them)."""
    return [" ".join(part.split()) for part in text.strip().split("\n\n") if part.strip()]


def amounts(t: Translator, staff_time: int, budget: int) -> str:
    """Staff time and budget per round, or "nothing" when both are 0."""
    parts = []
    if staff_time:
        parts.append(t("{count} staff time", count=staff_time))
    if budget:
        parts.append(t("{count} budget", count=budget))
    return t(" and ").join(parts) if parts else t("nothing")


def listing(t: Translator, items: list[str]) -> str:
    """ "a, b and c" in the report's language."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t(" and ") + items[-1]


def status_name(t: Translator, status: str) -> str:
    names = {
        "open": t("still on the table"),
        "signed": t("signed"),
        "rejected": t("rejected"),
        "countered": t("countered"),
        "expired": t("expired"),
        "superseded": t("superseded"),
    }
    return names.get(status, status)


def axis_name(t: Translator, axis: str) -> str:
    names = {"win_win": t("Win-win"), "risk": t("Risk"), "innovation": t("Innovation")}
    return names[axis]
