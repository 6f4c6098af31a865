"""What a supervision session asks, and how it words it: the question with its theme's heading, toolkit
and source, the theme menu ranked by what was noticed, the closure check's opening, the summary before
saving and the list of answers to change. It only words; what is asked when is decided in steps.py.
"""
from __future__ import annotations

from typing import Dict, List

from bot.content.knowledge import Knowledge
from bot.modes.supervision import cycle, steps as S
from bot.modes.supervision.suggestions import ALWAYS_AVAILABLE, noticed_patterns, suggestions
from bot.modes.theme_picker import theme_menu
from bot.responses import Reply, escalation_route

SKIP_BUTTON = ("Skip", "/skip_question")


class Asker:
    """Words the open question and the session's other screens for one body of knowledge."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge

    def theme_progress(self, step: S.Step, steps: List[S.Step], answers: Dict, kind: str) -> str:
        """"Theme 2 of 3, question 4 of 5", for a theme's question (step.theme_id is set)."""
        if step.theme_id is None:
            raise ValueError(f"{step.key} is not a theme's question")
        themes = S.chosen_themes(self.knowledge, answers, kind)
        planned = [s.key for s in steps if s.theme_id == step.theme_id]
        return (f"Theme {themes.index(step.theme_id) + 1} of {len(themes)}, "
                f"question {planned.index(step.key) + 1} of {len(planned)}")

    def ask(self, step: S.Step, steps: List[S.Step], answers: Dict, session) -> Reply:
        k = self.knowledge
        if step.kind == S.REVIEW:
            return Reply(self.summary(session, steps, answers),
                         [("Save the record", "/save_record"), ("Change an answer", "change")])
        if step.kind == S.THEMES:
            return self.theme_menu(answers, session.kind)
        text = step.prompt
        buttons: List = []
        if step.theme_id:
            theme = k.theme(step.theme_id)
            head = f"{self.theme_progress(step, steps, answers, session.kind)}: {theme.title}"
            if step.key == next(s.key for s in steps if s.theme_id == step.theme_id):
                head += f"\n{theme.summary}"
                for toolkit_id in theme.toolkits:  # the toolkit, every link, belongs with its theme
                    toolkit = k.toolkit(toolkit_id)
                    links = "; ".join(k.link_line(link.title, link.url, link.confirmed) for link in toolkit.links)
                    head += f"\n{k.prompt('toolkit_for_theme', toolkit=toolkit.title, links=links)}"
                if theme.resources:
                    head += "\n" + escalation_route(k)
            text = f"{head}\n{text}\n(From the audit: {step.source})"
        elif step.section == "pattern" and step.source:
            text = f"I noticed: {step.label}. {step.source}\n{text}"
        elif step.section == "closure" and step.key == next(s.key for s in steps if s.section == "closure"):
            text = f"{self.closure_intro(answers, session.kind)}\n{text}"
        elif step.section == "lasting" and step.key == next(s.key for s in steps if s.section == "lasting"):
            text = f"{k.stuck.lasting_change.intro}\n{text}"
        if step.kind == S.CHRONOLOGY and answers.get(step.key) is not None:
            text = k.stuck.chronology_more
            buttons = [("Done", "done")]
        if step.kind == S.YES_NO:
            buttons = [("Yes", "yes"), ("No", "no"), ("Not sure", "not sure")]
        elif step.kind == S.CHOICE:
            buttons = [(c.label, c.label) for c in step.choices]
        elif step.kind == S.MULTI:  # ticked on the page and sent as "a; b", or typed
            buttons = [(c.label, c.label) for c in step.choices]
        elif step.kind == S.ACTION_REVIEW:
            buttons = list(cycle.STATUS_BUTTONS)
        elif step.kind == S.FACTS:
            buttons = [("Yes, still right", "yes")]
        if step.extra:
            text += "\n" + step.extra
        if step.key == S.FIRST_STEP and session.kind == "supervision" and not answers:
            buttons.append((k.prompt("short_offer"), "short session"))
        buttons.append(SKIP_BUTTON)
        return Reply(text, buttons, multi=step.kind == S.MULTI)

    def closure_intro(self, answers: Dict, kind: str) -> str:
        """The closure check's opening: what was noticed (when it was), then what the check covers."""
        k = self.knowledge
        noticed = next((p for p in noticed_patterns(k, answers, kind) if p.closure_check), None)
        intro = k.closure.intro
        return f"I noticed: {noticed.title}. {noticed.why}\n{intro}" if noticed else intro

    def theme_menu(self, answers: Dict, kind: str) -> Reply:
        """What was noticed, then the themes suggested (ranked by it), each with one line saying why."""
        k = self.knowledge
        lines = cycle.moved_lines(k, answers, kind)  # the next session on a case: what moved since the last
        patterns = noticed_patterns(k, answers, kind)
        if patterns:
            lines.append(k.prompt("patterns_noticed"))
            lines += [f"- {p.title}: {p.why}" for p in patterns]
            if any(p.id == "repeat_plans" for p in patterns):
                lines.append(k.prompt("stuck_offer"))
        offered = suggestions(k, answers, kind)[:1 if kind == S.SHORT else None]  # a short session: one
        suggested = [s.theme_id for s in offered]
        why = "\n".join(f"- {k.theme(s.theme_id).title}: {s.why}" for s in offered)
        lines.append(k.prompt("ask_themes", suggested=why))
        if ALWAYS_AVAILABLE not in suggested:
            number = next(n for n, t in enumerate(k.themes, 1) if t.id == ALWAYS_AVAILABLE)
            lines.append(k.prompt("voice_of_child_available", number=number))
        return theme_menu(k, lines, suggested)

    def summary(self, session, steps: List[S.Step], answers: Dict) -> str:
        k = self.knowledge
        answered = [s for s in steps if s.key in answers and not answers[s.key].skipped]
        skipped = [s for s in steps if s.key in answers and answers[s.key].skipped]
        themes = S.chosen_themes(k, answers, session.kind)
        actions = [s for s in answered if s.key.endswith(".what")]
        scale = answers.get("safety.scale")
        lines = [
            k.prompt("summary_heading"),
            f"Case reference: {session.case_reference or 'not given'}",
            "Themes: " + (", ".join(k.theme(t).title for t in themes) or "none"),
            f"Answers given: {len(answered)}; skipped: {len(skipped)}",
            f"Actions: {len(actions)}",
            f"Safety scale: {scale.text if scale and not scale.skipped else 'not given'}",
            k.prompt("review_intro"),
        ]
        return "\n".join(lines)

    def change_list(self, steps: List[S.Step], answers: Dict) -> Reply:
        lines = [self.knowledge.prompt("change_which")]
        for number, step in enumerate(self.changeable(steps, answers), 1):
            answer = answers[step.key]
            shown = "skipped" if answer.skipped else clip(answer.text or "", 60)
            lines.append(f"{number}. {step.label}: {shown}")
        return Reply("\n".join(lines), [("Back to the summary", "back")])

    @staticmethod
    def changeable(steps: List[S.Step], answers: Dict) -> List[S.Step]:
        return [s for s in steps if s.key in answers and s.kind != S.REVIEW]


def clip(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
