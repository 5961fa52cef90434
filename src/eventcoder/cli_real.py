"""`eventcoder evaluate-real`: scores on the real-news corpus (realnews/gold.jsonl), registered on the main group."""
from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("evaluate-real")
@click.option("--gold", "gold", type=click.Path(dir_okay=False), default="realnews/gold.jsonl", show_default=True,
              help="Real-news gold JSONL (texts under texts/ beside it).")
@click.option("--split", "splits", multiple=True, type=click.Choice(["dev", "heldout"]),
              help="Only this split (repeatable; default both).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, writable=True), default="-", show_default=True,
              help="Also write the scores as JSON here ('-' for none).")
@click.option("--details", is_flag=True, help="Also print the sub-event-type confusion of each split.")
@click.option("--show", "show", multiple=True, metavar="FIELD",
              help="List the events where FIELD disagrees with gold ('detection' for unmatched events, "
                   "'all' for everything); repeatable.")
@click.option("--against", "against", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score these gold-format codings (e.g. a second human coder's) instead of the coder's: "
                   "inter-coder agreement on the reports that file holds.")
def evaluate_real_cmd(gold: str, splits: tuple[str, ...], json_out: str, details: bool, show: tuple[str, ...],
                      against: str | None) -> None:
    """Code the real-news reports and print the scores per split and language.

    Columns: all languages, English, non-English, then each other language; rows: main-event
    and event F1, negatives clean, end-to-end accuracy over all gold events (a missed event
    counts wrong), accuracy on matched events, and incident pairwise F1 over the same-event
    groups. Reports whose text is not restored are skipped, with how to restore them.

    \b
    Example:
        eventcoder evaluate-real --split dev --show fatalities
    """
    from .evaluate import format_mismatches, load_gold, select
    from .evaluate_real import SPLITS, codings_as_coder, evaluate_real, format_real, missing_help, missing_texts

    gold_path = Path(gold)
    if not gold_path.is_file():
        raise click.ClickException(f"E401 gold file not found: {gold_path}")
    splits = splits or SPLITS
    reports = select(load_gold(gold_path), splits=set(splits))
    missing = [] if against else missing_texts(reports, gold_path.parent)
    if missing:
        click.echo(missing_help(missing, gold_path.parent), err=True)
        if len(missing) == len(reports):
            raise SystemExit(0)
    result = evaluate_real(gold_path, splits, coder=codings_as_coder(against) if against else None,
                           pooled=bool(against))
    click.echo(format_real(result, splits))
    for split in splits:
        scores = result.get(split, {}).get("all")
        if not scores:
            continue
        if details:
            click.echo(f"sub_event_type confusion, {split} (gold -> predicted: n)")
            for row in scores["sub_event_confusion"]:
                mark = "" if row["gold"] == row["pred"] else "   <-- wrong"
                click.echo(f"  {row['gold']} -> {row['pred']}: {row['n']}{mark}")
        if show:
            click.echo(f"\n{split}:\n" + format_mismatches(scores, show))
    if json_out and json_out != "-":
        Path(json_out).write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
        click.echo(f"\nscores written to {json_out}", err=True)


@click.command("calibrate")
@click.option("--gold", "gold", type=click.Path(dir_okay=False), default="realnews/gold.jsonl", show_default=True,
              help="Gold JSONL whose reports the model is fitted on (texts beside it).")
@click.option("--split", "split", default="dev", show_default=True,
              help="Fit on this split only (never the held-out one); 'all' for every report.")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Where to write the model [default: the package's data/calibration.json].")
@click.option("--unseen", "unseen", type=click.Path(dir_okay=False), default="realnews/calibration_unseen.jsonl",
              show_default=True, help="Rows of reports coded before any rule was written on them: the "
              "correction for unseen reports is fitted on them (skipped when the file is absent).")
@click.option("--record", "record", default=None, metavar="SHARES",
              help="Instead of fitting: code the split's reports of these coders' shares (ids r<SHARE><nn>, "
                   "comma-separated, e.g. 'AJ,AK') with the current coder and append their rows to --unseen. "
                   "Do it for a fresh batch BEFORE writing any rule on it.")
def calibrate_cmd(gold: str, split: str, out: str | None, unseen: str, record: str | None) -> None:
    """Fit `confidence` to the probability that a coded event is right (matched, same sub-event type).

    Codes the split's reports, fits a logistic model over the coder's own signals (scikit-learn,
    `pip install -e '.[test]'`), writes it as plain numbers and prints the reliability table and
    the expected calibration error before and after. The held-out split is refused.

    \b
    Example:
        eventcoder calibrate --gold realnews/gold.jsonl --split dev
    """
    from . import calibration as cal
    from .evaluate import code_reports, load_gold, select
    from .evaluate_real import missing_texts
    from .resources import data_path

    if split == "heldout":
        raise click.ClickException("the held-out split is measured, never fitted on")
    gold_path = Path(gold)
    reports = select(load_gold(gold_path), splits=None if split == "all" else {split})
    missing = {r["id"] for r in missing_texts(reports, gold_path.parent)}
    reports = [r for r in reports if r["id"] not in missing]
    if not reports:
        raise click.ClickException(f"no report of split {split!r} has its text in place (see realnews/README.md)")
    if record:
        _record_unseen(reports, gold_path, unseen, record.split(","))
        return
    rows = cal.labelled(reports, code_reports(reports, gold_path.parent))
    click.echo("before:\n" + cal.format_reliability(cal.reliability((c, r) for _, c, r in rows)))
    model = cal.fit(rows, f"{gold_path} split {split}: {len(reports)} reports")
    target = Path(out) if out else data_path(cal.MODEL_FILE)
    target.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    cal.load_model.cache_clear()
    after = cal.reliability((cal.probability(f, model), r) for f, _, r in rows)
    held = cal.cross_validated(rows)
    model["ece_in_sample"], model["ece_cross_validated"] = after["ece"], held["ece"]
    target.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    click.echo("after (in sample):\n" + cal.format_reliability(after))
    click.echo("after (5-fold cross-validated, an honest estimate):\n" + cal.format_reliability(held))
    try:
        unseen_rows = cal.load_unseen(unseen)
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    layer = cal.fit_unseen(model, unseen_rows) if unseen_rows else None
    if layer:
        before_u, after_u = cal.unseen_reliability(model, unseen_rows)
        model["unseen"] = {**layer, "ece_before": before_u["ece"], "ece_after_leave_one_batch_out": after_u["ece"]}
        target.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        cal.load_model.cache_clear()
        click.echo(f"unseen reports ({len(unseen_rows)} coded events of {len(layer['batches'])} fresh batches, "
                   f"{unseen}): correction a={layer['a']} b={layer['b']}\n"
                   "without it:\n" + cal.format_reliability(before_u) +
                   "\nwith it (fitted leaving each batch out):\n" + cal.format_reliability(after_u))
    else:
        click.echo(f"no correction for unseen reports ({unseen}: {len(unseen_rows)} rows)")
    click.echo(f"model written to {target}")


def _record_unseen(reports: list[dict], gold_path: Path, unseen: str, shares: list[str]) -> None:
    """Code the reports of `shares` with the current coder; append their labelled rows to `unseen`."""
    import subprocess

    from . import calibration as cal
    from .evaluate import code_reports

    picked = [r for r in reports if r["id"][1:].rstrip("0123456789") in shares]
    if not picked:
        raise click.ClickException(f"no report of shares {','.join(shares)} in this split")
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    coded = code_reports(picked, gold_path.parent)
    lines = []
    for report in picked:
        for feats, _, right in cal.labelled([report], coded):
            lines.append(json.dumps({"id": report["id"], "commit": commit, "features": feats, "right": bool(right)}))
    try:
        with open(unseen, "a", encoding="utf-8") as fh:
            fh.write("".join(line + "\n" for line in lines))
    except OSError as err:
        raise click.ClickException(f"cannot append to {unseen}: {err.strerror}") from None
    click.echo(f"{len(lines)} coded events of {len(picked)} reports (commit {commit}) appended to {unseen}")


COMMANDS = [evaluate_real_cmd, calibrate_cmd]
