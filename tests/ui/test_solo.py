"""Solo practice played on the screens with posted clicks and keys only: the setup, both
perspective-taking exercises, the summary, and "play again as" from another seat."""

from __future__ import annotations

import pygame

from game.engine.perspective import true_ranking
from game.engine.record import Session
from game.session.practice import exercise_round, ranking_exercise
from game.session.progress import ProgressStore
from game.session.workshop import Workshop, default_seats
from game.ui.app import App
from game.ui.i18n import Translator
from game.ui.scenes.exercise import answer_words
from game.ui.shot import staged_app
from tests.helpers import SCENARIOS
from tests.ui.driver import click, drawn_text, labels, press, step, type_text
from tests.ui.test_secrets import secrets_of

TUTORIAL = SCENARIOS / "tutorial-reading-cafe.yaml"


def practise(app: App, title: str) -> None:
    step(app)
    click(app, "Practise alone")
    assert app.scene.name == "chooser"
    click(app, title, exact=True)
    click(app, "Play this scenario")
    assert app.scene.name == "solo"


def no_secret_of(app: App, role: str) -> None:
    """Nothing of ``role``'s confidential brief or red lines is on the screen."""
    scenario = app.workshop.state.scenario
    shown = " ".join(drawn_text(app).split())
    for window in secrets_of(scenario)[role]:
        assert window not in shown, f"{app.scene.name} shows {role}'s secret: {window!r}"


def view_of(prediction) -> dict:
    """A prediction as the person's view holds it."""
    return {"answer": prediction.answer, "countered": prediction.countered}


def wait_for_person(app: App, until=None) -> None:
    """Let the computer partners play (pace 0) until it is the person's turn or the end
    (or ``until()`` holds)."""
    workshop = app.workshop
    for _ in range(200):
        if until is not None and until():
            return
        if workshop.state.finished or (
            app.scene.name == "table" and workshop.state.current_role == workshop.solo_role
        ):
            return
        if (app.scene.name == "predict" and until is None) or app.scene.name in (
            "signed",
            "round",
            "event",
        ):  # a partner answered: the key
            press(app, pygame.K_RETURN)
        else:
            assert app.scene.name == "table", app.scene.name
            step(app)
    raise AssertionError("the computer partners did not finish their turns")


