"""Load and check the content in knowledge/.

The partnership edits these YAML files without code, so a mistake must stop
start-up with a message naming the file and the field, never half-load.

The schemas are in bot/content/base.py (shared checks), audit.py (what is
shown as the audit's) and practice.py (themes, toolkits, patterns and the
rest); this module holds the whole (Knowledge, with the cross-references
between files, which need all of them at once) and the loading. The rules beyond shape (is it
the poster's words?) are in bot/content/provenance.py; the workshop's files in
bot/content/workshop_content.py.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Tuple

import yaml
from pydantic import BaseModel, ValidationError, root_validator

from bot.safety.danger import DangerSentences
from bot.content.base import (
    KnowledgeError,
    PROMPT_FIELDS,
    SOURCE_FILE,
    UNCONFIRMED_CAUTION,
    check_prompts,
)
from bot.content.audit import (
    Audit,
    Finding,
    SignOff,
    SourceDocument,
    collapse,
)
from bot.content.practice import (
    CaseOptions,
    ClosureCheck,
    ClosureFile,
    LanguageEntry,
    LanguageFile,
    Pattern,
    PatternFile,
    RecordFile,
    RecordSettings,
    Resource,
    StuckPathway,
    Theme,
    ThemeFile,
    Toolkit,
    ToolkitFile,
    UrgentFile,
    UrgentHelp,
)


class Knowledge(BaseModel):
    source: SourceDocument
    audit: Audit
    themes: List[Theme]
    toolkits: List[Toolkit]
    other_resources: List[Resource]
    urgent: UrgentHelp
    case_options: CaseOptions
    patterns: List[Pattern]
    language: List[LanguageEntry]
    stuck: StuckPathway
    closure: ClosureCheck
    prompts: Dict[str, str]
    danger_sentences: DangerSentences
    record: RecordSettings
    signoff: SignOff = SignOff()

    @root_validator(skip_on_failure=True)
    def cross_references(cls, values):
        passages = values["source"].passages
        for finding in values["audit"].findings:
            if collapse(finding.poster_text) not in {collapse(t) for t in passages.values()}:
                raise ValueError(f"audit.yml: finding '{finding.id}': poster_text is not one of the "
                                 f"passages in {SOURCE_FILE}")
        named = [("audit.yml", f"headline '{h.text[:40]}'", h.paraphrase_of) for h in values["audit"].headlines]
        named += [("language.yml", f"entry '{e.id}'", e.paraphrase_of) for e in values["language"]]
        for file, what, passage in named:
            if passage is not None and passage not in passages:
                raise ValueError(f"{file}: {what}: paraphrase_of names unknown passage '{passage}'")
        resource_ids = {r.id for r in values["other_resources"]}
        for theme in values["themes"]:
            for rid in theme.resources:
                if rid not in resource_ids:
                    raise ValueError(f"themes.yml: theme '{theme.id}' names unknown resource '{rid}'")
        finding_ids = {f.id for f in values["audit"].findings}
        for toolkit in values["toolkits"]:
            if toolkit.audit_finding not in finding_ids:
                raise ValueError(f"toolkits.yml: toolkit '{toolkit.id}' names unknown finding "
                                 f"'{toolkit.audit_finding}'")
        for theme in values["themes"]:
            for fid in theme.findings + [q.finding for q in theme.questions]:
                if fid not in finding_ids:
                    raise ValueError(f"themes.yml: theme '{theme.id}' names unknown finding '{fid}'")
        for pattern in values["patterns"]:
            if pattern.finding not in finding_ids:
                raise ValueError(f"patterns.yml: pattern '{pattern.id}' names unknown finding '{pattern.finding}'")
        concern_ids = {c.id for c in values["case_options"].concerns}
        agency_ids = {a.id for a in values["case_options"].agencies}
        for pattern in values["patterns"]:
            for cid in pattern.when.concerns_include:
                if cid not in concern_ids:
                    raise ValueError(f"patterns.yml: pattern '{pattern.id}' names unknown concern '{cid}'")
            for aid in pattern.when.only_agencies:
                if aid not in agency_ids:
                    raise ValueError(f"patterns.yml: pattern '{pattern.id}' names unknown agency '{aid}'")
        try:
            check_prompts(values["prompts"], PROMPT_FIELDS)
        except ValueError as error:
            raise ValueError(f"conversation.yml: prompts: {error}") from error
        return values

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)

    def toolkit(self, toolkit_id: str) -> Toolkit:
        return next(t for t in self.toolkits if t.id == toolkit_id)

    def finding(self, finding_id: str) -> Finding:
        return next(f for f in self.audit.findings if f.id == finding_id)

    def approved(self, key: str, text: str, passage: str) -> bool:
        """A reviewer approved these exact words as restating this passage (knowledge/signoff.yml)."""
        return any(a.key == key and collapse(a.text) == collapse(text) and a.passage == passage
                   for a in self.signoff.approvals)

    def audit_words(self, finding_id: str) -> str:
        """What may follow "From the audit: " for a finding.

        The summary once a reviewer has approved it; until then the poster's own words, with
        the summary marked as the assistant's wording, so nothing unapproved is shown as the audit's.
        """
        finding = self.finding(finding_id)
        if self.approved(f"audit.yml: findings.{finding_id}.summary", finding.summary, self.passage_of(finding_id)):
            return finding.summary
        return f"\"{finding.poster_text}\" (in the assistant's words: {finding.summary})"

    def pattern_source(self, pattern: "Pattern") -> str:
        """A pattern's reason, shown as the audit's only once approved; else its finding's poster words."""
        if self.approved(f"patterns.yml: {pattern.id}.why", pattern.why, self.passage_of(pattern.finding)):
            return pattern.why
        finding = self.finding(pattern.finding)
        return f"\"{finding.poster_text}\" (in the assistant's words: {pattern.why})"

    @property
    def headline_texts(self) -> List[str]:
        """The workshop's headlines: each approved paraphrase, or else the passage's own words."""
        return [h.text if self.approved(f"audit.yml: headlines.{n}", h.text, h.paraphrase_of)
                else self.source.passages[h.paraphrase_of]
                for n, h in enumerate(self.audit.headlines, 1)]

    @property
    def finding_summaries(self) -> Dict[str, str]:
        """finding id -> what is shown as the audit's words wherever it is cited (see audit_words)."""
        return {f.id: self.audit_words(f.id) for f in self.audit.findings}

    def passage_of(self, finding_id: str) -> str:
        """The poster passage id (e.g. worried.3) holding a finding's words."""
        return _passage_ids(tuple(self.source.passages.items()))[collapse(self.finding(finding_id).poster_text)]

    def resource(self, resource_id: str) -> Resource:
        return next(r for r in self.other_resources if r.id == resource_id)

    def link_line(self, title: str, url: str, confirmed: bool) -> str:
        """'title: url', with the one caution when the address is not yet confirmed."""
        line = f"{title}: {url}" if url else title
        return line if confirmed else f"{line} ({UNCONFIRMED_CAUTION})"

    def pattern(self, pattern_id: str) -> Pattern:
        return next(p for p in self.patterns if p.id == pattern_id)

    def prompt(self, key: str, **values: object) -> str:
        return self.prompts[key].format(**values)


