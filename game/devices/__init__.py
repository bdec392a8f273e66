"""The teams' own devices: a LAN server around the session's workshop, no pygame.

A phone or a laptop joins a game with its team's code and from then on receives that
team's view only; what it sends is checked (``protocol.py``), acted on through the
workshop one at a time, and answered (``server.py``). The codes are made and kept beside
the save (``codes.py``).
"""
