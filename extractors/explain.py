"""What the recognition pipeline saw in one passage of an issue, for auditing a fact.

In: an `Issue`, a 1-based source line N and a number of lines K. Out: a `Passage` (the text of
the paragraphs covering source lines N..N+K-1, its entities, and the appointment acts read in
it), rendered either as marked-up text for a terminal
("[郑邦良|PERSON]任[温州市人民政府办公室|ORG][调研员|POST]") or as a displaCy HTML page.

A passage inside a 人事任免 section is recognised with the whole section as context (the
"免去：" preamble governs the lines below it), exactly as the appointments extractor reads it,
so what `govkg explain` shows is what `govkg extract` used.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy import displacy

from .appointments import Act
from .issue import Issue
from .layout import input_kind
from .nlp import recognise

#: displaCy colours for our labels (its defaults only know OntoNotes labels).
COLORS = {"PERSON": "#f9c74f", "POST": "#90be6d", "ORG": "#8ecae6", "PLACE": "#cdb4db",
          "DATE": "#ffafcc", "DOCNO": "#f4a261"}


@dataclass
class Entity:
    start: int          # offsets into Passage.text
    end: int
    label: str
    text: str


@dataclass
class Passage:
    issue: str
    first_line: int
    last_line: int
    start: int          # offsets into Issue.text
    end: int
    text: str
    entities: list[Entity] = field(default_factory=list)
    acts: list[Act] = field(default_factory=list)


def passage(issue: Issue, line: int, lines: int = 10) -> Passage:
    """The paragraphs covering source lines line..line+lines-1 and what the pipeline found."""
    start = issue.offset_of_line(line)
    end = issue.offset_of_line(line + max(lines, 1))
    # widen to whole paragraphs so a sentence is never cut in the middle
    start = issue.text.rfind("\n", 0, start) + 1
    nl = issue.text.find("\n", max(end - 1, start))
    end = len(issue.text) if nl < 0 else nl
    section = issue.section_at(start)
    if section is not None and section.kind == "personnel":
        base, stop = section.start, section.end
        noise = tuple({h.text for h in issue.headings} | {s.heading for s in issue.sections if s.heading})
        doc = recognise(issue.text[base:stop], personnel=True, noise=noise)
    else:
        base, stop = start, end
        # Outside a personnel section, a gazette issue records no acts; other texts are scanned.
        doc = recognise(issue.text[start:end], scan=input_kind(issue) != "issue")
    out = Passage(issue=issue.name, first_line=issue.line_at(start), last_line=issue.line_at(max(start, end - 1)),
                  start=start, end=end, text=issue.text[start:end])
    for ent in doc.ents:
        a, b = base + ent.start_char, base + ent.end_char
        if a >= start and b <= end:
            out.entities.append(Entity(a - start, b - start, ent.label_, ent.text))
    out.acts = [act for act in getattr(doc._, "acts", []) if start <= base + act.clause_span[0] < end]
    return out


def markup(p: Passage) -> str:
    """The passage with each entity bracketed: [text|LABEL]."""
    parts, pos = [], 0
    for e in p.entities:
        parts.append(p.text[pos:e.start])
        parts.append(f"[{p.text[e.start:e.end]}|{e.label}]")
        pos = e.end
    parts.append(p.text[pos:])
    return "".join(parts)


def acts_table(p: Passage) -> str:
    """One line per appointment act read in the passage."""
    rows = []
    for a in p.acts:
        rows.append("\t".join([a.person, a.action, a.organization or "-", a.post, a.qualifier or "-"]))
    return "\n".join(rows)


def render_text(p: Passage) -> str:
    head = f"{p.issue} lines {p.first_line}-{p.last_line}"
    body = markup(p)
    acts = acts_table(p)
    if acts:
        body += "\n\nacts (person, action, organization, post, qualifier):\n" + acts
    return f"{head}\n{body}\n"


def render_html(p: Passage) -> str:
    """A standalone displaCy page of the passage's entities."""
    data = {
        "text": p.text,
        "ents": [{"start": e.start, "end": e.end, "label": e.label} for e in p.entities],
        "title": f"{p.issue} lines {p.first_line}-{p.last_line}",
    }
    return displacy.render(data, style="ent", manual=True, page=True, options={"colors": COLORS})
