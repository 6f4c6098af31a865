"""The learning report: what live supervision shows the partnership, as counts no one can be found in.

Why: the audit looked at ten children once, by hand; the assistant sees every
week which of the audit's patterns turn up, which themes are chosen, whether
the toolkits were used, when escalation or closure came up. Training leads
and the partnership's next audit round can start from that, but only if no
practitioner, child or case can be recognised in it.

So the report is anonymous by construction, in three steps of one job each:

- figures.py gathers the figures for a period, selecting only coded columns
  (step keys, `value` ids, yes/no, skipped, the month a session started);
  never `text`, a case reference, a name, a sender id or an exact date.
- suppression.py hides any count from fewer than five sessions, and any other
  count from which a hidden one could be worked out by subtraction; a period
  with fewer than ten sessions shows no breakdowns at all.
- writing.py (with charts.py) writes only what suppression left shown: a Word
  report with the protective marking, a CSV of the same figures and a PNG
  chart per figure, into an owner-only folder.

`python -m bot report` runs all three; a workshop can be planned from the
shown figures (bot/reporting/planning.py, used by bot/modes/workshop/).
"""
