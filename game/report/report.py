"""The debrief report: one self-contained, printable HTML file for one or several tables.

For each table (a save): its scores with their reasons, the lessons the game showed, the
best deals that were possible (``missed.py``, from the analyser), every signed agreement
written out as a partnership agreement (``agreement.py``), and the timeline. Several saves
of one scenario open with the tables side by side (``compare.py``). ``write_report`` is
what the command line and the debrief scene call.

**What the report may show.** Every page of the report is shared: it is projected in the
debrief, printed for every team and taken home. So it holds what the room saw during the
game — public profiles, deals and their terms, the reasons teams gave aloud when they
refused, event cards, agreements — and the debrief's scores, which exist to be shown
after the game. It never holds a role's brief text, its private points table, its
walk-away values, its points, its risk tolerance, its red lines or their reasons, what an
exploration revealed, or a perspective-taking prediction. The scoring's reasons quote some
of those numbers (a win-lose reason names the loser's points and walk-away value; the
win-win reason the joint points): the report says them again without the numbers, as
shares of what was possible (``phrases.py``). A team's own result stands beside the
table's score, because that comparison is the lesson, as its own gain: the share of the
gain it could have had (``game/scoring/shares.py``); its points would give its walk-away
values away (a team that signed nothing has exactly those). A refusal's reason is printed
as said unless it quotes a red line (a computer partner says no in its brief's words):
then only who said no (``game/engine/narration.py``, as on the debrief screen). The
policy, for the report and the debrief screen alike, is in docs/report.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from game.engine.record import OLDER_RULES, RULES_VERSION, GameRecord, write_atomically
from game.engine.rules import ending
from game.engine.state import GameState
from game.i18n import Translator
from game.report.agreement import agreement_page, agreement_title
from game.report.compare import comparison_section
from game.report.games import Game, load_games, named
from game.report.html import Markup, document, para, tag
from game.report.missed import best_deals_section
from game.report.sections import lessons_section, scores_section
from game.report.style import STYLE
from game.report.timeline import timeline_section
from game.report.words import translator
from game.scoring.axes import Scores, score_game
from game.scoring.lessons import Lesson, lessons


def build_report(games: Sequence[Game], language: str = "en") -> str:
    """The report for one table, or several tables of one scenario, as one HTML page."""
    if not games:
        raise ValueError("a report needs at least one game")
    t = translator(language)
    teams = [_teams_line(game, t) for game in games]  # before the names change
    # the tables side by side compare roles (each table named its teams its own way)
    plain = list(games)
    games = [named(game) for game in games]
    scenario = games[0].scenario
    scores = [score_game(game.state) for game in games]
    found = [lessons(game.state) for game in games]
    several = len(games) > 1
    body: list[object] = [_cover(games, t)]
    if several:
        body.append(comparison_section(plain, scores, found, t))
    for index, (game, scored, shown, line) in enumerate(
        zip(games, scores, found, teams, strict=True), 1
    ):
        body.append(_table(game, scored, shown, t, f"t{index}", several, line))
    title = t("Debrief report: {scenario}", scenario=scenario.title)
    return document(title, language, STYLE, body)


def write_report(saves: Sequence[Path], path: Path, language: str = "en") -> Path:
    """Read the saves (SaveError names a bad one), write the report atomically to ``path``."""
    html = build_report(load_games([Path(save) for save in saves]), language)
    write_atomically(Path(path), html)
    return Path(path)


def write_game_report(
    record: GameRecord,
    state: GameState,
    path: Path,
    language: str = "en",
    label: str = "",
    teams: dict[str, str] | None = None,
) -> Path:
    """The report of a game in hand (the debrief scene's), without reading its save again;
    ``teams`` the teams' own names by role id."""
    game = Game(record, state, label or state.scenario.title, dict(teams or {}))
    html = build_report([game], language)
    write_atomically(Path(path), html)
    return Path(path)


def rounds_played(state: GameState, t: Translator) -> str:
    """The rounds actually played, and why the game ended early if it did."""
    end = ending(state)
    if end is None:
        return t("{rounds} of {total} rounds", rounds=state.round, total=state.scenario.rounds)
    if end.early:
        return t(
            "{rounds} of {total} rounds: every project was signed",
            rounds=end.played,
            total=end.total,
        )
    return t("{total} rounds", total=end.total)


def _played(game: Game, t: Translator) -> str:
    state = game.state
    facts = [
        t("seed {seed}", seed=game.record.seed),
        rounds_played(state, t),
        t("{count} actions", count=len(game.record.actions)),
    ]
    if game.record.started:
        try:
            started = datetime.fromisoformat(game.record.started)
            facts.append(t("started {date}", date=started.strftime("%Y-%m-%d %H:%M UTC")))
        except ValueError:
            pass
    if not state.finished:
        facts.append(t("not finished"))
    said = ", ".join(facts)
    if game.record.older_rules:
        said += ". " + t(OLDER_RULES, old=game.record.rules, new=RULES_VERSION)
    return said


def _cover(games: Sequence[Game], t: Translator) -> Markup:
    scenario = games[0].scenario
    several = len(games) > 1
    entries = []
    if several:
        entries.append(tag("li", tag("a", t("The tables side by side"), href="#comparison")))
    for index, game in enumerate(games, 1):
        prefix = f"t{index}"
        links = [
            tag("li", tag("a", t("Scores"), href=f"#{prefix}-scores")),
            tag("li", tag("a", t("Lessons"), href=f"#{prefix}-lessons")),
            tag("li", tag("a", t("The best deals that were possible"), href=f"#{prefix}-best")),
            tag(
                "li",
                [
                    tag("a", t("Written partnership agreements"), href=f"#{prefix}-agreements"),
                    tag(
                        "ul",
                        [
                            tag(
                                "li",
                                tag(
                                    "a",
                                    agreement_title(t, game.state, a),
                                    href=f"#{prefix}-deal-{a.deal.number}",
                                ),
                            )
                            for a in game.state.agreements
                        ],
                    )
                    if game.state.agreements
                    else "",
                ],
            ),
            tag("li", tag("a", t("Timeline"), href=f"#{prefix}-timeline")),
        ]
        if several:
            entries.append(tag("li", [t("Table: {name}", name=game.label), tag("ol", links)]))
        else:
            entries.extend(links)
    facts = (
        [para(t("{count} tables played this scenario.", count=len(games)))]
        if several
        else [para(t("Played: {facts}.", facts=_played(games[0], t)), class_="muted")]
    )
    return tag(
        "header",
        [
            tag("h1", t("Debrief report: {scenario}", scenario=scenario.title)),
            para(scenario.summary, class_="lead"),
            *facts,
            tag("nav", [tag("h2", t("Contents")), tag("ol", entries)], class_="toc"),
        ],
        class_="cover",
    )


def _teams_line(game: Game, t: Translator) -> str:
    """ "The teams: Team Red (The Museum), …" when any team played under a name of its
    own; "" otherwise."""
    labels = [game.team_label(role.id) for role in game.scenario.roles]
    if labels == [role.name for role in game.scenario.roles]:
        return ""
    return t("The teams: {teams}.", teams=", ".join(labels))


def _table(
    game: Game,
    scores: Scores,
    shown: list[Lesson],
    t: Translator,
    prefix: str,
    several: bool,
    teams: str = "",
) -> Markup:
    state = game.state
    parts: list[object] = []
    if several:
        parts.append(tag("h1", t("Table: {name}", name=game.label), class_="sheet"))
        parts.append(para(t("Played: {facts}.", facts=_played(game, t)), class_="muted"))
    if teams:
        parts.append(para(teams))
    parts.append(scores_section(state, scores, t, 2, f"{prefix}-scores"))
    parts.append(lessons_section(state, shown, t, 2, f"{prefix}-lessons"))
    parts.append(best_deals_section(state, t, 2, f"{prefix}-best"))
    parts.append(
        tag("h2", t("Written partnership agreements"), id=f"{prefix}-agreements", class_="sheet")
    )
    if state.agreements:
        parts.append(
            para(
                t(
                    "Each agreement on its own sheet, ready to be signed: the "
                    "parties, what each contributes and gains, the risks and how they "
                    "are met, evaluation milestones and a communication plan."
                )
            )
        )
        for index, agreement in enumerate(state.agreements):
            anchor = f"{prefix}-deal-{agreement.deal.number}"
            parts.append(agreement_page(state, game.record, agreement, t, anchor, index > 0))
    else:
        parts.append(para(t("No agreement was signed.")))
    timeline = timeline_section(state.scenario, game.record, t, 2, f"{prefix}-timeline")
    parts.append(tag("div", timeline, class_="sheet"))
    return tag("section", parts, id=prefix)