def test_a_librarian_practises_the_tutorial_alone_then_plays_again_as_the_cafe(saves):
    app = App((1280, 720), saves=saves, strict=True, seed=4)
    app.computer_pace = 0.0
    practise(app, "The Reading Café")
    assert "You play this role" in drawn_text(app)
    # the partners' ways are hidden until asked for: nothing to read off the setup
    assert "Computer partner" in drawn_text(app) and "Computer: " not in drawn_text(app)
    type_text(app, "Kirsten")
    click(app, "Every other round")
    click(app, "Every round")  # the default, chosen again: every round has exercises
    click(app, "Start practising")
    workshop = app.workshop
    assert workshop.solo_role == "library" and workshop.seat("cafe").computer
    assert workshop.seat("library").learner == "Kirsten"
    assert app.scene.name == "brief" and app.scene.secret_of == "library"  # no curtain
    assert Workshop.resume(workshop.session.path).seat("library").exercises == "every-round"
    click(app, "Done: hide our brief")
    wait_for_person(app)

    # the turn starts with a ranking exercise: the café's issues, its brief unseen
    press(app, pygame.K_RETURN)
    assert app.scene.name == "rank" and app.scene.exercise.target == "cafe"
    no_secret_of(app, "cafe")
    project = workshop.state.scenario.project(app.scene.exercise.project)
    assert "Check my ranking" not in labels(app)  # enabled once every issue has its place
    for issue in project.issues:
        click(app, issue.title, exact=True)
    click(app, "Check my ranking")
    made = workshop.state.role_state("library").predictions
    assert len(made) == 1 and made[0].ranking == tuple(i.id for i in project.issues)
    assert 0 <= made[0].score <= 100 and made[0].truth
    assert f"Your score: {made[0].score} of 100" in drawn_text(app)
    press(app, pygame.K_RETURN)  # Go on
    assert app.scene.name == "turn" and app.scene.secret_of == "library"

    # a deal, then: will the café accept it? (asked before the café answers)
    press(app, pygame.K_p)
    click(app, "Propose this deal")
    assert app.scene.name == "predict" and app.scene.exercise.deal == 1
    assert workshop.state.deals[0].awaiting() == ("cafe",)
    no_secret_of(app, "cafe")
    assert "No: it holds out for more" in labels(app)  # the answer key's four verdicts
    press(app, pygame.K_1)  # Yes: it accepts
    made = workshop.state.role_state("library").predictions
    assert len(made) == 2 and made[1].deal == 1 and made[1].verdict == "accepts"
    assert made[1].accepts is True
    assert made[1].score is None  # scored when the café answers, on its turn
    assert "Your prediction is noted" in drawn_text(app)
    press(app, pygame.K_RETURN)

    # the café answers on its turn; then its answer, the key and its reason are shown
    wait_for_person(app, until=lambda: app.scene.name == "predict")
    made = workshop.state.role_state("library").predictions
    assert made[1].score in (0, 100) and made[1].answer
    assert "The truth: Kringle Café" in drawn_text(app)
    assert f"In its words: {made[1].truth}" in drawn_text(app)
    press(app, pygame.K_RETURN)

    # the rest of the game: the person passes; each round's turn asks another kind of
    # question (the café's ranking, answered and shown, is never asked again: the
    # tutorial has no other partner or project to rank)
    asked = []
    for _ in range(20):
        wait_for_person(app)
        if workshop.state.finished:
            break
        press(app, pygame.K_RETURN)
        if app.scene.name == "question":
            asked.append(app.scene.exercise.kind)
            no_secret_of(app, "cafe")
            press(app, pygame.K_1)  # the first choice
            assert "Your score:" in drawn_text(app)
            press(app, pygame.K_RETURN)  # Go on
        assert app.scene.name == "turn"
        click(app, "Pass")
    assert asked == ["walk-away", "preferred"]  # three rounds: rank, walk-away, preferred
    assert workshop.state.finished
    for _ in range(10):  # the round's last moments, then the summary
        if app.scene.name == "perspective":
            break
        press(app, pygame.K_RETURN)
    assert app.scene.name == "perspective" and app.scene.secret_of == "library"
    made = [p for p in workshop.state.role_state("library").predictions if p.score is not None]
    mean = round(sum(p.score for p in made) / len(made))
    shown = drawn_text(app)
    assert f"Perspective-taking: {mean} of 100, the mean of {len(made)} predictions." in shown
    assert "The truth: Kringle Café" in shown or "Kringle Café: 1." in shown

    click(app, "Final scores")
    assert app.scene.name == "scores"
    click(app, "Perspective-taking")
    assert app.scene.name == "perspective"

    # the game is kept in Kirsten's progress, and the summary charts it
    games = ProgressStore(workshop.progress_folder).entries("Kirsten")
    assert [g.game for g in games] == [workshop.session.path.name]
    assert {kind: s.count for kind, s in games[0].scores.items()} == {
        kind: sum(1 for p in made if p.kind == kind) for kind in {p.kind for p in made}
    }
    assert "Kirsten: one game so far" in shown

    old = workshop.session
    click(app, "Play the same game, as Kringle Café")
    again = app.workshop
    assert again is not workshop and again.solo_role == "cafe"
    assert again.state.seed == old.state.seed == 4
    assert again.session.record.scenario_file == old.record.scenario_file
    assert again.session.path != old.path and not again.state.actions_taken
    assert again.seat("library").computer and not again.seat("cafe").computer
    assert again.seat("cafe").exercises == "every-round"
    assert again.seat("cafe").learner == "Kirsten"
    assert app.scene.name == "brief" and app.scene.secret_of == "cafe"


