#!/usr/bin/env python3
"""Checks `dueregard annotate` from outside, for every .docx fixture.

    annotate_roundtrip.py DUEREGARD FIXTURES_DIR WORK_DIR

For each fixture (plus safe_fixes.docx, written here with python-docx: safe
fixes whose words cross differently formatted runs), asserts that:

- the annotated copy opens with python-docx;
- it holds one dueregard comment per unwaived finding of `dueregard check`
  on the original, plus one summary comment (waived findings get none);
- each comment on a finding's words covers exactly those words (white space
  normalised): the text between its range marks, read with every change
  rejected, equals the span's text, which the finding's excerpt contains;
- the text with every tracked change rejected equals the original's;
- annotating the annotated copy gives the same bytes;
- with every tracked change accepted (the XML rewritten here), `dueregard
  check` finds no finding with a safe fix left;
- LibreOffice converts every annotated copy to PDF in one headless call with
  a private profile, and every PDF exists (soffice can exit 0 on failure).
"""

import copy
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import docx
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag):
    return "{%s}%s" % (W, tag)


def run(cmd, ok=(0, 1)):
    done = subprocess.run(cmd, capture_output=True)
    if done.returncode not in ok:
        sys.exit("failed (%d): %s\n%s" % (done.returncode, " ".join(cmd), done.stderr.decode()))
    return done


def check_json(dueregard, path):
    out = run([dueregard, "check", "--format", "json", path]).stdout
    return json.loads(out)[0]["report"]


def findings(report):
    return report["violations"] + report["needs_review"]


def document_xml(path):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


def replace_document(path, out, root):
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(item, data)


def unwrap(element):
    parent = element.getparent()
    index = parent.index(element)
    for child in list(element):
        parent.insert(index, child)
        index += 1
    parent.remove(element)


def reject_all(root):
    """Every tracked change rejected: insertions out, deletions back as text."""
    root = copy.deepcopy(root)
    for tag in ("ins", "moveTo"):
        for element in list(root.iter(q(tag))):
            if element.getparent() is not None and element.getparent().tag != q("rPr"):
                element.getparent().remove(element)
    for tag in ("del", "moveFrom"):
        for element in list(root.iter(q(tag))):
            if element.getparent() is not None and element.getparent().tag not in (q("rPr"), q("trPr")):
                unwrap(element)
    for element in list(root.iter(q("delText"))):
        element.tag = q("t")
    return root


def accept_all(root):
    """Every tracked change accepted: deletions out, insertions kept as text."""
    root = copy.deepcopy(root)
    for tag in ("del", "moveFrom"):
        for element in list(root.iter(q(tag))):
            parent = element.getparent()
            if parent is None:
                continue
            if parent.tag == q("trPr"):
                row = parent.getparent()
                row.getparent().remove(row)
            elif parent.tag != q("rPr"):
                parent.remove(element)
    for tag in ("ins", "moveTo"):
        for element in list(root.iter(q(tag))):
            if element.getparent() is not None and element.getparent().tag not in (q("rPr"), q("trPr")):
                unwrap(element)
    return root


def paragraphs_text(root):
    """Each paragraph's shown text, fields' instructions left out."""
    texts = []
    for paragraph in root.iter(q("p")):
        parts = []
        for node in paragraph.iter(q("t"), q("tab"), q("br")):
            # Only this paragraph's own runs, not a text box's paragraphs inside it.
            owner = next(a for a in node.iterancestors(q("p")))
            if owner is not paragraph:
                continue
            if node.tag == q("t"):
                parts.append(node.text or "")
            else:
                parts.append("\t" if node.tag == q("tab") else "\n")
        texts.append("".join(parts))
    return texts


def anchored_text(root, comment_id):
    """The rejected-view text between a comment's range start and end."""
    inside = False
    parts = []
    for node in root.iter():
        if node.tag == q("commentRangeStart") and node.get(q("id")) == comment_id:
            inside = True
        elif node.tag == q("commentRangeEnd") and node.get(q("id")) == comment_id:
            return "".join(parts)
        elif inside:
            if node.tag in (q("t"), q("delText")):
                if not any(a.tag in (q("ins"), q("moveTo")) for a in node.iterancestors()):
                    parts.append(node.text or "")
            elif node.tag == q("tab"):
                parts.append("\t")
            elif node.tag == q("p") and parts:
                parts.append("\n")
    raise AssertionError("comment %s has no range end" % comment_id)


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def write_safe_fixes(path):
    """Safe fixes whose words cross runs with different formatting."""
    document = docx.Document()
    document.add_heading("Supporting trans staff", level=1)
    paragraph = document.add_paragraph()
    paragraph.add_run("Managers support transgen").bold = True
    paragraph.add_run("dered colleagues and their ").italic = True
    paragraph.add_run("preferred pronouns are used in every record.")
    document.add_paragraph("We remember a colleague who committed suicide last year.")
    document.save(path)