# libyaml's safe loader where PyYAML has it (its wheels do): the same data, read about 25 times faster, which
# matters because every server and test process reads knowledge/ (5,000 danger sentences) once at start.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    """YAML text as plain data (safe: no tags that build objects)."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


@lru_cache(maxsize=4)
def _passage_ids(passages: Tuple[Tuple[str, str], ...]) -> Dict[str, str]:
    """Each passage's words (spaces collapsed) -> its id, worked out once per poster text.

    Every question shown cites its finding's passage, so this is asked many times a turn.
    """
    found: Dict[str, str] = {}
    for pid, text in passages:
        found.setdefault(collapse(text), pid)  # the first, as a search in order would find
    return found


def read_yaml(directory: Path, name: str) -> dict:
    path = directory / name
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{path}: file is missing") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: expected a mapping of fields at the top level")
    return data


def parse_model(model, data: dict, path: Path):
    try:
        return model.parse_obj(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise KnowledgeError(f"{path}: {problems}") from exc


def load_source(directory: Path) -> SourceDocument:
    """The poster's passages, each checked to be word for word on the poster's text."""
    path = Path(directory) / SOURCE_FILE
    source = parse_model(SourceDocument, read_yaml(Path(directory), str(SOURCE_FILE)), path)
    text_path = path.parent / source.text_file
    try:
        source.text = text_path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{text_path}: file is missing") from exc
    for passage_id, words in source.passages.items():
        if not source.on_document(words):
            raise KnowledgeError(f"{path}: passages.{passage_id}: not word for word on {source.text_file}")
    return source


def load_knowledge(directory: Path) -> Knowledge:
    directory = Path(directory)
    themes = parse_model(ThemeFile, read_yaml(directory, "themes.yml"), directory / "themes.yml")
    toolkits = parse_model(ToolkitFile, read_yaml(directory, "toolkits.yml"), directory / "toolkits.yml")
    prompts = read_yaml(directory, "conversation.yml").get("prompts")
    if not isinstance(prompts, dict) or not all(isinstance(v, str) for v in prompts.values()):
        raise KnowledgeError(f"{directory / 'conversation.yml'}: prompts: must map names to text")
    try:
        return Knowledge(
            source=load_source(directory),
            audit=parse_model(Audit, read_yaml(directory, "audit.yml"), directory / "audit.yml"),
            themes=themes.themes,
            toolkits=toolkits.toolkits,
            other_resources=toolkits.other_resources,
            urgent=parse_model(UrgentFile, read_yaml(directory, "urgent_help.yml"),
                               directory / "urgent_help.yml").urgent_help,
            case_options=parse_model(CaseOptions, read_yaml(directory, "case_options.yml"),
                                     directory / "case_options.yml"),
            patterns=parse_model(PatternFile, read_yaml(directory, "patterns.yml"),
                                 directory / "patterns.yml").patterns,
            language=parse_model(LanguageFile, read_yaml(directory, "language.yml"),
                                 directory / "language.yml").entries,
            stuck=parse_model(StuckPathway, read_yaml(directory, "stuck.yml"), directory / "stuck.yml"),
            closure=parse_model(ClosureFile, read_yaml(directory, "closure.yml"),
                                directory / "closure.yml").closure_check,
            prompts=prompts,
            danger_sentences=parse_model(DangerSentences, read_yaml(directory, "danger_sentences.yml"),
                                    directory / "danger_sentences.yml"),
            record=parse_model(RecordFile, read_yaml(directory, "record.yml"), directory / "record.yml").record,
            signoff=parse_model(SignOff, read_yaml(directory, "signoff.yml"), directory / "signoff.yml"),
        )
    except ValidationError as exc:
        raise KnowledgeError("; ".join(err["msg"] for err in exc.errors())) from exc


@lru_cache(maxsize=4)
def cached_knowledge(directory: str) -> Knowledge:
    """One load per process: the files are read at start, not per message."""
    return load_knowledge(Path(directory))
