"""Colours and type sizes. Two themes: the everyday one and a high-contrast one (H).

Colour never carries meaning alone: every state that has a colour also has a word or a
sign (✓ accepted, ✗ rejected, "red line"), so the themes may differ freely.
"""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    name: str
    background: Colour
    panel: Colour
    panel_edge: Colour
    text: Colour
    muted: Colour
    accent: Colour  # whose turn it is, the selected thing
    accent_text: Colour  # text on the accent colour
    good: Colour
    bad: Colour
    button: Colour
    button_hover: Colour
    button_text: Colour
    disabled: Colour
    secret: Colour  # the band that marks a confidential screen
    edge_width: int = 2


CALM = Theme(
    name="calm",
    background=(24, 30, 42),
    panel=(38, 47, 64),
    panel_edge=(70, 84, 110),
    text=(244, 244, 240),
    muted=(184, 192, 206),
    accent=(245, 185, 66),
    accent_text=(20, 20, 20),
    good=(110, 214, 150),
    bad=(255, 138, 120),
    button=(58, 92, 150),
    button_hover=(80, 122, 190),
    button_text=(255, 255, 255),
    disabled=(90, 96, 108),
    secret=(150, 40, 60),
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    background=(0, 0, 0),
    panel=(0, 0, 0),
    panel_edge=(255, 255, 255),
    text=(255, 255, 255),
    muted=(230, 230, 230),
    accent=(255, 230, 0),
    accent_text=(0, 0, 0),
    good=(120, 255, 120),
    bad=(255, 160, 160),
    button=(0, 0, 0),
    button_hover=(60, 60, 0),
    button_text=(255, 255, 0),
    disabled=(130, 130, 130),
    secret=(200, 0, 0),
    edge_width=4,
)

# Type sizes in logical pixels (1920×1080 design). Body text is ~3.3 % of the screen's
# height: about what a projected slide needs for the back row.
SIZES = {"title": 84, "heading": 48, "body": 36, "small": 30}
