"""The rules engine: a game is (scenario, seed, actions), and every state is a function of
them. No pygame here: the screens, the computer partners and the tests all play the same
rules.

- ``state``   the immutable game state and ``new_game``
- ``actions`` what a team or the trainer can do
- ``rules``   ``apply(state, action)``, ``legal_actions(state, role)``, ``IllegalAction``
- ``deals``   what a deal means for a role: points, costs, risk, red lines
- ``events``  the event deck and its effects; ``chance`` the seeded draws
- ``views``   ``view_for(state, role)``: what one role may see
- ``record``  the action log, saves, resume, undo
"""
