"""The rules a partnership's content must keep, beyond its shape: what `python -m bot check` runs.

The schemas in bot/content/knowledge.py say a file is well formed; these rules say
its words can be signed off:

- everything shown as the audit's is on the poster (knowledge/sources/):
  finding texts and good practice word for word, every poster bullet
  recorded, summaries, reasons and headlines restating the passage they
  name (most of its words, almost none of their own), and no sentence in
  any file saying what the audit found, identified or highlighted ("From
  the audit: ...") unless it quotes a whole passage or clause, adding only
  framing words, or restates the passage it names;
- text built in the code (bot/) that presents the audit is listed in
  knowledge/signoff.yml, where a reviewer sees it; approvals there name
  the exact words and passage they approved (bot/content/signoff.py builds
  the table a partnership signs);
- every finding is answered by a theme, and every question, in every file,
  is open, one thing at a time (no "..., and what ...?"), without a
  premise, in the cycle's order, with a reflection question about feelings;
- links are https (an address may be empty only while it is unconfirmed;
  confirmed only with a named reviewer and date), and the urgent reply
  gives 999.

These are a floor the machine can hold; the partnership's reviewer, reading
the sign-off table, is the judge of whether a paraphrase says only what the
poster says.

Each rule returns plain sentences naming the file and the item, so a
maintainer knows what to fix. The tests run the same functions.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Tuple
from urllib.parse import urlparse

from .knowledge import Knowledge, parse_yaml

POSTER_FILE = Path("sources") / "audit-repeat-cp-plans-2025.txt"
GOOD_PRACTICE_HEADING = "What Good Practice did we see?"
STAGES_IN_ORDER = ["experience", "reflection", "analysis", "action"]
# A sentence that presents something as the audit's (it must quote a whole passage or restate the one it names).
CLAIM_VERBS = (r"found|finds|saw|sees|sensed|asked|asks|warned|flagged|pointed|said|says|called|was worried|"
               r"showed|shows|listed|identified|identifies|highlighted|highlights|noted|notes|observed|raised|"
               r"reported|concluded|recommended|recommends|described|learned|tells us|told us")
AUDIT_CLAIM = re.compile(r"\b(?:audit|poster|auditors)\b\s+(?:\w+\s+)?(?:" + CLAIM_VERBS + r")\b(?:\s+\S|\s*:)"
                         r"|\b(?:from|according to|in|per)\s+the\s+audit\b\s*[:,]"
                         r"|\b(?:identified|highlighted|found|noted|seen)\s+(?:by|in)\s+the\s+audit\b"
                         r"|\bthe\s+audit's\s+(?:finding|findings|words|view|conclusion)s?"
                         r"\s+(?:is|was|are|were|that)\b",
                         re.IGNORECASE)
QUOTED = re.compile(r"['\"\u2018\u201c]([^'\"\u2019\u201d]{3,}?)['\"\u2019\u201d](?=[\s.,;:?!)]|$)")
# Where a poster passage divides into clauses: a quote must be a whole passage or a whole clause of one.
CLAUSE_BREAKS = re.compile(r"\s+[\u2013-]\s+|:\s+|,\s+|\.\s+|\?\s*$")
# Words that frame a restatement or are too common to carry a claim of their own.
STOP_WORDS = {"audit", "found", "there", "their", "which", "where", "when", "with", "that", "this", "were",
              "have", "been", "being", "some", "from", "into", "once", "than", "they", "what", "about",
              "said", "asked", "sensed", "means", "could", "should", "need", "needs", "pointed", "also",
              "children", "child", "each", "other", "such", "example", "these", "those", "those", "them",
              "plans", "plan", "more", "much", "only", "just", "then", "again", "there", "poster", "says",
              "found", "audits", "showed", "looked", "recorded", "records", "record", "identified",
              "highlighted", "noted", "worried", "worry", "evidence", "evident", "many", "most", "often", "over",
              "while", "audited"}
# Short forms the poster uses, read as their words so "CP" and "child protection" are the same.
SHORT_FORMS = {"cp": "child protection", "da": "domestic abuse", "cin": "child in need", "asc": "adult social care",
               "eg": "for example", "e.g": "for example"}
SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+|(?<=[.?!]['\"\u2019\u201d])\s+")
# A paraphrase may bring at most this many words of its own (its stems not in the passage).
NEW_WORDS_ALLOWED = 2
# Two questions joined as one ("what happened, and what did it mean?"): ask one thing at a time.
DOUBLE_QUESTION = re.compile(r"\b(?:and|or)\s+(?:what|how|who|whom|whose|when|where|which|why)\b[^?]*\?", re.IGNORECASE)
CLOSED_OPENINGS = re.compile(r"^(has|have|is|are|do|does|did|can|could|would|will|should|was|were)\b", re.I)
# Premises a worker has not given: a parent's cooperation, a worry, escalation under way, a tool used.
LEADING_WORDS = ("feel better", "protective parent", "the trauma", "their trauma", "why not", "if not,",
                 "seems cooperative", "how cooperative", "the worry based", "a worry about a decision",
                 "stage of the resolving professional differences procedure is next", "got in the way")
# Examples of what practitioners type, and the sign-off file's own templates (checked as code), are not claims.
NOT_CLAIMS = ("danger_sentences.yml", "signoff.yml")


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
    words = [SHORT_FORMS.get(w, w) for w in re.findall(r"[a-z]+", text.lower())]
    words = " ".join(words).split()
    return {w[:5] for w in words if len(w) >= 4 and w not in STOP_WORDS}


def new_words(paraphrase: str, passage: str) -> set:
    """The paraphrase's word stems that are not in the passage: what it adds."""
    return stems(paraphrase) - stems(passage)


