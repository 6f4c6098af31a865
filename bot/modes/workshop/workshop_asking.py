"""What a workshop shows the training lead, and how it words it: the group and theme menus, the plan with
its timings, each part's cue, the whole of a part (timing, content, vignette, questions, key message,
toolkit) and its questions. It only words; what is shown when is decided in workshop_session.py.
"""
from __future__ import annotations

from typing import List, Optional

from bot.content.knowledge import Knowledge
from bot.content.workshop_content import WorkshopContent
from bot.modes.theme_picker import theme_menu, titles
from bot.modes.workshop.workshop_plan import PlanItem, WorkshopPlan, clock, describe_length, suggested_themes
from bot.modes.workshop.workshop_tables import WorkshopSession
from bot.responses import Reply


class WorkshopAsker:
    """Words a workshop's screens for one body of knowledge and workshop content."""

    def __init__(self, knowledge: Knowledge, content: WorkshopContent):
        self.knowledge, self.content = knowledge, content

    def group_menu(self, first_line: str) -> Reply:
        groups = self.content.groups
        lines = [first_line] + [f"{n}. {g.label}" for n, g in enumerate(groups, 1)]
        return Reply("\n".join(lines), [(g.label, g.label) for g in groups])

    def theme_menu(self, session: WorkshopSession) -> Reply:
        k, c = self.knowledge, self.content
        suggested = suggested_themes(c, session.minutes, session.group)
        count = f"{len(suggested)} theme{'s' if len(suggested) > 1 else ''}"
        return theme_menu(k, [c.prompt("ask_themes", length=describe_length(session.minutes), count=count,
                                       suggested=titles(k, suggested))], suggested)

    def plan_text(self, plan: WorkshopPlan, current: Optional[int] = None) -> str:
        lines = [self.content.prompt("plan_heading", length=describe_length(plan.minutes), group=plan.group_label)]
        for index, item in enumerate(plan.items):
            marker = "  <- now" if index == current else ""
            lines.append(f"{clock(item.start)} to {clock(item.end)}  {item.title} ({item.minutes} min){marker}")
        lines += list(plan.notes)
        return "\n".join(lines)

    def cue(self, plan: WorkshopPlan, index: int) -> Reply:
        item = plan.items[index]
        last = index == len(plan.items) - 1
        buttons = ([] if last else [("Next", "next")]) + [("Questions", "questions"), ("Plan", "plan"),
                                                          ("Save the pack", "save")]
        return Reply(self.content.prompt("last_item_cue" if last else "item_cue", number=index + 1,
                                         count=len(plan.items), title=item.title, end=clock(item.end)),
                     buttons)

    def show(self, plan: WorkshopPlan, index: int) -> List[Reply]:
        """The whole of one part: timing, content, vignette, questions, key message, toolkit."""
        item, labels = plan.items[index], plan.labels or self.content.workshop.labels  # a plan always has them
        head = [self.content.prompt("item_heading", number=index + 1, count=len(plan.items), start=clock(item.start),
                              end=clock(item.end), minutes=item.minutes, title=item.title)]
        head += [f"- {part.minutes} min: {part.label}" for part in item.parts]
        head += list(item.text)
        for heading, lines in item.lists:
            head.append(heading)
            head += [f"- {line}" for line in lines]
        if item.facilitator_note:
            head.append(f"{labels.facilitator_note}: {item.facilitator_note}")
        replies = [Reply("\n".join(head))]
        if item.vignette:
            v = item.vignette
            replies.append(Reply("\n".join([f"{labels.vignette}: {v.title}", v.text, labels.illustrates]
                                           + [f"- {f}" for f in v.findings])))
        if item.questions:
            replies.append(self.questions(item))
        tail: List[str] = []
        if item.key_message:
            tail.append(f"{labels.key_message}: {item.key_message}")
        if item.toolkit:
            tail.append(f"{labels.toolkit}: {item.toolkit.title}")
            tail += [f"- {plan.link_text(link)}" for link in item.toolkit.links]
        if item.read_more:
            tail.append(f"{labels.read_more}:")
            tail += [f"- {plan.link_text(link)}" for link in item.read_more]
        if tail:
            replies.append(Reply("\n".join(tail)))
        return replies

    def questions(self, item: PlanItem) -> Reply:
        if not item.questions:
            return Reply(self.content.prompt("no_questions"))
        return Reply("\n".join([self.content.prompt("questions_heading")] +
                               [f"{n}. {q}" for n, q in enumerate(item.questions, 1)]))
