"""The projector front end: pygame-ce scenes that show views and send actions.

Nothing in here changes the game state except through ``Table.act`` (the controller), and
nothing below this package imports pygame. Layout is in logical 1920×1080 units scaled to
the window; fonts are re-created at the scaled size so text stays sharp on a projector.
"""
