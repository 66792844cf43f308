"""`govkg explain-entity NAME`: which entity a printed name resolves to, and why.

In: a name as printed (市发改委, 温州市综合行政执法局（城市管理局）, 汪驰), optional gazette issue
files whose printed names and （以下简称…） definitions join the resolution, optional user
alias files. Out: the canonical entity, the rule that merged the name, every known name
merged into the same entity with its rule, reform predecessors/successors, and the entity's IRI.
"""
from __future__ import annotations

from pathlib import Path

import click

from govkg.extractors.jurisdiction import (
    Jurisdiction,
    body_place,
    from_gazette_name,
    named,
)
from govkg.extractors.layout import load_issue
from govkg.extractors.reading import InputError
from govkg.extractors.resolve import ALIASES_ENV, Resolver, attested_bodies, explain
from govkg.graph.ids import make_iri
from govkg.graph.vocab import GKG
from govkg.graph.vocabulary import vocabulary


def _kind_label(kind: str) -> str:
    """"party body 党的机构": the English and Chinese labels of the entity's class in the
    ontology (a body's kind is its class's record code)."""
    v = vocabulary()
    cls = GKG.Person.value if kind == "person" else v.codes(GKG.Organization).get(kind)
    return f"{v.label(cls, 'en')} {v.label(cls, 'zh')}" if cls else kind


def _bundled_jurisdiction() -> Jurisdiction | None:
    """The jurisdiction of the bundled seed issues (read from their gazette names, not from code)."""
    from importlib import resources

    for path in sorted(resources.files("govkg.data").joinpath("seeds").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".txt"):
            found = from_gazette_name(load_issue(Path(str(path))).gazette.name)
            if found:
                return found
    return None


@click.command("explain-entity")
@click.argument("name")
@click.option("--issue", "issues", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="gazette issue file(s) whose printed names and （以下简称…） definitions join the resolution")
@click.option("--aliases", "alias_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help=f"extra alias TSV file(s): alias<TAB>full name (also read from ${ALIASES_ENV})")
@click.option("--city", help="the jurisdiction short forms resolve in, e.g. 温州市, 蔡甸区 (default: the issue's, else the bundled seeds')")
@click.option("--person", "as_person", is_flag=True, default=None, help="explain NAME as a person, not a body")
def explain_entity(name: str, issues: tuple[Path, ...], alias_files: tuple[Path, ...], city: str | None, as_person: bool | None):
    """Show the entity NAME resolves to, the rule that merged it, and every name merged into it.

    Bodies: short forms, full names and parenthesised second names are one entity (rules
    alias-table, city-prefix, parenthesised-alias, defined-short-form, abbreviation; a bare
    division before a government leader's title, government-of-division: 温州市 + 副市长);
    bodies renamed in a reform are listed as predecessors/successors, not merged.
    Persons: same name, same person (rule same-name).

    \b
    Example:
      govkg explain-entity 市发改委
      govkg explain-entity 市人力社保局 --issue gazette.txt
      govkg explain-entity 市卫健委 --aliases my-aliases.tsv
    """
    if not name.strip():
        raise InputError("NAME", "empty name")
    attested: list[str] = []
    texts: list[str] = []
    jurisdiction = None
    if city:
        jurisdiction = named(city)
        if jurisdiction is None:
            raise InputError("--city", f"{city}: not a division of the national gazetteer")
    if issues:
        from govkg.extractors.registry import extract_all

        for path in issues:
            issue = load_issue(path)
            found = extract_all(issue, only=("documents", "appointments", "responsibilities"))
            attested += attested_bodies(found)
            texts.append(issue.text)
            jurisdiction = jurisdiction or Resolver.for_issue(issue, found).jurisdiction
    jurisdiction = jurisdiction or _bundled_jurisdiction()
    resolver = Resolver(attested=attested, text="\n".join(texts), alias_files=alias_files, jurisdiction=jurisdiction)
    ex = explain(resolver, name, as_person)
    res = ex.resolution
    if ex.kind == "person":
        kind_iri = make_iri("person", jurisdiction.code if jurisdiction else "", res.canonical)
    else:
        kind_iri = make_iri("org", res.canonical)
    click.echo(f"{res.name}")
    click.echo(f"  entity: {res.canonical}  ({_kind_label(ex.kind)})")
    click.echo(f"  rule:   {res.rule}" + (f"  ({res.detail})" if res.detail else ""))
    click.echo(f"  iri:    {kind_iri}")
    if jurisdiction:
        where = f"{jurisdiction.level} in {jurisdiction.parent}" if jurisdiction.parent else jurisdiction.level
        click.echo(f"  jurisdiction: {jurisdiction.name}  ({jurisdiction.code}, {where}; "
                   f"rule {jurisdiction.rule}: {jurisdiction.evidence})")
    if ex.kind != "person":
        body = body_place(res.canonical)
        if body is not None:
            click.echo(f"  belongs to: {body.full}  ({body.code})")
    click.echo("  names merged into this entity:")
    width = max(len(r.name) for r in ex.merged)
    for r in ex.merged:
        pad = " " * (2 * (width - len(r.name)))   # CJK characters print two cells wide
        click.echo(f"    {r.name}{pad}  {r.rule}" + (f"  ({r.detail})" if r.detail else ""))
    for old, reform in ex.predecessors:
        click.echo(f"  predecessor: {old}  ({reform}; linked, not merged)")
    for new, reform in ex.successors:
        click.echo(f"  successor:   {new}  ({reform}; linked, not merged)")