def test_every_other_round_from_the_science_centre_each_partner_in_turn(saves):
    """Exercises in rounds 1 and 3 only; the second, of the next kind, asks about another
    partner."""
    app = App((1920, 1080), saves=saves, strict=True, seed=5)
    app.computer_pace = 0.0
    practise(app, "Skovhavn: Science and Code for Families")
    click(app, "Gnisten Science Centre")
    click(app, "Every other round")
    click(app, "Start practising")
    workshop = app.workshop
    me = "science-centre"
    assert workshop.solo_role == me and workshop.seat(me).exercises == "every-other-round"
    assert [seat.computer for seat in workshop.seats].count(False) == 1
    click(app, "Done: hide our brief")
    asked = []
    for round_number in (1, 2, 3):
        wait_for_person(app)
        assert workshop.state.round == round_number
        press(app, pygame.K_RETURN)
        if round_number == 2:
            assert app.scene.name == "turn"  # an even round: no exercise
        else:
            no_secret_of(app, app.scene.exercise.target)
            asked.append(app.scene.exercise.target)
            if round_number == 1:
                assert app.scene.name == "rank"
                issues = workshop.state.scenario.project(app.scene.exercise.project).issues
                for key in (pygame.K_a, pygame.K_b, pygame.K_c, pygame.K_d)[: len(issues)]:
                    press(app, key)
                press(app, pygame.K_RETURN)  # Check my ranking
            else:  # the next kind of question: what a partner gets without a deal
                assert app.scene.name == "question"
                assert app.scene.exercise.kind == "walk-away"
                press(app, pygame.K_2)
            press(app, pygame.K_RETURN)  # Go on
        click(app, "Pass")
    assert len(asked) == 2 and asked[0] != asked[1] and me not in asked
    made = workshop.state.role_state(me).predictions
    assert [p.round for p in made] == [1, 3]
    assert [p.kind for p in made] == ["rank", "walk-away"]


def test_a_workshop_has_no_exercises_and_keeps_its_curtains(saves):
    session = Session.start(TUTORIAL, 1, folder=saves)
    workshop = Workshop(session, default_seats(session.state))
    assert workshop.solo_role is None and ranking_exercise(workshop) is None
    assert all(exercise_round("off", r, 6) is False for r in range(1, 7))
    assert exercise_round("last-round", 6, 6) and not exercise_round("last-round", 5, 6)


def test_the_screens_show_the_partner_s_true_order_even_when_titles_hold_each_other(tmp_path):
    """The café's issues titled "Cost", "staff" and "Cost, staff", in its true order: as
    text the truth would read "Cost, staff, Cost, staff"; the screens take its ids."""
    text = TUTORIAL.read_text(encoding="utf-8")
    state = Session.start(TUTORIAL, 7, folder=tmp_path / "probe").state
    project = state.scenario.projects[0]
    truth = true_ranking(state, "cafe", project.id)
    titles = dict(zip(truth, ("Cost", "staff", "Cost, staff"), strict=True))
    for issue in project.issues:
        text = text.replace(f"title: {issue.title}\n", f'title: "{titles[issue.id]}"\n', 1)
    scenario = tmp_path / "titles.yaml"
    scenario.write_text(text, encoding="utf-8")

    app = staged_app("ranked", (1280, 720), scenario, 7, "en", tmp_path / "saves")
    (made,) = app.workshop.state.role_state("library").predictions
    assert made.truth_ranking == truth and made.truth == "Cost, staff, Cost, staff"
    lines = [d.text for d in app.drawn]
    for place, issue in enumerate(truth, 1):
        title, yours = titles[issue], made.ranking.index(issue) + 1
        mark = "✓" if yours == place else "✗"
        assert f"{place}. {title}   {mark} you said {yours}" in lines

    app = staged_app("perspective", (1280, 720), scenario, 7, "en", tmp_path / "saves2")
    lines = [d.text for d in app.drawn]
    assert "Kringle Café: 1. Cost   2. staff   3. Cost, staff" in lines
    made = app.workshop.state.role_state("library").predictions
    accept = next(p for p in made if p.kind == "accept")
    assert answer_words(Translator(), view_of(accept), "Kringle Café") in lines
    walk_away = next(p for p in made if p.kind == "walk-away")  # the summary's choice line
    low, high = walk_away.truth_choice.split("..")
    assert f"Kringle Café: {low} to {high} points" in lines