def paraphrases(paraphrase: str, passage: str) -> bool:
    """A restatement carries most of its passage's words and adds almost none of its own.

    Sharing a couple of words is not enough ("closing child protection plans after six months
    is unlawful" shares three with worried.4 and adds three claims). This is a floor for the
    machine to hold; a partnership reviewer approves each paraphrase in signoff.yml.
    """
    own, theirs = stems(paraphrase), stems(passage)
    return 2 * len(own & theirs) >= len(theirs) and len(own - theirs) <= NEW_WORDS_ALLOWED


def clauses(passage: str) -> List[str]:
    """A passage and each of its clauses (split at a dash, colon, comma or full stop)."""
    parts = [collapse(p).strip(" .?") for p in CLAUSE_BREAKS.split(passage)]
    return [collapse(passage).strip(" .?")] + [p for p in parts if len(p.split()) >= 3]


def quoted_passage(quote: str, passages: dict) -> Optional[str]:
    """The passage id a quote is, word for word: a whole passage or a whole clause of one (else None)."""
    words = collapse(quote).strip(" .?").lower()
    for pid, text in passages.items():
        if words in (c.lower() for c in clauses(text)):
            return pid
    return None


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
        for where, holder, text in strings(parse_yaml(path.read_text(encoding="utf-8"))):
            for sentence in SENTENCE_BREAK.split(text):
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


def quote_traces(sentence: str, passages: dict) -> Optional[str]:
    """The passage a sentence quotes, when it quotes a whole passage or clause and adds nothing of its own.

    A few words from the poster in quotation marks ("child protection") do not make the rest
    of the sentence the audit's: the quote must be a whole passage or clause of one, and the
    words around it may only frame it ("The audit found: ...").
    """
    for quote in QUOTED.findall(sentence):
        pid = quoted_passage(quote, passages)
        if pid and len(new_words(sentence.replace(quote, " "), passages[pid])) <= NEW_WORDS_ALLOWED:
            return pid
    return None


def untraced_claims(knowledge: Knowledge, directory: Path) -> List[str]:
    """Sentences saying what the audit found that neither quote the poster nor name their passage."""
    untraced = []
    for name, where, holder, sentence in audit_claims(directory):
        quoted = quote_traces(sentence, knowledge.source.passages)
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
    for where, text in questions_everywhere(knowledge):
        found = DOUBLE_QUESTION.search(text)
        if found:
            problems.append(f"{where}: asks two things at once (\"{found.group(0)[:40]}\"): ask one thing at a time")
    return problems


def questions_everywhere(knowledge: Knowledge) -> List[Tuple[str, str]]:
    """(where, text) for every question the assistant asks a practitioner, from every file."""
    asked = [(f"themes.yml: '{t.id}'", q.ask) for t in knowledge.themes for q in t.questions]
    asked += [(f"patterns.yml: '{p.id}'", p.question) for p in knowledge.patterns if p.question]
    stuck = knowledge.stuck.questions + knowledge.stuck.lasting_change.questions
    asked += [(f"stuck.yml: '{q.id}'", q.ask) for q in stuck]
    asked += [(f"closure.yml: questions.{name}", text) for name, text in knowledge.closure.questions.dict().items()]
    asked += [(f"conversation.yml: prompts.{name}", text) for name, text in knowledge.prompts.items()
              if name.startswith("ask_")]
    return asked


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


def code_root() -> Path:
    """The bot package's folder: the code whose texts are checked."""
    import bot
    return Path(bot.__file__).parent


def literal_texts(path: Path) -> Iterator[str]:
    """Every string literal in a Python file, an f-string written with {} where the code fills it in."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    inside = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            yield "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}"
                          for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside:
            yield node.value


def python_claims(root: Path) -> Iterator[Tuple[str, str]]:
    """(file, text) for every text in the code that presents something as the audit's (docstrings aside)."""
    root = Path(root)
    for path in sorted(root.rglob("*.py")):
        docstrings = {ast.get_docstring(n, clean=False) for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                      if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))}
        for text in literal_texts(path):
            if text not in docstrings and AUDIT_CLAIM.search(text):
                yield path.relative_to(root.parent).as_posix(), text


def code_problems(knowledge: Knowledge, root: Path) -> List[str]:
    """Text built in the code that presents the audit must be listed in signoff.yml for a reviewer."""
    listed = {(t.file, t.text) for t in knowledge.signoff.python_texts}
    return [f"{file}: text built in the code presents the audit but is not in signoff.yml's python_texts "
            f"(list it, saying what fills it, or reword it): {text!r}"
            for file, text in python_claims(root) if (file, text) not in listed]


def signoff_problems(knowledge: Knowledge) -> List[str]:
    """Each approval names a line of the table, with the words and passage it now has."""
    from .signoff import table
    rows = {row.key: row for row in table(knowledge)}
    problems = []
    for approval in knowledge.signoff.approvals:
        row = rows.get(approval.key)
        if row is None:
            problems.append(f"signoff.yml: approval '{approval.key}' names no line of the sign-off table")
        elif collapse(row.text) != collapse(approval.text) or row.passage != approval.passage:
            problems.append(f"signoff.yml: '{approval.key}' has changed since {approval.reviewer} approved it on "
                            f"{approval.date}: it is shown as the assistant's wording until approved again")
    return problems


def content_problems(knowledge: Knowledge, directory: Path, code: Optional[Path] = None) -> List[str]:
    """Every rule above, for `python -m bot check` and the tests (code: the bot package unless given)."""
    return (poster_problems(knowledge, directory) + restatement_problems(knowledge)
            + untraced_claims(knowledge, directory) + question_problems(knowledge) + link_problems(knowledge)
            + code_problems(knowledge, code or code_root()) + signoff_problems(knowledge))
