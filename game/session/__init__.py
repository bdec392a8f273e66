"""The session layer: a running game and what each audience may see of it. No pygame.

A session owns one game: it takes actions from every front end (the projector's screens,
and in time the teams' own devices, the computer partners, the trainer), applies them one
at a time through the rules and saves after each (``workshop.Workshop``, over
``game.engine.record.Session``). It says what the room, each team and the trainer may
see (views, the room's sentence after each action: ``narration``), what solo practice
asks and when (``practice``), and what the debrief reads from a game (``debriefing``).
The screens are one front end of it; they render what it publishes and send it actions,
and never change the game themselves. Its sentences are English message ids, rendered by
the translator the front end gives it (the screens' table, ``game/ui/locale``).
"""
