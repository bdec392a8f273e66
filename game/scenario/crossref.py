"""Checks between the parts of a scenario: every id referenced exists, nothing is missing.

These run on the plain loaded data rather than on the validated models, and tolerate any
shape, so that a file with a type error in one role still gets its dangling references
reported in the same run: an author fixes every mistake in one pass, not one per run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.scenario.diagnostics import DocPath, Severity, closest, did_you_mean
from game.scenario.vocabulary import RESERVED_ROLE_IDS, ROLE_TARGET_WORDS, RoleKind, words

MAX_ROLES, MAX_PROJECTS, MAX_EVENTS = 6, 8, 200


@dataclass(frozen=True)
class Finding:
    path: DocPath
    message: str
    hint: str | None = None
    severity: Severity = "error"
    of_key: bool = False
    #: an earlier place the message refers to ("first on line N")
    first: DocPath | None = None
    #: another place the author should look at, e.g. the brief a public text repeats
    see: DocPath | None = None
    #: the place is this word of the text at ``path`` (``see_word``: of ``see``), not
    #: where the text starts: in a ten-line text, the line of the words to change
    word: int | None = None
    see_word: int | None = None


def _items(node: object, key: str) -> list[tuple[int, dict]]:
    """The mapping items of the list ``node[key]``, with their positions; [] if no list."""
    value = node.get(key) if isinstance(node, dict) else None
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def _ids(node: object, key: str) -> list[str]:
    return [item["id"] for _, item in _items(node, key) if isinstance(item.get("id"), str)]


def _words(node: object, key: str) -> list[tuple[int, str]]:
    value = node.get(key) if isinstance(node, dict) else None
    if not isinstance(value, list):
        return []
    return [(index, word) for index, word in enumerate(value) if isinstance(word, str)]


def _mapping(node: object, key: str) -> dict:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, dict) else {}


def _int(value: object, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


@dataclass(frozen=True)
class _Project:
    """What the checks need to know of one project, read tolerantly."""

    index: int
    raw: dict
    options: dict[str, list[str]]  # issue id -> option ids
    eligible: list[str]


class CrossChecker:
    """Checks the references of one scenario document; ``findings()`` yields them lazily.

    Lists longer than the format allows are checked up to that length only: the schema
    already says they are too long, and checking 1,000 roles against 1,000 projects would
    make a small hostile file slow.
    """

    def __init__(self, data: dict):
        self.data = data
        self.roles = _items(data, "roles")[:MAX_ROLES]
        self.project_items = _items(data, "projects")[:MAX_PROJECTS]
        self.events = _items(data, "events")[:MAX_EVENTS]
        self.role_ids = [role["id"] for _, role in self.roles if isinstance(role.get("id"), str)]
        self.projects = {
            item["id"]: self._read_project(index, item)
            for index, item in self.project_items
            if isinstance(item.get("id"), str)
        }

    def _read_project(self, index: int, raw: dict) -> _Project:
        options = {
            issue["id"]: _ids(issue, "options")
            for _, issue in _items(raw, "issues")
            if isinstance(issue.get("id"), str)
        }
        open_to = [word for _, word in _words(raw, "open_to")]
        eligible = [role for role in self.role_ids if not open_to or role in open_to]
        return _Project(index, raw, options, eligible)

    def findings(self) -> Iterator[Finding]:
        yield from self._unique_ids()
        for project in self.projects.values():
            yield from self._project_references(project)
        for index, role in self.roles:
            yield from self._brief(index, role)
        for index, card in self.events:
            yield from self._event(index, card)
        yield from self._coverage_warnings()
        yield from self._todo_warnings()

    # -- ids -------------------------------------------------------------------------

    def _unique_ids(self) -> Iterator[Finding]:
        for key in ("roles", "projects", "events"):
            yield from _duplicates((key,), self.data)
        for index, role in self.roles:
            if role.get("id") in RESERVED_ROLE_IDS:
                yield Finding(
                    ("roles", index, "id"),
                    f'"{role.get("id")}" is a reserved word (the program uses it for '
                    "several roles, the trainer or the whole room)",
                    "choose another id",
                )
            yield from _repeated_words(("roles", index, "competencies"), role)
        for p_index, project in self.project_items:
            for key in ("open_to", "needs", "serves"):
                yield from _repeated_words(("projects", p_index, key), project)
            approval = _mapping(project, "approval")
            for key in ("required", "vetoes", "proposers"):
                yield from _repeated_words(("projects", p_index, "approval", key), approval)
        for p_index, project in self.project_items:
            yield from _duplicates(("projects", p_index, "issues"), project)
            yield from _duplicates(("projects", p_index, "user_needs"), project)
            for i_index, issue in _items(project, "issues"):
                yield from _duplicates(("projects", p_index, "issues", i_index, "options"), issue)

    def _role_ref(
        self, path: DocPath, word: str, allowed: list[str] | None = None, what: str = "role"
    ) -> Iterator[Finding]:
        allowed = self.role_ids if allowed is None else allowed
        if word not in allowed:
            if word in self.role_ids:
                yield Finding(
                    path,
                    f'role "{word}" may not take part in this project',
                    "add it to the project's open_to list",
                )
            else:
                yield Finding(path, f'there is no {what} "{word}"', did_you_mean(word, allowed))

    def _project_ref(self, path: DocPath, word: object) -> Iterator[Finding]:
        if isinstance(word, str) and word not in self.projects:
            yield Finding(path, f'there is no project "{word}"', did_you_mean(word, self.projects))

    def _option_ref(
        self, path: DocPath, project_id: object, issue_id: object, option_id: object
    ) -> Iterator[Finding]:
        """Check an (issue, option) pair of a project; the project is checked by the caller."""
        project = self.projects.get(project_id) if isinstance(project_id, str) else None
        if project is None or not isinstance(issue_id, str):
            return
        if issue_id not in project.options:
            yield Finding(
                (*path, "issue"),
                f'project "{project_id}" has no issue "{issue_id}"',
                did_you_mean(issue_id, project.options),
            )
        elif isinstance(option_id, str) and option_id not in project.options[issue_id]:
            yield Finding(
                (*path, "option"),
                f'issue "{issue_id}" has no option "{option_id}"',
                did_you_mean(option_id, project.options[issue_id]),
            )

    # -- projects --------------------------------------------------------------------

    def _project_references(self, project: _Project) -> Iterator[Finding]:
        base: DocPath = ("projects", project.index)
        raw = project.raw
        for index, word in _words(raw, "open_to"):
            yield from self._role_ref((*base, "open_to", index), word)
        approval = _mapping(raw, "approval")
        for key in ("required", "vetoes", "proposers"):
            for index, word in _words(approval, key):
                yield from self._role_ref((*base, "approval", key, index), word, project.eligible)
        yield from self._approval_fits(base, approval, project)
        for i_index, issue in _items(raw, "issues"):
            for o_index, option in _items(issue, "options"):
                for role_id in _mapping(option, "cost_for"):
                    path = (*base, "issues", i_index, "options", o_index, "cost_for", role_id)
                    for finding in self._role_ref(path, role_id, project.eligible):
                        yield Finding(finding.path, finding.message, finding.hint, of_key=True)
        serves = [word for _, word in _words(raw, "serves")]
        for n_index, need in _items(raw, "user_needs"):
            path = (*base, "user_needs", n_index)
            group = need.get("group")
            if isinstance(group, str) and group not in serves:
                yield Finding(
                    (*path, "group"),
                    f'user group "{group}" is not in the project\'s serves list',
                    did_you_mean(group, serves) or f"add {group} to serves",
                )
            for r_index, ref in _words(need, "served_by"):
                issue_id, _, option_id = ref.partition(".")
                for finding in self._option_ref(path, project.raw.get("id"), issue_id, option_id):
                    yield Finding((*path, "served_by", r_index), finding.message, finding.hint)

    def _approval_fits(self, base: DocPath, approval: dict, project: _Project) -> Iterator[Finding]:
        eligible = len(project.eligible)
        path = (*base, "approval")
        minimum = _int(approval.get("min_participants"), 2)
        maximum = _int(approval.get("max_participants"), max(eligible, minimum))
        quorum = approval.get("quorum")
        required = [word for _, word in _words(approval, "required")]
        if maximum < minimum:
            yield Finding(
                (*path, "max_participants"),
                f"max_participants ({maximum}) is below min_participants ({minimum})",
            )
        if minimum > eligible:
            yield Finding(
                (*path, "min_participants"),
                f"{minimum} participants are needed but only {eligible} roles may take part",
                "lower min_participants or widen open_to",
            )
        if isinstance(quorum, int) and quorum > min(eligible, maximum):
            yield Finding(
                (*path, "quorum"),
                f"a quorum of {quorum} can never be reached: at most "
                f"{min(eligible, maximum)} roles can take part",
            )
        if len(set(required)) > maximum:
            yield Finding(
                (*path, "required"),
                f"{len(set(required))} roles are required but a deal has at most "
                f"{maximum} participants",
            )

    # -- briefs ----------------------------------------------------------------------

    def _brief(self, index: int, role: dict) -> Iterator[Finding]:
        role_id = role.get("id")
        brief = _mapping(role, "brief")
        base: DocPath = ("roles", index, "brief")
        points = _mapping(brief, "points")
        missing = [
            project_id
            for project_id, project in self.projects.items()
            if role_id in project.eligible and project_id not in points
        ]
        unknown = [project_id for project_id in points if project_id not in self.projects]
        if "points" in brief and not (unknown and len(missing) == len(unknown)):
            for project_id in missing:
                yield Finding(
                    (*base, "points"),
                    f'no points for project "{project_id}"',
                    f"add a points table for {project_id}, one number per option",
                )
        for project_id, issues in points.items():
            path = (*base, "points", project_id)
            project = self.projects.get(project_id)
            if project is None:
                yield Finding(
                    path,
                    f'there is no project "{project_id}"',
                    _renamed(project_id, missing) or did_you_mean(project_id, self.projects),
                    of_key=True,
                )
            elif role_id not in project.eligible:
                yield Finding(
                    path,
                    f'"{role_id}" may not take part in project "{project_id}"',
                    "remove these points or add the role to the project's open_to",
                    of_key=True,
                )
            elif isinstance(issues, dict):
                yield from self._points_table(path, project, issues)
        for project_id in _mapping(brief, "walk_away"):
            path = (*base, "walk_away", project_id)
            if project_id not in self.projects:
                yield Finding(
                    path,
                    f'there is no project "{project_id}"',
                    did_you_mean(project_id, self.projects),
                    of_key=True,
                )
        for r_index, line in _items(brief, "red_lines"):
            path = (*base, "red_lines", r_index)
            yield from self._project_ref((*path, "project"), line.get("project"))
            yield from self._option_ref(
                path, line.get("project"), line.get("issue"), line.get("option")
            )
        yield from self._brief_warnings(base, role_id, brief)

    def _points_table(self, path: DocPath, project: _Project, issues: dict) -> Iterator[Finding]:
        missing_issues = [issue_id for issue_id in project.options if issue_id not in issues]
        unknown_issues = [issue_id for issue_id in issues if issue_id not in project.options]
        renamed = bool(unknown_issues) and len(missing_issues) == len(unknown_issues)
        for issue_id, option_ids in project.options.items():
            given = issues.get(issue_id)
            if given is None and not renamed:
                yield Finding(
                    path,
                    f'no points for issue "{issue_id}"',
                    "add: " + issue_id + ": {" + ", ".join(f"{o}: 0" for o in option_ids) + "}",
                )
            elif isinstance(given, dict):
                missing = [option for option in option_ids if option not in given]
                if missing:
                    yield Finding(
                        (*path, issue_id),
                        f"no points for option{'s' if len(missing) > 1 else ''} "
                        + ", ".join(f'"{o}"' for o in missing)
                        + f' of issue "{issue_id}"',
                        "add " + ", ".join(f"{o}: 0" for o in missing),
                    )
                for option_id in given:
                    if option_id not in option_ids:
                        yield Finding(
                            (*path, issue_id, option_id),
                            f'issue "{issue_id}" has no option "{option_id}"',
                            _renamed(option_id, missing) or did_you_mean(option_id, option_ids),
                            of_key=True,
                        )
        for issue_id in unknown_issues:
            yield Finding(
                (*path, issue_id),
                f'project "{project.raw.get("id")}" has no issue "{issue_id}"',
                _renamed(issue_id, missing_issues) or did_you_mean(issue_id, project.options),
                of_key=True,
            )

    def _brief_warnings(self, base: DocPath, role_id: object, brief: dict) -> Iterator[Finding]:
        points = _mapping(brief, "points")
        walk_away = _mapping(brief, "walk_away")
        keys = (_red_line_key(line) for _, line in _items(brief, "red_lines"))
        blocked = {key for key in keys if all(isinstance(part, str) for part in key)}
        for project_id, project in self.projects.items():
            table = points.get(project_id)
            if role_id not in project.eligible or not isinstance(table, dict):
                continue
            approval = _mapping(project.raw, "approval")
            best = _int(approval.get("unanimity_bonus"))
            complete = True
            for issue_id, option_ids in project.options.items():
                row = table.get(issue_id) if isinstance(table.get(issue_id), dict) else {}
                complete = complete and all(isinstance(row.get(o), int) for o in option_ids)
                allowed = [o for o in option_ids if (project_id, issue_id, o) not in blocked]
                values = [_int(row.get(o)) for o in allowed if o in row]
                if option_ids and not allowed:
                    yield Finding(
                        (*base, "red_lines"),
                        f'every option of issue "{issue_id}" in "{project_id}" is a '
                        "red line, so this role can never join that project",
                        "remove one of these red lines",
                        "warning",
                    )
                best += max(values, default=0)
            threshold = _int(walk_away.get(project_id), _int(approval.get("no_deal_value")))
            if complete and best <= threshold:
                where = (*base, "walk_away", project_id) if project_id in walk_away else base
                yield Finding(
                    where,
                    f'the walk-away value {threshold} for "{project_id}" is not below the '
                    f"most any deal can give this role ({best}), so no deal can be a gain",
                    "lower the walk-away value or raise its points",
                    "warning",
                )

    # -- events ----------------------------------------------------------------------

    def _event(self, index: int, card: dict) -> Iterator[Finding]:
        base: DocPath = ("events", index)
        when = _mapping(card, "when")
        for key in ("signed", "unsigned"):
            for w_index, word in _words(when, key):
                yield from self._project_ref((*base, "when", key, w_index), word)
        role = when.get("role_in_agreement")
        if isinstance(role, str):
            yield from self._role_ref((*base, "when", "role_in_agreement"), role)
        yield from self._impossible_conditions(base, when)
        rounds = _int(self.data.get("rounds"), 6)
        if rounds >= 1 and _int(when.get("round_at_least"), 1) > rounds:
            yield Finding(
                (*base, "when", "round_at_least"),
                f"the game has only {rounds} rounds, so this card is never drawn",
                severity="warning",
            )
        for e_index, effect in _items(card, "effects"):
            path = (*base, "effects", e_index)
            target = effect.get("role")
            if isinstance(target, str) and target not in ROLE_TARGET_WORDS:
                yield from self._role_ref(
                    (*path, "role"), target, self.role_ids + list(ROLE_TARGET_WORDS)
                )
            if "project" in effect:
                yield from self._project_ref((*path, "project"), effect.get("project"))
            project = (
                self.projects.get(effect.get("project"))
                if isinstance(effect.get("project"), str)
                else None
            )
            if (
                effect.get("kind") == "change-walk-away"
                and project is not None
                and target in self.role_ids
                and target not in project.eligible
            ):
                yield Finding(
                    (*path, "role"),
                    f'"{target}" may not take part in "{effect.get("project")}", so its '
                    "walk-away value there changes nothing",
                    "name a role in the project's open_to",
                    "warning",
                )
            if effect.get("kind") == "block-option":
                yield from self._option_ref(
                    path, effect.get("project"), effect.get("issue"), effect.get("option")
                )

    def _impossible_conditions(self, base: DocPath, when: dict) -> Iterator[Finding]:
        pairs = (("round_at_least", "round_at_most"), ("agreements_at_least", "agreements_at_most"))
        for low, high in pairs:
            least, most = when.get(low), when.get(high)
            if isinstance(least, int) and isinstance(most, int) and least > most:
                yield Finding(
                    (*base, "when", low),
                    f"{low} {least} is above {high} {most}, so this card is never drawn",
                    severity="warning",
                )
        least = when.get("agreements_at_least")
        if isinstance(least, int) and least > len(self.projects):
            yield Finding(
                (*base, "when", "agreements_at_least"),
                f"there are only {len(self.projects)} projects to sign, so this card "
                "is never drawn",
                severity="warning",
            )
        both = {w for _, w in _words(when, "signed")} & {w for _, w in _words(when, "unsigned")}
        if both:
            yield Finding(
                (*base, "when"),
                f'"{sorted(both)[0]}" cannot be signed and unsigned '
                "at once, so this card is never drawn",
                severity="warning",
            )

    # -- whole-table warnings --------------------------------------------------------

    def _todo_warnings(self) -> Iterator[Finding]:
        todos = [path for path, text in _texts(self.data, ()) if text.lstrip().startswith("TODO")]
        if todos:
            yield Finding(
                todos[0],
                f"{len(todos)} text{'s' * (len(todos) != 1)} of the scaffold still "
                f"say{'s' * (len(todos) == 1)} TODO (this is the first)",
                "replace them with your own words",
                "warning",
            )

    def _coverage_warnings(self) -> Iterator[Finding]:
        roles = self.roles
        kinds = [role.get("kind") for _, role in roles]
        if roles and all(kind in words(RoleKind) for kind in kinds) and "librarian" not in kinds:
            yield Finding(
                ("roles",),
                "no role is a library (kind: librarian)",
                "the game is about library partnerships; fine for an exercise",
                "warning",
            )
        known = {word for _, role in roles for _, word in _words(role, "competencies")}
        learnable = {word for _, word in _words(_mapping(self.data, "rules"), "learnable")}
        for project in self.projects.values():
            for n_index, need in _words(project.raw, "needs"):
                if need in known or need in learnable:
                    continue
                typo = closest(need, known)
                if typo or learnable:  # a typo, or a competency nobody may build
                    yield Finding(
                        ("projects", project.index, "needs", n_index),
                        f'no role has the competency "{need}"'
                        + ("" if typo else " and none can build it"),
                        f'did you mean "{typo}"?' if typo else "add it to rules.learnable",
                        "warning",
                    )


def _texts(node: object, path: DocPath) -> Iterator[tuple[DocPath, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, (*path, index))


def _repeated_words(path: DocPath, node: object) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, word in _words(node, path[-1]):
        if word in seen:
            yield Finding((*path, index), f'"{word}" is listed twice', "remove one")
        seen.add(word)


def _renamed(old: str, missing: list[str]) -> str | None:
    """When exactly one expected id is missing, the unknown one was most likely renamed."""
    if len(missing) == 1 and old not in missing:
        return f'was it renamed to "{missing[0]}"?'
    return None


def _red_line_key(line: dict) -> tuple[object, object, object]:
    return (line.get("project"), line.get("issue"), line.get("option"))


def _duplicates(path: DocPath, node: object) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for index, item in _items(node, path[-1]):
        item_id = item.get("id")
        if isinstance(item_id, str):
            if item_id in seen:
                yield Finding(
                    (*path, index, "id"),
                    f'the id "{item_id}" is used twice',
                    "every id in this list must be different",
                    first=(*path, seen[item_id], "id"),
                )
            seen.setdefault(item_id, index)
