"""Reading what a practitioner typed: yes/no, choices, months, plan-history lines, wording, privacy, safe text."""
