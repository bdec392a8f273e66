"""The laptop's address on the room's network, and the join address made from it.

The address is found without sending anything: connecting a UDP socket only asks the
operating system which of its addresses it would send from (the target need not exist).
No network at all gives None, and the caller falls back to 127.0.0.1, saying so.
"""

from __future__ import annotations

import socket

DEFAULT_PORT = 8765
#: an address no packet is sent to (a UDP ``connect`` sends nothing); a private one, so
#: the answer is the address facing the room's network rather than a VPN's
PROBE = ("10.254.254.254", 1)


def lan_address() -> str | None:
    """This computer's address on its network, or None when it has none."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(PROBE)
            address = probe.getsockname()[0]
    except OSError:
        return None
    if not address or address.startswith("127.") or address == "0.0.0.0":
        return None
    return address


def join_url(host: str, port: int, code: str = "") -> str:
    """``http://HOST:PORT/`` (an IPv6 host in brackets), with ``#code=…`` for a card."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/" + (f"#code={code}" if code else "")