def main():
    dueregard, fixtures_dir, work = sys.argv[1:4]
    dueregard = os.path.abspath(dueregard)
    inputs = sorted(
        os.path.join(fixtures_dir, name) for name in os.listdir(fixtures_dir) if name.endswith(".docx")
    )
    assert inputs, "no .docx fixtures in %s" % fixtures_dir
    extra = os.path.join(work, "safe_fixes.docx")
    write_safe_fixes(extra)
    inputs.append(extra)
    out_dir = os.path.join(work, "annotated")
    os.makedirs(out_dir, exist_ok=True)
    annotated_files = []
    safe_applied = 0
    for source in inputs:
        name = os.path.splitext(os.path.basename(source))[0]
        target = os.path.join(out_dir, name + ".docx")
        printed = json.loads(run([dueregard, "annotate", "--format", "json", "-o", target, source]).stdout)
        annotations = printed["annotations"]
        original = check_json(dueregard, source)
        unwaived = [f for f in findings(original) if "waiver" not in f]

        opened = docx.Document(target)  # opens with python-docx
        assert opened.paragraphs is not None
        with zipfile.ZipFile(target) as package:
            comments = etree.fromstring(package.read("word/comments.xml"))
        ours = [c for c in comments.iter(q("comment")) if c.get(q("author")) == "dueregard"]
        assert len(ours) == len(unwaived) + 1, "%s: %d dueregard comments for %d findings" % (
            name, len(ours), len(unwaived))
        assert [a["rule"] for a in annotations].count("summary") == 1, name

        root = document_xml(target)
        rejected = reject_all(root)
        by_fingerprint = {f["fingerprint"]: f for f in unwaived}
        for annotation in annotations:
            cid = str(annotation["comment_id"])
            starts = [n for n in root.iter(q("commentRangeStart")) if n.get(q("id")) == cid]
            refs = [n for n in root.iter(q("commentReference")) if n.get(q("id")) == cid]
            assert len(starts) == 1 and len(refs) == 1, "%s: comment %s is not anchored once" % (name, cid)
            if annotation["anchor"] != "words":
                continue
            finding = by_fingerprint[annotation["fingerprint"]]
            expected = normalise(annotation["text"])
            got = normalise(anchored_text(rejected, cid))
            assert got == expected, "%s: comment %s covers %r, not %r" % (name, cid, got, expected)
            assert expected in normalise(finding.get("excerpt", "")), "%s: %r is not in the finding's excerpt %r" % (
                name, expected, finding.get("excerpt"))
            safe_applied += annotation["tracked_change"]

        before = paragraphs_text(reject_all(document_xml(source)))
        after = paragraphs_text(rejected)
        assert before == after, "%s: text with all changes rejected differs" % name

        twice = os.path.join(work, name + ".twice.docx")
        run([dueregard, "annotate", "-o", twice, target])
        with open(target, "rb") as a, open(twice, "rb") as b:
            assert a.read() == b.read(), "%s: annotating twice changed the bytes" % name

        accepted = os.path.join(work, name + ".accepted.docx")
        replace_document(target, accepted, accept_all(root))
        recheck = check_json(dueregard, accepted)
        left = [f["rule"] for f in findings(recheck) if (f.get("fix") or {}).get("applicability") == "safe"]
        assert not left, "%s: safe fixes still found after accepting every change: %s" % (name, left)
        annotated_files.append(target)
        print("ok %-32s %2d comments, %d on exact words, %d tracked changes" % (
            name, len(ours), sum(a["anchor"] == "words" for a in annotations),
            sum(a["tracked_change"] for a in annotations)))
    assert safe_applied >= 3, "safe_fixes.docx should carry at least 3 tracked changes, got %d" % safe_applied

    pdf_dir = os.path.join(work, "pdf")
    profile = tempfile.mkdtemp(prefix="dueregard-lo-profile-")
    try:
        subprocess.run(
            ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", pdf_dir] + annotated_files,
            capture_output=True, timeout=900, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for f in annotated_files:
        pdf = os.path.join(pdf_dir, os.path.splitext(os.path.basename(f))[0] + ".pdf")
        assert os.path.isfile(pdf) and os.path.getsize(pdf) > 0, "LibreOffice did not convert %s" % f
    print("LibreOffice converted all %d annotated documents to PDF" % len(annotated_files))


if __name__ == "__main__":
    main()
