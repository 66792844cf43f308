"""`govkg evaluate`: score an extraction against reference answers (docs/SCHEMA.md's rules).

In: PRED.json and GOLD.json in the shape of docs/SCHEMA.md, or with `--set DIR` a folder of
answer files NAME.json whose texts NAME.txt lie in DIR/texts (or `--texts DIR`). Out: precision,
recall and F1 per section and overall; `--errors` lists the records missed and the spurious
ones; `--json` prints the scores as JSON. The set is extracted in this process with the
registered extractors and micro-averaged per section.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from govkg.extractors.evaluate import SET_SECTIONS, doc_fields, prf, score, score_set


def _load_json(path: Path) -> dict:
    from govkg.extractors.reading import InputError, read_text

    try:
        return json.loads(read_text(path))
    except ValueError as exc:
        raise InputError(path, f"not JSON ({exc})") from None


def _extract(path: Path) -> dict:
    from govkg.extractors.layout import load_issue
    from govkg.extractors.registry import extract_all, schema_json

    issue = load_issue(path)
    return schema_json(issue, extract_all(issue))


@click.command("evaluate")
@click.argument("pred", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.argument("gold", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--set", "answer_dir", type=click.Path(file_okay=False, path_type=Path),
              help="score every NAME.json in this folder against the extraction of its text NAME.txt")
@click.option("--texts", "text_dir", type=click.Path(file_okay=False, path_type=Path),
              help="where the texts of --set lie (default: DIR/texts)")
@click.option("--errors", is_flag=True, help="list missed and spurious records")
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
def evaluate(pred: Path | None, gold: Path | None, answer_dir: Path | None, text_dir: Path | None,
             errors: bool, as_json: bool):
    """Score extracted facts against reference answers, per section (micro-averaged).

    \b
    Examples:
      govkg extract notice.txt > pred.json && govkg evaluate pred.json answers.json --errors
      govkg evaluate --set tests/fixtures/external --errors
    """
    if answer_dir is not None:
        _evaluate_set(answer_dir, text_dir or answer_dir / "texts", errors, as_json)
        return
    if pred is None or gold is None:
        raise click.UsageError("give PRED.json and GOLD.json, or --set DIR")
    p, g = _load_json(pred), _load_json(gold)
    rows = score(p, g)
    strict = [s for s in rows if s != "appointments_loose"]
    total = [sum(rows[s][k] for s in strict) for k in ("tp", "pred", "gold")]
    matched, right = doc_fields(p.get("documents") or [], g.get("documents") or [])
    if as_json:
        out: dict = {s: dict(zip(("precision", "recall", "f1"), prf(r["tp"], r["pred"], r["gold"])),
                             tp=r["tp"], pred=r["pred"], gold=r["gold"]) for s, r in rows.items()}
        out["overall"] = dict(zip(("precision", "recall", "f1"), prf(*total)))
        out["document_fields"] = {"matched": matched, "issuers_and_date_right": right}
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    click.echo(f"{'section':20} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for s, r in rows.items():
        pr, rc, f = prf(r["tp"], r["pred"], r["gold"])
        click.echo(f"{s:20} {r['gold']:5} {r['pred']:5} {r['tp']:5} {pr:6.3f} {rc:6.3f} {f:6.3f}")
        if errors:
            for m in r["missed"]:
                click.echo(f"    missed   {m}")
            for m in r["spurious"]:
                click.echo(f"    spurious {m}")
    if matched:
        click.echo(f"document fields: issuers and date right for {right} of {matched} matched documents")
    pr, rc, f = prf(*total)
    click.echo(f"overall F1 {f:.3f} (P {pr:.3f} R {rc:.3f})")


def _evaluate_set(answer_dir: Path, text_dir: Path, errors: bool, as_json: bool) -> None:
    answers = sorted(answer_dir.glob("*.json"))
    result = score_set(answers, _extract, lambda a: text_dir / (a.stem + ".txt"))
    if as_json:
        out = {s: dict(zip(("precision", "recall", "f1"), prf(t[2], t[1], t[0])), gold=t[0], pred=t[1], tp=t[2])
               for s, t in result.totals.items() if t[0] or t[1]}
        click.echo(json.dumps({"texts": result.texts, "refused": result.refused, "sections": out},
                              ensure_ascii=False, indent=1))
        return
    if errors:
        for name, section, what, record in result.errors:
            click.echo(f"  {name} {section} {what:8} {record}")
    click.echo(f"{result.texts} texts, {len(result.refused)} refused")
    for name, err in result.refused:
        click.echo(f"  refused {name}: {err[:120]}")
    click.echo(f"{'section':18}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>7}{'R':>7}{'F1':>7}")
    for s in SET_SECTIONS:
        g, p, tp = result.totals[s]
        if g or p:
            pr, rc, f = prf(tp, p, g)
            click.echo(f"{s:18}{g:6}{p:6}{tp:6}{pr:7.3f}{rc:7.3f}{f:7.3f}")