def test_the_accept_exercise_notes_the_prediction_until_the_partner_answers(tmp_path):
    app = staged_app("predicted", (1280, 720), TUTORIAL, 7, "en", tmp_path / "saves")
    (made,) = app.workshop.state.role_state("library").predictions
    assert made.accepts is False and made.score is None and made.answer == ""
    assert "Your prediction is noted" in drawn_text(app)


def test_the_partner_s_answer_brings_the_key_and_its_reason(tmp_path):
    app = staged_app("answered", (1280, 720), TUTORIAL, 7, "en", tmp_path / "saves")
    (made,) = app.workshop.state.role_state("library").predictions
    assert made.answer in ("cannot sign", "would refuse", "holds out for more", "accepts")
    assert made.score == (100 if (made.answer == "accepts") == made.accepts else 0)
    shown = drawn_text(app)
    assert answer_words(Translator(), view_of(made), "Kringle Café") in shown
    if made.truth:  # a no says why; a yes says nothing more
        assert f"In its words: {made.truth}" in shown
    else:
        assert "In its words" not in shown


def test_play_again_refuses_a_scenario_changed_since_the_game_began(tmp_path):
    """ "The same scenario, the same luck" holds only if the file is the one played."""
    import shutil

    from game.scenario.loading import load_scenario
    from game.session.practice import solo_seats
    from game.session.workshop import CannotStart

    town = tmp_path / "town.yaml"
    shutil.copy(SCENARIOS / "tutorial-reading-cafe.yaml", town)
    seats = solo_seats(load_scenario(town), "library")
    first = Workshop.start(town, 4, seats, tmp_path)
    assert first.play_again_as("cafe", tmp_path).solo_role == "cafe"  # unchanged: fine
    town.write_text(town.read_text(encoding="utf-8").replace("rounds: 3", "rounds: 4"), "utf-8")
    try:
        first.play_again_as("cafe", tmp_path)
    except CannotStart as error:
        assert "has changed since this game began" in str(error)
    else:
        raise AssertionError("a changed scenario was played again as if it were the same")


def test_the_personality_is_revealed_after_the_answer_with_the_moves_that_showed_it(tmp_path):
    asked = staged_app("personality", (1024, 768), TUTORIAL, 7, "en", tmp_path / "saves")
    before = drawn_text(asked)
    assert "What its moves showed:" not in before and "of its room" not in before
    assert labels(asked)[:4] == ["Cooperative", "Competitive", "Cautious", "Reciprocal"]

    app = staged_app("personality-answered", (1024, 768), TUTORIAL, 7, "en", tmp_path / "s2")
    state = app.workshop.state
    (made,) = state.role_state("library").predictions
    truth = state.personality("cafe")
    assert made.kind == "personality" and made.truth_choice == truth
    shown = drawn_text(app)
    assert f"Kringle Café is {truth}:" in shown and "What its moves showed:" in shown
    assert "of its room for it" in shown  # its first offer, weighed by its own brief


def test_the_verdict_picked_by_its_key_is_noted_until_the_partner_answers(tmp_path):
    app = staged_app("predict", (1024, 768), TUTORIAL, 7, "en", tmp_path / "saves")
    workshop = app.workshop
    press(app, pygame.K_4)  # No: it cannot sign
    (made,) = workshop.state.role_state("library").predictions
    assert made.verdict == "cannot sign" and made.score is None
    assert "You said: No: it cannot sign" in drawn_text(app)
