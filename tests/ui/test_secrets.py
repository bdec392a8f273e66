"""A confidential brief is drawn only on its own team's screens.

Every string the screens render passes through ``Typesetter.render``; the test intercepts
it and searches what was rendered for every other role's brief and red-line reasons.
"""

from __future__ import annotations

import pytest

from game.scenario.loading import check_file
from game.ui import text as text_module
from game.ui.positions import SCENES
from game.ui.shot import staged_app
from game.ui.words import prose
from tests.helpers import BUILT_IN, SCENARIOS

PRIVATE_SCENES = (
    "brief",
    "turn",
    "deal",
    "respond",
    "result",
    "rank",
    # solo practice's choice questions, asked and answered: the person's own screens
    "walk-away",
    "walk-away-answered",
    "preferred",
    "preferred-answered",
    "risk-limit",
    "risk-limit-answered",
    "personality",
    "personality-answered",
    "ranked",
    "predict",
    "predicted",
    "answered",
    "perspective",
)


def secrets_of(scenario) -> dict[str, list[str]]:
    """Each role's confidential strings, cut into overlapping six-word windows."""
    found = {}
    for role in scenario.roles:
        texts = [prose(role.brief.text)] + [line.reason for line in role.brief.red_lines]
        windows = []
        for text in texts:
            words = text.split()
            windows += [" ".join(words[i : i + 6]) for i in range(max(1, len(words) - 5))]
        found[role.id] = windows
    return found


@pytest.fixture
def rendered(monkeypatch):
    seen: list[str] = []
    original = text_module.Typesetter.render

    def spy(self, text, px, bold, colour):
        seen.append(text)
        return original(self, text, px, bold, colour)

    monkeypatch.setattr(text_module.Typesetter, "render", spy)
    return seen


@pytest.mark.parametrize("scenario_path", BUILT_IN, ids=lambda p: p.stem)
@pytest.mark.parametrize("scene", [s for s in SCENES if s not in ("title", "chooser", "seats")])
def test_no_screen_shows_another_teams_secrets(scene, scenario_path, rendered, tmp_path):
    app = staged_app(scene, (1920, 1080), scenario_path, 7, "en", tmp_path / "saves")
    scenario = check_file(scenario_path).scenario()
    allowed = app.scene.secret_of if not app.help_open else None
    assert (scene in PRIVATE_SCENES) == (allowed is not None), "private scenes name their team"
    shown = " ".join(" ".join(rendered).split())
    assert shown, "nothing was rendered"
    secrets = secrets_of(scenario)
    own = set(secrets.get(allowed, []))  # two briefs may tell the same story in the same words
    for role, windows in secrets.items():
        if role == allowed:
            continue
        for window in set(windows) - own:
            assert window not in shown, f"{scene} shows {role}'s secret: {window!r}"


def test_a_team_does_see_its_own_brief(rendered, tmp_path):
    """The spy is not blind: the brief scene shows its own team's words."""
    path = SCENARIOS / "children-and-families.yaml"
    app = staged_app("brief", (1920, 1080), path, 7, "en", tmp_path / "saves")
    own = secrets_of(check_file(path).scenario())[app.scene.secret_of]
    shown = " ".join(" ".join(rendered).split())
    assert own[0] in shown
