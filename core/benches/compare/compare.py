#!/usr/bin/env python3
"""Generates the comparison documents and reports timings and recall.

    compare.py gen OUTDIR            write OUTDIR/doc-{1k,10k,100k}.md (+ .truth.json) and empty.md
    compare.py report OUTDIR         print the table from the results run.sh left in OUTDIR

Used by run.sh; needs only the standard library.
"""

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = [("1k", 1_000), ("10k", 10_000), ("100k", 100_000)]
# One carrier sentence (holding a shared term) in every CARRIER_EVERY sentences,
# about one term per 120 words, so the 10k document holds every term at least once.
CARRIER_EVERY = 8
SENTENCES_PER_PARAGRAPH = 5
PARAGRAPHS_PER_SECTION = 4


def read_lines(name):
    return [
        line.rstrip("\n")
        for line in (HERE / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("# ")
    ]


def shared_terms():
    terms = []
    for line in read_lines("shared-terms.txt"):
        if line.startswith("#"):
            continue
        term, group, alex, dueregard = line.split("\t")
        terms.append({"term": term, "group": group, "alex": alex, "dueregard": dueregard})
    return terms


def carriers(terms):
    known = {t["term"] for t in terms}
    out = []
    for line in read_lines("sentences.txt"):
        found = re.findall(r"\{\{(.+?)\}\}", line)
        if len(found) != 1 or found[0] not in known:
            sys.exit(f"sentences.txt: each line needs one {{{{term}}}} from shared-terms.txt: {line}")
        out.append(line)
    missing = known - {re.search(r"\{\{(.+?)\}\}", s).group(1) for s in out}
    if missing:
        sys.exit(f"sentences.txt: no sentence for {sorted(missing)}")
    return out


def words(text):
    return len(text.split())


def generate(words_wanted, carrier_lines, filler, headings, seed):
    """Returns (markdown, truth, section_offsets). Pure ASCII, so byte, UTF-16
    and code-point offsets agree."""
    rng = random.Random(seed)
    title = f"# Service policy for the comparison ({words_wanted} words)\n\n"
    out = [title]
    length = len(title)
    section_offsets = []
    truth = []
    count = 0
    carrier_index = 0
    sentence_index = 0
    section_number = 0
    while count < words_wanted:
        heading = f"## {headings[section_number % len(headings)]} {section_number + 1}\n"
        section_number += 1
        out.append(heading)
        length += len(heading)
        section_offsets.append(length)
        body = ["\n"]
        body_length = length + 1
        for _ in range(PARAGRAPHS_PER_SECTION):
            sentences = []
            for _ in range(SENTENCES_PER_PARAGRAPH):
                sentence_index += 1
                if sentence_index % CARRIER_EVERY == 0:
                    line = carrier_lines[carrier_index % len(carrier_lines)]
                    carrier_index += 1
                    term = re.search(r"\{\{(.+?)\}\}", line).group(1)
                    plain = line.replace("{{", "").replace("}}", "")
                    offset_in_line = line.index("{{")
                    sentences.append((plain, term, offset_in_line))
                else:
                    sentences.append((rng.choice(filler), None, 0))
            paragraph = ""
            for plain, term, offset_in_line in sentences:
                if paragraph:
                    paragraph += " "
                if term is not None:
                    start = body_length + len(paragraph) + offset_in_line
                    truth.append({"term": term, "start": start, "end": start + len(term)})
                paragraph += plain
                count += words(plain)
            paragraph += "\n\n"
            body.append(paragraph)
            body_length += len(paragraph)
        text = "".join(body)
        out.append(text)
        length += len(text)
    markdown = "".join(out)
    for t in truth:
        assert markdown[t["start"]:t["end"]] == t["term"], t
    return markdown, truth, section_offsets, count


def cmd_gen(outdir):
    outdir.mkdir(parents=True, exist_ok=True)
    terms = shared_terms()
    carrier_lines = carriers(terms)
    filler_all = read_lines("filler.txt")
    headings = [l[3:] for l in filler_all if l.startswith("## ")]
    filler = [l for l in filler_all if not l.startswith("#")]
    (outdir / "empty.md").write_text("")
    for name, size in SIZES:
        markdown, truth, sections, count = generate(size, carrier_lines, filler, headings, seed=size)
        (outdir / f"doc-{name}.md").write_text(markdown)
        (outdir / f"doc-{name}.truth.json").write_text(
            json.dumps({"words": count, "bytes": len(markdown), "sections": sections, "terms": truth})
        )
        print(f"doc-{name}.md: {count} words, {len(markdown)} bytes, {len(sections)} sections, {len(truth)} shared terms embedded")


def overlaps(spans, start, end):
    return any(s < end and start < e for s, e in spans)


def dueregard_spans(report, section_offsets):
    spans = []
    for finding in report["violations"] + report["needs_review"]:
        loc = finding["location"]
        span = loc.get("span")
        m = re.fullmatch(r"/sections/(\d+)/text", loc["path"])
        if span is None or m is None:
            continue
        base = section_offsets[int(m.group(1))]
        spans.append((base + span["start"], base + span["end"]))
    return spans


def hyperfine_mean(path, command_name):
    """(median, fastest) seconds of one hyperfine command."""
    data = json.loads(Path(path).read_text())
    for r in data["results"]:
        if r["command"] == command_name:
            return r["median"], r["min"]
    raise KeyError(command_name)


def batch_of(path, doc):
    for r in json.loads(Path(path).read_text())["results"]:
        m = re.fullmatch(re.escape(doc) + r" x(\d+)", r["command"])
        if m:
            return r["command"], int(m.group(1))
    raise KeyError(doc)


def recall_of(spans, truth):
    found = [overlaps(spans, t["start"], t["end"]) for t in truth]
    return sum(found), len(found), {t["term"] for t, f in zip(truth, found) if not f}


def fmt_ms(seconds):
    ms = seconds * 1000
    return f"{ms:.3f}" if ms < 10 else f"{ms:.1f}"


def cmd_report(outdir):
    alex = json.loads((outdir / "alex-api.json").read_text())
    terms = shared_terms()
    empty_med, empty_min = hyperfine_mean(outdir / "dueregard-hyperfine.json", "empty")
    print()
    print(f"dueregard ms: release check binary, --format json, median of hyperfine runs of one process "
          f"checking the document many times, less process start-up and engine build (empty .md: "
          f"{fmt_ms(empty_med)} ms), per document; CLI = one process, one document, whole process.")
    print("alex: in-process = markdown() from alex's API in one warm node process (median), "
          "start-up excluded; CLI = node_modules/.bin/alex FILE, whole process.")
    print()
    header = ("doc", "words", "dueregard ms", "dueregard CLI ms", "alex ms", "alex CLI ms",
              "ratio", "CLI ratio")
    rows = []
    fastest = []
    totals = {"dueregard": [0, 0, set()], "alex": [0, 0, set()], "alex-noBinary": [0, 0, set()]}
    per_doc_recall = []
    for name, _ in SIZES:
        truth = json.loads((outdir / f"doc-{name}.truth.json").read_text())
        d_med, d_min = hyperfine_mean(outdir / "dueregard-hyperfine.json", f"doc-{name}")
        batch_name, batch = batch_of(outdir / "dueregard-hyperfine.json", f"doc-{name}")
        b_med, b_min = hyperfine_mean(outdir / "dueregard-hyperfine.json", batch_name)
        d_net = max((b_med - empty_med) / batch, 1e-7)
        a = alex["docs"][f"doc-{name}.md"]
        a_api = a["default"]["median_ms"] / 1000
        a_cli, a_cli_min = hyperfine_mean(outdir / "alex-cli-hyperfine.json", f"doc-{name}")
        d_net_min = max((b_min - empty_min) / batch, 1e-7)
        a_api_min = min(a["default"]["times_ms"]) / 1000
        fastest.append(f"doc-{name} {fmt_ms(d_net_min)} vs {fmt_ms(a_api_min)} ms = {a_api_min / d_net_min:,.0f}x, "
                       f"CLI {fmt_ms(d_min)} vs {fmt_ms(a_cli_min)} ms = {a_cli_min / d_min:,.0f}x")
        rows.append((f"doc-{name}", str(truth["words"]), fmt_ms(d_net), fmt_ms(d_med),
                     fmt_ms(a_api), fmt_ms(a_cli), f"{a_api / d_net:,.0f}x", f"{a_cli / d_med:,.0f}x"))
        report = json.loads((outdir / f"doc-{name}.dueregard.json").read_text())[0]["report"]
        found = {
            "dueregard": recall_of(dueregard_spans(report, truth["sections"]), truth["terms"]),
            "alex": recall_of([tuple(m[:2]) for m in a["default"]["messages"]], truth["terms"]),
            "alex-noBinary": recall_of([tuple(m[:2]) for m in a["noBinary"]["messages"]], truth["terms"]),
        }
        per_doc_recall.append((name, found))
        for tool, (hit, total, missed) in found.items():
            totals[tool][0] += hit
            totals[tool][1] += total
            totals[tool][2] |= missed
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    print("  ".join(h.rjust(w) for h, w in zip(header, widths)))
    for r in rows:
        print("  ".join(c.rjust(w) for c, w in zip(r, widths)))
    print()
    print("ratio = alex in-process / dueregard net; CLI ratio = alex CLI / dueregard CLI (both whole processes).")
    print("The same from each command's fastest run (less exposed to other load on a shared machine):")
    for line in fastest:
        print("  " + line)
    print()
    print(f"Recall on the {len(terms)} shared terms (shared-terms.txt), embedded occurrences "
          "found (a finding overlapping the term):")
    for name, found in per_doc_recall:
        print(f"  doc-{name}: " + "; ".join(
            f"{tool} {hit}/{total} ({100 * hit / max(total, 1):.1f}%)" for tool, (hit, total, _) in found.items()))
    for tool, (hit, total, missed) in totals.items():
        term_recall = len(terms) - len(missed)
        print(f"  {tool}: {hit}/{total} occurrences ({100 * hit / max(total, 1):.1f}%), "
              f"{term_recall}/{len(terms)} terms found everywhere; missed: "
              f"{', '.join(sorted(missed)) or 'none'}")
    print("  (alex = alex's defaults, as `npx alex` runs; alex-noBinary = with its noBinary option, "
          "which makes it report pairs such as \"he or she\".)")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("gen", "report"):
        sys.exit(__doc__)
    outdir = Path(sys.argv[2])
    {"gen": cmd_gen, "report": cmd_report}[sys.argv[1]](outdir)


if __name__ == "__main__":
    main()
