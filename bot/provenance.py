"""The rules a partnership's content must keep, beyond its shape: what `python -m bot check` runs.

The schemas in bot/knowledge.py say a file is well formed; these rules say
its words can be signed off:

- everything shown as the audit's is on the poster (knowledge/sources/):
  finding texts and good practice word for word, every poster bullet
  recorded, summaries, reasons and headlines restating the passage they
  name, and no sentence in any file saying what "the audit found" unless it
  quotes the poster or names the passage it restates;
- every finding is answered by a theme, and every theme's questions are
  open, one question each, without a premise, in the cycle's order, with a
  reflection question about feelings;
- links are https (an address may be empty only while it is unconfirmed),
  and the urgent reply gives 999.

Each rule returns plain sentences naming the file and the item, so a
maintainer knows what to fix. The tests run the same functions.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator, List, Tuple
from urllib.parse import urlparse

import yaml

from .knowledge import Knowledge

POSTER_FILE = Path("sources") / "audit-repeat-cp-plans-2025.txt"
GOOD_PRACTICE_HEADING = "What Good Practice did we see?"
STAGES_IN_ORDER = ["experience", "reflection", "analysis", "action"]
# A sentence that says what the audit found (it must quote the poster or name its passage).
AUDIT_CLAIM = re.compile(r"\baudit\b\s+(?:\w+\s+)?(?:found|saw|sensed|asked|warned|flagged|pointed|said|called|"
                         r"was worried|says|showed|listed)\b\s+\S", re.IGNORECASE)
QUOTED = re.compile(r"['\"\u2018\u201c]([^'\"\u2019\u201d]{12,}?)['\"\u2019\u201d]")
# Words too common to show that a restatement is about the passage it names.
STOP_WORDS = {"audit", "found", "there", "their", "which", "where", "when", "with", "that", "this", "were",
              "have", "been", "being", "some", "from", "into", "once", "than", "they", "what", "about",
              "said", "asked", "sensed", "means", "could", "should", "need", "needs", "pointed"}
CLOSED_OPENINGS = re.compile(r"^(has|have|is|are|do|does|did|can|could|would|will|should|was|were)\b", re.I)
LEADING_WORDS = ("feel better", "protective parent", "the trauma", "their trauma", "why not", "if not,")
NOT_CLAIMS = ("danger_sentences.yml",)  # examples of what practitioners type, not claims


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def poster_text(directory: Path) -> str:
    return (Path(directory) / POSTER_FILE).read_text(encoding="utf-8")


def poster_bullets(text: str) -> Tuple[List[str], List[str]]:
    """(finding bullets, good-practice bullets) from the poster.

    Good-practice bullets are those after the "What Good Practice did we see?"
    heading up to the next block that is not bullets (blank lines don't end it).
    """
    findings: List[str] = []
    good_practice: List[str] = []
    in_good_practice = seen_good_practice_bullet = False
    for line in text.splitlines():
        stripped = line.strip()
        if GOOD_PRACTICE_HEADING in stripped and not stripped.startswith("- "):
            in_good_practice, seen_good_practice_bullet = True, False
            continue
        if in_good_practice:
            if not stripped:
                continue
            if stripped.startswith("- "):
                good_practice.append(stripped[2:])
                seen_good_practice_bullet = True
                continue
            if seen_good_practice_bullet:
                in_good_practice = False
        if stripped.startswith("- "):
            findings.append(stripped[2:])
    return findings, good_practice


def stems(text: str) -> set:
    words = re.findall(r"[a-z]+", text.lower().replace("cp plan", "child protection plan"))
    return {w[:5] for w in words if len(w) >= 4 and w not in STOP_WORDS}


def paraphrases(paraphrase: str, passage: str) -> bool:
    """A named paraphrase shares the passage's key words (a cheap check that the id is the right one)."""
    shared = stems(paraphrase) & stems(passage)
    return len(shared) >= min(2, len(stems(passage)))


def strings(node, path: tuple = ()) -> Iterator[tuple]:
    """(path, mapping holding it, text) for every string in a YAML document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str):
                yield path + (key,), node, value
            else:
                yield from strings(value, path + (key,))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            if isinstance(value, str):
                yield path + (n,), {}, value
            else:
                yield from strings(value, path + (n,))


def _content_files(directory: Path) -> Iterable[Path]:
    return (p for p in sorted(Path(directory).glob("*.yml")) if p.name not in NOT_CLAIMS)


def audit_claims(directory: Path) -> Iterator[tuple]:
    """(file name, path, holder, sentence) for every sentence in knowledge/ that says what the audit found."""
    for path in _content_files(directory):
        for where, holder, text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for sentence in re.split(r"(?<=[.?!])\s+", text):
                if AUDIT_CLAIM.search(sentence):
                    yield path.name, where, holder, sentence


# ----- the rules -----------------------------------------------------------------------------

def poster_problems(knowledge: Knowledge, directory: Path) -> List[str]:
    """The audit's own words are the poster's, and every poster bullet is recorded."""
    text = poster_text(directory)
    poster = collapse(text)
    findings, good_practice = poster_bullets(text)
    recorded = {collapse(f.poster_text) for f in knowledge.audit.findings}
    passages = {collapse(t) for t in knowledge.source.passages.values()}
    problems = [f"audit.yml: finding '{f.id}': its poster_text is not on the poster"
                for f in knowledge.audit.findings if collapse(f.poster_text) not in poster]
    problems += [f"audit.yml: the poster bullet '{b}' is not recorded as a finding"
                 for b in findings if collapse(b) not in recorded]
    if [collapse(g) for g in knowledge.audit.good_practice] != [collapse(g) for g in good_practice]:
        problems.append("audit.yml: good_practice must list the poster's good-practice bullets, word for word")
    problems += [f"sources: the poster bullet '{b}' has no passage id"
                 for b in findings + good_practice if collapse(b) not in passages]
    problems += [f"sources: passage '{pid}' is not word for word on the poster"
                 for pid, words in knowledge.source.passages.items() if collapse(words) not in poster]
    problems += [f"toolkits.yml: '{t.id}': its audit_finding's poster text is not on the poster"
                 for t in knowledge.toolkits if collapse(knowledge.finding(t.audit_finding).poster_text) not in poster]
    return problems


def restatement_problems(knowledge: Knowledge) -> List[str]:
    """Every summary, reason and headline restates the passage it names."""
    passage = knowledge.source.passages
    problems = [f"audit.yml: finding '{f.id}': its summary does not restate its own poster words"
                for f in knowledge.audit.findings if not paraphrases(f.summary, passage[knowledge.passage_of(f.id)])]
    for pattern in knowledge.patterns:
        if not pattern.why.startswith("The audit "):
            problems.append(f"patterns.yml: '{pattern.id}': why should begin 'The audit '")
        if not paraphrases(pattern.why, passage[knowledge.passage_of(pattern.finding)]):
            problems.append(f"patterns.yml: '{pattern.id}': why does not restate its finding")
    problems += [f"audit.yml: headline '{h.text[:40]}' does not restate passage {h.paraphrase_of}"
                 for h in knowledge.audit.headlines if not paraphrases(h.text, passage[h.paraphrase_of])]
    for entry in knowledge.language:
        if "audit" in entry.reason.lower() and not (
                entry.paraphrase_of and paraphrases(entry.reason, passage[entry.paraphrase_of])):
            problems.append(f"language.yml: '{entry.id}': a reason citing the audit must name the passage "
                            "it restates (paraphrase_of)")
    problems += [f"themes.yml: '{t.id}': why_it_matters makes a claim about the audit"
                 for t in knowledge.themes if "audit" in t.why_it_matters.lower()]
    return problems


def untraced_claims(knowledge: Knowledge, directory: Path) -> List[str]:
    """Sentences saying what the audit found that neither quote the poster nor name their passage."""
    poster = collapse(poster_text(directory)).lower()
    untraced = []
    for name, where, holder, sentence in audit_claims(directory):
        quoted = [q for q in QUOTED.findall(sentence) if collapse(q).lower() in poster]
        passage_id = holder.get("paraphrase_of")
        if holder.get("finding") and where[-1] == "why":
            passage_id = knowledge.passage_of(holder["finding"])
        if where[-1] == "summary" and holder.get("poster_text"):
            passage_id = knowledge.passage_of(holder["id"])
        named = passage_id and paraphrases(sentence, knowledge.source.passages[passage_id])
        if not (quoted or named):
            untraced.append(f"{name}: {'.'.join(map(str, where))}: a claim about the audit that is not "
                            f"traced to the poster: {sentence}")
    return untraced


def question_problems(knowledge: Knowledge) -> List[str]:
    """Every finding has a theme; every question is open, single and without a premise, in cycle order."""
    answered = {fid for theme in knowledge.themes for fid in theme.findings}
    problems = [f"audit.yml: finding '{f.id}' is answered by no theme"
                for f in knowledge.audit.findings if f.id not in answered]
    for theme in knowledge.themes:
        stages = [q.stage for q in theme.questions]
        if [s for i, s in enumerate(stages) if i == 0 or stages[i - 1] != s] != STAGES_IN_ORDER:
            problems.append(f"themes.yml: '{theme.id}': questions must follow {', '.join(STAGES_IN_ORDER)}")
        for question in theme.questions:
            where = f"themes.yml: '{theme.id}': \"{question.ask[:60]}\""
            if question.ask.count("?") != 1 or not question.ask.endswith("?"):
                problems.append(f"{where}: ask one question, ending with '?'")
            if any(words in question.ask.lower() for words in LEADING_WORDS):
                problems.append(f"{where}: the question carries a premise")
            if question.stage == "analysis" and CLOSED_OPENINGS.match(question.ask):
                problems.append(f"{where}: an analysis question should be open (not yes/no)")
        if not any(re.search(r"\bfe(el|lt|eling)\b", q.ask) for q in theme.questions if q.stage == "reflection"):
            problems.append(f"themes.yml: '{theme.id}': no reflection question asks how it feels")
    return problems


def is_https(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme == "https" and bool(parts.netloc) and " " not in url


def link_problems(knowledge: Knowledge) -> List[str]:
    links = [link for toolkit in knowledge.toolkits for link in toolkit.links] + list(knowledge.other_resources)
    problems = []
    for link in links:
        if link.url == "" and link.confirmed:
            problems.append(f"toolkits.yml: '{link.title}': an empty address cannot be confirmed")
        elif link.url and not is_https(link.url):
            problems.append(f"toolkits.yml: '{link.title}': {link.url!r} is not an https address")
    problems += [f"themes.yml: '{t.id}': read_more {link.url!r} is not an https address"
                 for t in knowledge.themes for link in t.read_more if not is_https(link.url)]
    if "999" not in knowledge.urgent.message or "999" not in [c.phone for c in knowledge.urgent.contacts]:
        problems.append("urgent_help.yml: the urgent reply and its contacts must give 999")
    return problems


def content_problems(knowledge: Knowledge, directory: Path) -> List[str]:
    """Every rule above, for `python -m bot check` and the tests."""
    return (poster_problems(knowledge, directory) + restatement_problems(knowledge)
            + untraced_claims(knowledge, directory) + question_problems(knowledge) + link_problems(knowledge))
