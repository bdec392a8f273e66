"""The print style shared by the report and the handouts.

Written for paper first (a trainer prints them): A4 with room for a hole punch, 11.5 pt
text in a font with æ, ø and å (DejaVu Sans ships with the game and with most Linux
desktops; the others are the usual fallbacks), tables that do not split a row across
pages, and ``break-before: page`` wherever a new sheet must start — above all before every
confidential brief, so that each team's brief can be handed out alone. Colour is never
the only carrier of meaning: every score is a number, its bar only a help.
"""

from __future__ import annotations

STYLE = """
@page { size: A4; margin: 18mm 16mm 20mm 20mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 9pt "DejaVu Sans", sans-serif;
                  color: #555; } }
html { font-family: "DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif;
       font-size: 11.5pt; line-height: 1.45; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 48rem; padding: 1rem; }
@media print { body { max-width: none; padding: 0; } .no-print { display: none; } }
h1 { font-size: 22pt; line-height: 1.2; margin: 0 0 .3em; }
h2 { font-size: 16pt; margin: 1.4em 0 .4em; border-bottom: 2px solid #222; padding-bottom: .1em;
     break-after: avoid; }
h3 { font-size: 13pt; margin: 1.1em 0 .3em; break-after: avoid; }
h4 { font-size: 11.5pt; margin: .9em 0 .2em; break-after: avoid; }
p, li, dd { orphans: 3; widows: 3; }
.lead { font-size: 12.5pt; }
.muted { color: #444; }
.sheet { break-before: page; }
.keep { break-inside: avoid; }
header.cover { border-bottom: 3px solid #111; margin-bottom: 1em; padding-bottom: .5em; }
nav.toc ol { padding-left: 1.3em; margin: .3em 0; }
nav.toc ul { columns: 2; column-gap: 2rem; margin: .2em 0; }
nav.toc a { color: inherit; text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; font-size: 10.5pt; }
th, td { border: 1px solid #777; padding: .25em .45em; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
tbody th { font-weight: 600; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; }
.score { font-weight: 700; }
.score-cell { white-space: nowrap; }
.bar { display: inline-block; height: .6em; background: #333; vertical-align: middle;
       margin-left: .3em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.confidential { border: 3px double #111; padding: .4em .7em; margin: .4em 0 1em;
                font-weight: 700; letter-spacing: .02em; }
.brief-text { font-size: 12pt; }
dl { margin: .3em 0; }
dt { font-weight: 600; margin-top: .4em; }
dd { margin: 0 0 0 1.2em; }
.signatures { display: flex; flex-wrap: wrap; gap: 1.2em 2em; margin-top: 1.2em; }
.signature { flex: 1 1 14rem; border-top: 1px solid #111; padding-top: .2em; margin-top: 2.2em;
             font-size: 10pt; }
.agreement { margin: 1em 0; }
.plain { font-weight: 400; }
.lesson { margin: .6em 0; break-inside: avoid; }
.lesson h4 { margin-bottom: 0; }
.timeline td:first-child, .timeline th:first-child { width: 3em; }
"""
