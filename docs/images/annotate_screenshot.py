#!/usr/bin/env python3
"""Makes docs/images/annotate-special-leave-policy.png for the README, once
(not in CI): LibreOffice's rendering of an annotated fixture, with the text
of each comment placed in the margin beside its anchor.

LibreOffice 7.4 (Debian 12) exports comments to PDF only as notes, not in the
margin, so this script converts the annotated .docx to PDF with
ExportNotes, renders the page with pdftoppm, reads each note's position and
text from the PDF, and lays the notes out beside the page in HTML, which
headless Chromium photographs.

    target/debug/dueregard annotate --fixes all --as-of 2026-11-30 \\
        -o /tmp/shot/special_leave_policy.docx tests/fixtures/docx/special_leave_policy.docx
    python3 docs/images/annotate_screenshot.py /tmp/shot/special_leave_policy.docx \\
        docs/images/annotate-special-leave-policy.png
"""

import html
import os
import re
import subprocess
import sys
import tempfile

DPI = 96
CROP_PT = 520  # the fixture's text ends above this, from the top of the page


def notes(pdf):
    data = open(pdf, "rb").read()
    found = []
    for body in re.findall(rb"<</Type /Annot /Subtype /Text (.*?)>>", data, re.S):
        rect = [float(x) for x in re.search(rb"/Rect\[([^\]]*)\]", body).group(1).split()]
        hexed = re.search(rb"/Contents <([0-9A-F]*)>", body).group(1)
        text = bytes.fromhex(hexed.decode()).decode("utf-16")
        found.append((rect, text))
    return found


def main():
    docx, out = sys.argv[1:3]
    work = tempfile.mkdtemp(prefix="dueregard-shot-")
    subprocess.run(
        ["soffice", "-env:UserInstallation=file://" + work + "/profile", "--headless",
         "--convert-to", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
         "--outdir", work, docx], check=True, capture_output=True)
    pdf = os.path.join(work, os.path.splitext(os.path.basename(docx))[0] + ".pdf")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-f", "1", "-l", "1", "-singlefile", pdf,
                    os.path.join(work, "page")], check=True)
    scale = DPI / 72
    page_w, page_h = 612 * scale, 792 * scale
    shown_h = CROP_PT * scale
    boxes = []
    for rect, text in sorted(notes(pdf), key=lambda n: -n[0][3]):
        y = (792 - rect[3]) * scale
        if y > shown_h:
            continue
        lines = "".join("<p>%s</p>" % html.escape(line) for line in text.split("\n"))
        boxes.append((y, (rect[0] * scale), lines))
    notes_html = "".join(
        '<div class="note" data-y="%d" data-x="%d">%s</div>' % (y, x, lines) for y, x, lines in boxes)
    page = """<!doctype html><html><head><style>
body { margin: 0; background: #e9e9e9; font: 11px/1.3 "DejaVu Sans", sans-serif; }
#page { position: absolute; left: 0; top: 0; width: %dpx; height: %dpx; overflow: hidden;
        background: url(page.png) no-repeat; }
#margin { position: absolute; left: %dpx; top: 0; width: 430px; }
.note { position: absolute; left: 12px; width: 400px; background: #fff8c4; border: 1px solid #d8c26a;
        border-left: 4px solid #c9a800; padding: 4px 6px; box-sizing: border-box; }
.note p { margin: 0 0 2px 0; }
svg { position: absolute; left: 0; top: 0; }
</style></head><body><div id="page"></div><svg id="lines" width="%d" height="%d"></svg>
<div id="margin">%s</div>
<script>
let next = 4;
const svg = document.getElementById('lines');
for (const note of document.querySelectorAll('.note')) {
  const want = +note.dataset.y, top = Math.max(want, next);
  note.style.top = top + 'px';
  next = top + note.offsetHeight + 6;
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', `${+note.dataset.x + 8},${want + 6} ${%d + 12},${top + 8}`);
  line.setAttribute('fill', 'none'); line.setAttribute('stroke', '#c9a800');
  svg.appendChild(line);
}
document.title = String(Math.max(next, %d));
</script></body></html>""" % (page_w, shown_h, page_w, page_w + 440, 2000, notes_html, page_w, shown_h)
    with open(os.path.join(work, "shot.html"), "w") as f:
        f.write(page)
    height = 1500
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--screenshot=" + os.path.abspath(out), "--window-size=%d,%d" % (page_w + 440, height),
                    "file://" + os.path.join(work, "shot.html")], check=True, capture_output=True)
    print("wrote", out, "from", work)


if __name__ == "__main__":
    main()
