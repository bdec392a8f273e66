"""Golden replays: one whole game per built-in scenario, with the scores it must give."""
