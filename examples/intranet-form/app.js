// The intranet form: a policy draft editor checked by dueregard in the page.
//
// Rules live in the WebAssembly module; this file only keeps the draft object
// in step with the form, asks the checker for a report (incrementally, through
// a Session) and shows it. Draft text and excerpts are only ever inserted as
// text (textContent / text nodes), never as HTML.
//
// The page starts with the lean module (typed drafts: less than half the
// size); the full one, with the Word and HTML readers and the Word writer, is
// fetched from this server only when a document is opened (fullChecker()).
import init, { Checker } from "./pkg-lean/dueregard.js";

const DEBOUNCE_MS = 150;

const KINDS = [
  ["workforce_policy", "Workforce policy"],
  ["clinical_policy", "Clinical policy"],
  ["service_design", "Service design or change"],
  ["commissioning", "Commissioning"],
  ["patient_information", "Patient information"],
  ["data_collection_form", "Data collection form"],
  ["action_plan", "Action plan"],
  ["partnership_agreement", "Partnership agreement"],
  ["other", "Other"],
];

// The nine protected characteristics (Equality Act 2010, s.4).
const GROUPS = [
  ["age", "Age"],
  ["disability", "Disability"],
  ["gender_reassignment", "Gender reassignment"],
  ["marriage_and_civil_partnership", "Marriage and civil partnership"],
  ["pregnancy_and_maternity", "Pregnancy and maternity"],
  ["race", "Race"],
  ["religion_or_belief", "Religion or belief"],
  ["sex", "Sex"],
  ["sexual_orientation", "Sexual orientation"],
];
const KIND_LABEL = Object.fromEntries(KINDS.map(([value, label]) => [value, label.toLowerCase()]));
const GROUP_LABEL = Object.fromEntries([
  ...GROUPS,
  ["carers", "Carers"],
  ["veterans", "Veterans"],
  ["deprivation", "Deprivation"],
  ["inclusion_health", "Inclusion health groups"],
]);
const IMPACTS = [
  ["", "Not set"],
  ["positive", "Positive"],
  ["negative", "Negative"],
  ["neutral", "Neutral"],
  ["unknown", "Unknown"],
];
const LIGHT_SYMBOL = { red: "✕", amber: "◐", green: "✓", grey: "○" };

const $ = (id) => document.getElementById(id);

/** Builds an element. Strings among the children become text nodes, never HTML. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key in node && key !== "list") node[key] = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

let checker;
let framework;
let session;
let draft;
let report;
let nextSection = 1;
/** Per section id: its editor's parts and the highlights currently shown. */
const editors = new Map();
/** Per protected characteristic: the grid row's controls. */
const eiaRows = new Map();
/** EIA groups and actions imported from a file that the grid does not show; kept as they are. */
let eiaExtras = { groups: [], actions: [] };

function blankDraft() {
  return {
    title: "Untitled policy",
    kind: "workforce_policy",
    sections: [
      { id: "purpose", heading: "Purpose", text: "" },
      { id: "scope", heading: "Scope", text: "" },
      { id: "policy", heading: "The policy", text: "" },
    ],
  };
}

// ---------------------------------------------------------------- checking

const pending = { sections: new Set(), whole: false, timer: 0 };

function schedule({ section, whole }) {
  if (section) pending.sections.add(section);
  if (whole) pending.whole = true;
  clearTimeout(pending.timer);
  pending.timer = setTimeout(flush, DEBOUNCE_MS);
}

/** Runs the checks that are waiting, now. */
function flush() {
  clearTimeout(pending.timer);
  const sections = [...pending.sections];
  const whole = pending.whole;
  pending.sections.clear();
  pending.whole = false;
  if (!sections.length && !whole) return;
  guard(() => {
    if (whole) {
      syncDraft();
      render(session.setDraft(draft));
    } else {
      // A keystroke: the session returns only what changed (a ReportDiff),
      // applied to the report shown, rather than the whole report.
      let latest;
      for (const id of sections) {
        const section = draft.sections.find((s) => s.id === id);
        if (section) latest = applyReportDiff(report, session.updateDiff(id, section.text));
      }
      if (latest) render(latest);
    }
  });
}

/**
 * Applies a ReportDiff (schemas/report-diff.schema.json) to the report it was
 * made against, in place, and returns it: removed findings go, moved ones
 * take their new place, added ones go in at their index, and the summary,
 * outcomes, elements and pillars that changed are replaced.
 */
function applyReportDiff(report, diff) {
  const removed = new Set(diff.removed ?? []);
  const moved = new Map((diff.moved ?? []).map((m) => [m.fingerprint, m]));
  for (const bucket of ["violations", "needs_review"]) {
    report[bucket] = report[bucket].filter((f) => !removed.has(f.fingerprint));
    for (const f of report[bucket]) {
      const m = moved.get(f.fingerprint);
      if (!m) continue;
      f.location = m.location;
      if (m.excerpt === undefined) delete f.excerpt; else f.excerpt = m.excerpt;
      if (m.fix === undefined) delete f.fix; else f.fix = m.fix;
    }
  }
  for (const a of diff.added ?? []) report[a.bucket].splice(a.index, 0, a.finding);
  for (const key of ["draft", "summary", "passes", "inapplicable", "errors"]) {
    if (diff[key] !== undefined) report[key] = diff[key];
  }
  for (const e of diff.elements ?? []) report.elements = report.elements.map((old) => (old.id === e.id ? e : old));
  for (const p of diff.pillars ?? []) report.pillars = report.pillars.map((old) => (old.number === p.number ? p : old));
  return report;
}

/** Runs `fn`; shows a checker error in the alert region instead of throwing. */
function guard(fn, failed = "The draft could not be checked") {
  try {
    const result = fn();
    hideAlert();
    return result;
  } catch (error) {
    if (error?.name === "DueregardError") {
      showAlert(`${failed}: ${error.message}`);
    } else {
      // A bug in the checker (a WebAssembly trap). The draft is still in the form.
      console.error(error);
      showAlert("The checker stopped unexpectedly. Save your draft to this computer, then reload the page.");
    }
    return undefined;
  }
}

function showAlert(message) {
  const alert = $("alert");
  alert.textContent = message;
  alert.hidden = false;
}

function hideAlert() {
  $("alert").hidden = true;
}

function announce(message) {
  $("status").textContent = message;
}

// ---------------------------------------------------------------- the draft

/** Copies the form's values that are not typed into `draft` directly. */
function syncDraft() {
  draft.title = $("title").value;
  draft.kind = $("kind").value;
  const dates = { ...(draft.dates ?? {}) };
  setOrDelete(dates, "decision", $("date-decision").value);
  setOrDelete(dates, "review", $("date-review").value);
  if (Object.keys(dates).length) draft.dates = dates;
  else delete draft.dates;
  for (const section of draft.sections) {
    const editor = editors.get(section.id);
    section.heading = editor.heading.value;
    section.text = editor.textarea.value;
  }
  syncEia();
}

function setOrDelete(object, key, value) {
  if (value && value.trim()) object[key] = value;
  else delete object[key];
}

/** Rebuilds draft.eia from the grid, keeping whatever the grid does not show. */
function syncEia() {
  const eia = { ...(draft.eia ?? {}) };
  const groups = [];
  const actions = [];
  for (const [group] of GROUPS) {
    const row = eiaRows.get(group);
    if (!row.impact.value) continue;
    const assessed = { group, impact: row.impact.value };
    setOrDelete(assessed, "evidence", row.evidence.value);
    setOrDelete(assessed, "mitigation", row.mitigation.value);
    if (row.action.value.trim()) {
      const action = { id: row.actionId, description: row.action.value };
      setOrDelete(action, "owner", row.owner.value);
      setOrDelete(action, "due", row.due.value);
      setOrDelete(action, "measure", row.measure.value);
      actions.push(action);
      assessed.actions = [row.actionId, ...row.otherActions];
    } else if (row.otherActions.length) {
      assessed.actions = [...row.otherActions];
    }
    groups.push(assessed);
  }
  groups.push(...eiaExtras.groups);
  actions.push(...eiaExtras.actions);
  setOrDelete(eia, "completed_on", $("eia-completed").value);
  setOrDelete(eia, "assessor", $("eia-assessor").value);
  const aims = { ...(eia.aims ?? {}) };
  setOrDelete(aims, "eliminate_discrimination", $("aim-eliminate").value);
  setOrDelete(aims, "advance_equality", $("aim-advance").value);
  setOrDelete(aims, "foster_good_relations", $("aim-relations").value);
  if (Object.keys(aims).length) eia.aims = aims;
  else delete eia.aims;
  if (groups.length) eia.groups = groups;
  else delete eia.groups;
  if (actions.length) eia.actions = actions;
  else delete eia.actions;
  if (Object.keys(eia).length) draft.eia = eia;
  else delete draft.eia;
}

// ---------------------------------------------------------------- building the form

function buildDetails() {
  const kind = $("kind");
  kind.replaceChildren(...KINDS.map(([value, label]) => el("option", { value }, label)));
  $("title").addEventListener("input", () => schedule({ whole: true }));
  for (const id of ["kind", "date-decision", "date-review", "eia-completed"]) {
    $(id).addEventListener("change", () => schedule({ whole: true }));
  }
  for (const id of ["eia-assessor", "aim-eliminate", "aim-advance", "aim-relations"]) {
    $(id).addEventListener("input", () => schedule({ whole: true }));
  }
  $("add-section").addEventListener("click", () => {
    flush();
    const id = uniqueSectionId();
    draft.sections.push({ id, heading: "", text: "" });
    addEditor(draft.sections[draft.sections.length - 1]);
    guard(() => render(session.setDraft(draft)));
    editors.get(id).heading.focus();
    announce("Section added.");
  });
  $("export").addEventListener("click", exportDraft);
  $("import").addEventListener("change", importDraft);
  $("open-document").addEventListener("change", openDocument);
}

function uniqueSectionId() {
  let id;
  do id = `section-${nextSection++}`;
  while (draft.sections.some((s) => s.id === id));
  return id;
}

function fillDetails() {
  $("title").value = draft.title ?? "";
  $("kind").value = draft.kind ?? "other";
  $("date-decision").value = draft.dates?.decision ?? "";
  $("date-review").value = draft.dates?.review ?? "";
  $("sections").replaceChildren();
  editors.clear();
  for (const section of draft.sections) addEditor(section);
}

function addEditor(section) {
  const key = `s${nextSection++}`;
  const heading = el("input", { id: `${key}-heading`, type: "text", autocomplete: "off", value: section.heading ?? "" });
  const backdrop = el("div", { class: "backdrop", "aria-hidden": "true" });
  const summary = el("p", { id: `${key}-summary`, class: "section-summary" });
  const textarea = el("textarea", {
    id: `${key}-text`,
    rows: 4,
    spellcheck: true,
    "aria-describedby": summary.id,
    dataset: { section: section.id },
  });
  textarea.value = section.text ?? "";
  const remove = el("button", { type: "button", class: "button button--link" }, "Remove this section");
  const editor = { section, heading, textarea, backdrop, summary, remove, marks: [] };
  const wrapper = el(
    "div",
    { class: "section-editor", dataset: { section: section.id } },
    el("div", { class: "field" }, el("label", { for: heading.id }, "Section heading"), heading),
    el(
      "div",
      { class: "field" },
      el("label", { for: textarea.id }, "Section text"),
      el("div", { class: "editor" }, backdrop, textarea),
      summary,
    ),
    remove,
  );
  editor.wrapper = wrapper;
  heading.addEventListener("input", () => {
    section.heading = heading.value;
    schedule({ whole: true });
  });
  textarea.addEventListener("input", () => {
    const before = section.text;
    section.text = textarea.value;
    editor.marks = shiftMarks(editor.marks, before, section.text);
    paint(editor);
    schedule({ section: section.id });
  });
  textarea.addEventListener("scroll", () => {
    backdrop.scrollTop = textarea.scrollTop;
  });
  remove.addEventListener("click", () => {
    flush();
    const label = heading.value.trim() || "untitled";
    draft.sections = draft.sections.filter((s) => s !== section);
    editors.delete(section.id);
    wrapper.remove();
    guard(() => render(session.setDraft(draft)));
    $("add-section").focus();
    announce(`Section “${label}” removed.`);
  });
  editors.set(section.id, editor);
  $("sections").append(wrapper);
  paint(editor);
}

function buildEia() {
  const body = $("eia-rows");
  body.replaceChildren();
  eiaRows.clear();
  for (const [group, label] of GROUPS) {
    const id = `eia-${group}`;
    const control = (tag, field, attrs = {}) =>
      el(tag, { id: `${id}-${field}`, "aria-label": `${label}: ${attrs.label ?? field}`, ...attrs, label: undefined });
    const impact = control("select", "impact");
    impact.append(...IMPACTS.map(([value, text]) => el("option", { value }, text)));
    const evidence = control("textarea", "evidence", { rows: 2 });
    const mitigation = control("textarea", "mitigation", { rows: 2 });
    const action = control("textarea", "action", { rows: 2, label: "action (what will be done)", placeholder: "What will be done" });
    const owner = control("input", "owner", { type: "text", label: "action owner", placeholder: "Owner" });
    const due = control("input", "due", { type: "date", label: "action due date" });
    const measure = control("input", "measure", { type: "text", label: "how success will be measured", placeholder: "Measure" });
    const checks = el("ul", { id: `${id}-checks`, class: "row-checks" });
    const row = { group, label, impact, evidence, mitigation, action, owner, due, measure, checks, actionId: `A-${group}`, otherActions: [] };
    for (const input of [evidence, mitigation, action, owner, measure]) {
      input.addEventListener("input", () => {
        if (input.tagName === "TEXTAREA") grow(input);
        schedule({ whole: true });
      });
    }
    for (const input of [impact, due]) input.addEventListener("change", () => schedule({ whole: true }));
    body.append(
      el(
        "tr",
        { dataset: { group } },
        el("th", { scope: "row" }, el("span", { class: "group-name" }, label), checks),
        el("td", {}, cellLabel("Impact"), impact),
        el("td", {}, cellLabel("Evidence"), evidence),
        el("td", {}, cellLabel("Mitigation"), mitigation),
        el("td", { class: "action-cell" }, cellLabel("Action (what, who, when, measure)"), action, owner, el("label", { class: "inline-label", for: due.id }, "Due", due), measure),
      ),
    );
    eiaRows.set(group, row);
  }
}

/**
 * A cell's column heading, shown only when the grid is one block per
 * characteristic (narrow screens); hidden from screen readers, which hear the
 * column heading and each control's own label.
 */
function cellLabel(text) {
  return el("span", { class: "cell-label", "aria-hidden": "true" }, text);
}

function fillEia() {
  const eia = draft.eia ?? {};
  const actions = new Map((eia.actions ?? []).map((a) => [a.id, a]));
  const used = new Set();
  eiaExtras = { groups: [], actions: [] };
  for (const row of eiaRows.values()) {
    for (const key of ["impact", "evidence", "mitigation", "action", "owner", "due", "measure"]) row[key].value = "";
    row.otherActions = [];
    row.actionId = `A-${row.group}`;
  }
  for (const assessed of eia.groups ?? []) {
    const row = eiaRows.get(assessed.group);
    if (!row || row.impact.value) {
      eiaExtras.groups.push(assessed);
      for (const id of assessed.actions ?? []) used.add(id);
      continue;
    }
    row.impact.value = assessed.impact;
    row.evidence.value = assessed.evidence ?? "";
    row.mitigation.value = assessed.mitigation ?? "";
    const [first, ...rest] = assessed.actions ?? [];
    const action = actions.get(first);
    if (action && !used.has(first)) {
      row.actionId = first;
      row.action.value = action.description ?? "";
      row.owner.value = action.owner ?? "";
      row.due.value = action.due ?? "";
      row.measure.value = action.measure ?? "";
      used.add(first);
      row.otherActions = rest;
    } else {
      row.otherActions = assessed.actions ?? [];
    }
  }
  eiaExtras.actions = (eia.actions ?? []).filter((a) => !used.has(a.id));
  $("eia-completed").value = eia.completed_on ?? "";
  $("eia-assessor").value = eia.assessor ?? "";
  $("aim-eliminate").value = eia.aims?.eliminate_discrimination ?? "";
  $("aim-advance").value = eia.aims?.advance_equality ?? "";
  $("aim-relations").value = eia.aims?.foster_good_relations ?? "";
  for (const row of eiaRows.values()) [row.evidence, row.mitigation, row.action].forEach(grow);
}

// ---------------------------------------------------------------- highlights

/**
 * Keeps highlights in place while a check is pending: those before the edit
 * stay, those after it move with the text, those it touched go.
 */
function shiftMarks(marks, before, after) {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const changedEnd = before.length - suffix;
  const delta = after.length - before.length;
  return marks
    .filter((m) => m.end <= prefix || m.start >= changedEnd)
    .map((m) => (m.start >= changedEnd ? { ...m, start: m.start + delta, end: m.end + delta } : m));
}

/** Draws the section's text with its highlights behind the textarea. */
function paint(editor) {
  const text = editor.textarea.value;
  const nodes = [];
  let at = 0;
  for (const mark of [...editor.marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < at || mark.end > text.length || mark.end <= mark.start) continue;
    nodes.push(document.createTextNode(text.slice(at, mark.start)));
    nodes.push(el("mark", { class: mark.review ? "review" : "violation", dataset: { rule: mark.rule } }, text.slice(mark.start, mark.end)));
    at = mark.end;
  }
  // A final newline needs a character after it to take up its line.
  nodes.push(document.createTextNode(text.slice(at) + "\n"));
  editor.backdrop.replaceChildren(...nodes);
  grow(editor.textarea);
}

function grow(textarea) {
  textarea.style.height = "auto";
  textarea.style.height = `${textarea.scrollHeight + 4}px`;
}

// ---------------------------------------------------------------- the report

function findings(r) {
  return [
    ...r.violations.map((f) => ({ ...f, bucket: "violation" })),
    ...r.needs_review.map((f) => ({ ...f, bucket: "review" })),
  ];
}

/** Where a finding is, in words a policy author recognises. */
function place(finding) {
  const path = finding.location.path;
  let m = /^\/sections\/(\d+)\/(text|heading)/.exec(path);
  if (m) {
    const section = draft.sections[Number(m[1])];
    const name = section?.heading?.trim() ? `Section “${section.heading.trim()}”` : `Section ${Number(m[1]) + 1}`;
    return m[2] === "heading" ? `${name}, heading` : name;
  }
  m = /^\/eia\/groups\/(\d+)/.exec(path);
  if (m) {
    const group = draft.eia?.groups?.[Number(m[1])]?.group;
    return `Equality impact assessment: ${GROUP_LABEL[group] ?? "a group"}`;
  }
  if (path.startsWith("/eia")) return "Equality impact assessment";
  if (path === "/title") return "Title";
  if (path.startsWith("/dates")) return "Dates";
  if (path.startsWith("/fields")) return "Form fields";
  if (path.startsWith("/waivers")) return "Waivers";
  if (path.startsWith("/partners")) return "Partners";
  return "The whole draft";
}

/** The form control a JSON Pointer names, for "Show me" and for fixes. */
function controlFor(path) {
  let m = /^\/sections\/(\d+)\/(text|heading)$/.exec(path);
  if (m) {
    const editor = editors.get(draft.sections[Number(m[1])]?.id);
    return editor && (m[2] === "text" ? editor.textarea : editor.heading);
  }
  m = /^\/eia\/groups\/(\d+)(?:\/(\w+))?/.exec(path);
  if (m) {
    const row = eiaRows.get(draft.eia?.groups?.[Number(m[1])]?.group);
    if (!row) return $("eia-grid");
    return { evidence: row.evidence, mitigation: row.mitigation, actions: row.action }[m[2]] ?? row.impact;
  }
  if (path === "/title") return $("title");
  if (path.startsWith("/eia")) return $("eia-heading");
  if (path === "/dates/decision") return $("date-decision");
  if (path === "/dates/review") return $("date-review");
  return null;
}

function render(next) {
  if (!next) return;
  report = next;
  const all = findings(report);

  // Highlights, per section.
  for (const editor of editors.values()) editor.marks = [];
  const index = new Map(draft.sections.map((s, i) => [`/sections/${i}/text`, editors.get(s.id)]));
  for (const f of all) {
    const editor = index.get(f.location.path);
    if (editor && f.location.span) {
      editor.marks.push({ start: f.location.span.utf16_start, end: f.location.span.utf16_end, review: f.bucket === "review", rule: f.rule });
    }
  }
  for (const editor of editors.values()) {
    paint(editor);
    const n = editor.marks.length;
    editor.summary.textContent = n
      ? `${n} highlighted ${n === 1 ? "phrase" : "phrases"} in this section: ${editor.marks
          .map((m) => `“${editor.textarea.value.slice(m.start, m.end)}” (${m.review ? "to review" : "change needed"})`)
          .join(", ")}. Details are in the findings list.`
      : "No highlighted phrases in this section.";
  }

  // Counts, announced politely.
  $("count").textContent = countSentence(report.summary);

  renderPillars($("pillars"), report);
  renderFindings(all);
  renderEiaChecks(all);
  document.body.dataset.checks = String(Number(document.body.dataset.checks ?? 0) + 1);
}

/** "2 changes needed, 1 finding to review. 1 must be fixed before approval." */
function countSentence(s) {
  const gate = s.blocking ? ` ${s.blocking} must be fixed before approval.` : " Nothing blocks approval.";
  return `${plural(s.violations, "change needed", "changes needed")}, ${plural(s.needs_review, "finding to review", "findings to review")}.${gate}`;
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The six pillars of report `r`, each with its status in words and why, into `list`. */
function renderPillars(list, r) {
  // Five statuses: the framework's three, given only on evidence, plus "no
  // issues found" (grey: nothing wrong, nothing shown) and "not assessed".
  const scale = new Map(framework.status_scale.map((l) => [l.value, l]));
  list.replaceChildren(
    ...r.pillars.map((p) => {
      const level = scale.get(p.status);
      const light = level?.traffic_light ?? "none";
      const label = level?.label ?? "Not assessed";
      const framed = ["red", "amber", "green"].includes(light);
      const counts = [p.violations && plural(p.violations, "change", "changes"), p.needs_review && `${p.needs_review} to review`].filter(Boolean).join(", ");
      const elements = r.elements.filter((e) => e.pillar === p.number && e.status !== "not_assessed");
      return el(
        "li",
        { class: `pillar pillar--${light}`, dataset: { pillar: p.number, status: p.status } },
        el("span", { class: `light light--${light}`, "aria-hidden": "true" }, LIGHT_SYMBOL[light] ?? "–"),
        el(
          "span",
          { class: "pillar-text" },
          el("span", { class: "pillar-title" }, `${p.number}. ${p.title}`),
          el(
            "strong",
            { class: "pillar-status" },
            framed ? `${label} (${light})` : light === "grey" ? `${label}: nothing here shows it in place yet` : `${label}: no check applies yet`,
          ),
          counts ? el("span", { class: "pillar-counts" }, counts) : null,
          elements.length
            ? el(
                "details",
                { class: "pillar-elements" },
                el("summary", {}, "Why"),
                el(
                  "ul",
                  {},
                  elements.map((e) =>
                    el(
                      "li",
                      { dataset: { element: e.id, status: e.status } },
                      `${e.id} ${scale.get(e.status)?.label ?? e.status}: ${e.reason}`,
                      e.evidence.length ? el("span", { class: "pillar-evidence" }, ` Evidence: ${e.evidence.map((v) => `${v.reason} (${v.rule})`).join("; ")}.`) : null,
                    ),
                  ),
                ),
              )
            : null,
        ),
      );
    }),
  );
}

function renderFindings(all) {
  const list = $("findings");
  if (!all.length) {
    list.replaceChildren(el("li", { class: "finding finding--none" }, "Nothing to look at. Keep writing; checks run as you type."));
    return;
  }
  list.replaceChildren(
    ...all.map((f) => {
      const target = controlFor(f.location.path);
      const fix = fixable(f) ? f.fix : null;
      const actions = el(
        "div",
        { class: "finding-actions" },
        target ? el("button", { type: "button", class: "button button--link", onclick: () => reveal(f, target) }, "Show me") : null,
        fix
          ? el(
              "button",
              { type: "button", class: "button apply-fix", onclick: () => applyFix(f) },
              fix.applicability === "safe" ? `Apply fix: ${fix.title}` : `Apply suggested fix: ${fix.title} (check the result)`,
            )
          : null,
      );
      return findingItem(f, `Where: ${place(f)}`, actions);
    }),
  );
}

/** One finding in a list: badge, message, where, why, framework elements, source, suggestions. */
function findingItem(f, where, actions) {
  const elements = new Map(framework.elements.map((e) => [e.id, e]));
  const kind = f.bucket === "violation" ? "Change needed" : "To review";
  const badge = `${kind} · ${f.severity}${f.waiver ? " · waived" : ""}`;
  return el(
    "li",
    { class: `finding finding--${f.bucket}`, dataset: { rule: f.rule, fingerprint: f.fingerprint } },
    el("p", { class: "finding-badge" }, badge),
    el("p", { class: "finding-message" }, f.message),
    el("p", { class: "finding-where" }, where, f.excerpt ? el("span", { class: "excerpt" }, ` — “${f.excerpt}”`) : null),
    f.waiver ? el("p", { class: "finding-waiver" }, `Waived: ${f.waiver.reason}`) : null,
    el("details", {}, el("summary", {}, "Why this matters"), el("p", {}, f.explanation)),
    el(
      "p",
      { class: "finding-elements" },
      "Framework: ",
      f.elements.map((id, i) => [i ? "; " : "", `${id} ${elements.get(id)?.title ?? ""}`.trim()]),
    ),
    el("p", { class: "finding-source" }, "Source: ", sourceLink(f.source), f.source.checked ? ` (checked ${f.source.checked})` : ""),
    f.suggestions?.length ? el("p", { class: "finding-suggestions" }, `Consider: ${f.suggestions.join("; ")}`) : null,
    actions,
  );
}

function sourceLink(source) {
  const safe = /^https?:\/\//i.test(source.url);
  return safe
    ? el("a", { href: source.url, target: "_blank", rel: "noopener noreferrer" }, source.title, el("span", { class: "visually-hidden" }, " (opens in a new tab)"))
    : el("span", {}, source.title);
}

function renderEiaChecks(all) {
  const rows = new Map([...eiaRows.values()].map((row) => [row.group, []]));
  const overall = [];
  for (const f of all) {
    const m = /^\/eia\/groups\/(\d+)/.exec(f.location.path);
    const group = m ? draft.eia?.groups?.[Number(m[1])]?.group : null;
    if (group && rows.has(group)) rows.get(group).push(f);
    else if (f.location.path.startsWith("/eia") || f.rule.startsWith("eia-")) overall.push(f);
  }
  for (const [group, found] of rows) {
    const row = eiaRows.get(group);
    row.checks.replaceChildren(
      ...(found.length
        ? found.map((f) => el("li", { class: `check check--${f.bucket}`, dataset: { rule: f.rule } }, `${f.bucket === "violation" ? "Change needed" : "To review"}: ${f.message}`))
        : [row.impact.value ? el("li", { class: "check check--ok" }, "No problems found") : el("li", { class: "check check--none" }, "Not assessed yet")]),
    );
  }
  $("eia-checks").replaceChildren(
    ...overall.map((f) => el("p", { class: `check check--${f.bucket}`, dataset: { rule: f.rule } }, `${f.bucket === "violation" ? "Change needed" : "To review"}: ${f.message}`)),
  );
}

// ---------------------------------------------------------------- fixes

/** A fix can be applied here when every edit targets text the form edits. */
function fixable(f) {
  const fix = f.fix;
  if (!fix || !fix.edits?.length || !["safe", "unsafe"].includes(fix.applicability)) return false;
  return fix.edits.every((e) => {
    const control = controlFor(e.path);
    return control && "value" in control && e.utf16_end <= control.value.length;
  });
}

function applyFix(f) {
  flush();
  const fresh = findings(report).find((x) => x.fingerprint === f.fingerprint && x.rule === f.rule);
  if (!fresh || !fixable(fresh)) {
    announce("That finding has changed; the list is up to date now.");
    return;
  }
  // Apply edits from the end so earlier offsets stay valid (UTF-16, as JavaScript strings are).
  const edits = [...fresh.fix.edits].sort((a, b) => b.utf16_start - a.utf16_start);
  let focus;
  for (const edit of edits) {
    const control = controlFor(edit.path);
    const value = control.value;
    control.value = value.slice(0, edit.utf16_start) + edit.replacement + value.slice(edit.utf16_end);
    focus = { control, caret: edit.utf16_start + edit.replacement.length };
  }
  syncDraft();
  guard(() => render(session.setDraft(draft)));
  focus.control.focus();
  focus.control.setSelectionRange?.(focus.caret, focus.caret);
  announce(`Fix applied: ${fresh.fix.title}.`);
}

function reveal(f, target) {
  target.focus();
  const span = f.location.span;
  if (span && typeof target.setSelectionRange === "function" && /\/text$|^\/title$/.test(f.location.path)) {
    target.setSelectionRange(span.utf16_start, span.utf16_end);
  }
  target.scrollIntoView({ block: "center" });
}

// ---------------------------------------------------------------- files

function exportDraft() {
  flush();
  syncDraft();
  const blob = new Blob([JSON.stringify(draft, null, 2) + "\n"], { type: "application/json" });
  const link = el("a", { href: URL.createObjectURL(blob), download: `${(draft.title || "draft").replace(/[^\w.-]+/g, "-").slice(0, 80)}.json` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  announce("Draft saved to this computer.");
}

async function importDraft(event) {
  const file = event.target.files?.[0];
  event.target.value = "";
  if (!file) return;
  const text = await file.text();
  const opened = guard(() => {
    const s = checker.session(text); // validates; throws a DueregardError naming the problem
    return { s, d: JSON.parse(text) };
  });
  if (!opened) return;
  session.free();
  session = opened.s;
  draft = opened.d;
  draft.sections ??= [];
  fillDetails();
  fillEia();
  render(session.report());
  announce(`Opened “${draft.title}”.`);
}

// ---------------------------------------------------------------- a Word document or web page

/** The document opened last: its name, its bytes and its report. */
let opened = null;

/** The full module's checker, once loaded: a promise, so two clicks fetch it once. */
let fullLoading = null;

/**
 * A checker from the full module (checkFile, annotateDocx), fetched and
 * compiled the first time it is needed, with progress in the status line. On
 * failure: an alert, and undefined (the next attempt fetches again).
 */
async function fullChecker() {
  if (!fullLoading) {
    announce("Loading the Word and web page reader…");
    fullLoading = import("./pkg/dueregard.js").then(async (full) => {
      await full.default();
      return new full.Checker();
    });
  }
  try {
    return await fullLoading;
  } catch (error) {
    console.error(error);
    fullLoading = null;
    showAlert("The Word and web page reader could not load. Check the connection to the intranet and try again.");
    announce("The Word and web page reader could not load.");
    return undefined;
  }
}

/** Checks a .docx or .html file in the page (checkFile); nothing is uploaded. */
async function openDocument(event) {
  const file = event.target.files?.[0];
  event.target.value = "";
  if (!file) return;
  const reader = await fullChecker();
  if (!reader) return;
  announce(`Checking “${file.name}”…`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = guard(() => reader.checkFile(bytes, file.name), `“${file.name}” could not be checked`);
  if (!checked) {
    announce(`“${file.name}” could not be checked.`);
    return;
  }
  opened = { name: file.name, bytes, report: checked };
  renderDocument();
  $("document-heading").focus();
  announce(`Checked “${file.name}”: ${countSentence(checked.summary)}`);
}

/** The file name without its extension, as the command titles a document without one. */
function stem(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Saves the opened Word document with dueregard's comments and tracked changes (a Blob; nothing uploaded). */
async function downloadAnnotated() {
  if (!opened) return;
  const writer = await fullChecker();
  if (!writer) return;
  const annotated = guard(() => writer.annotateDocx(opened.bytes, { title: stem(opened.name) }), `“${opened.name}” could not be annotated`);
  if (!annotated) return;
  const blob = new Blob([annotated], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  const link = el("a", { href: URL.createObjectURL(blob), download: `${stem(opened.name)} with comments.docx` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  announce(`Saved “${stem(opened.name)} with comments.docx” to this computer.`);
}

/** Recognised.describe() in the core, in the same words. */
function describeRecognised(r) {
  const what = { docx: "Word document", html: "web page" }[r.format] ?? r.format;
  const s = (n) => (n === 1 ? "" : "s");
  const parts = [`Read your ${what}: ${r.sections} section${s(r.sections)}`];
  if (r.eia_rows) parts.push(`EIA table: ${r.eia_rows} row${s(r.eia_rows)}, ${r.eia_rows_with_evidence} with evidence`);
  if (r.fields) parts.push(`read ${r.fields} form field${s(r.fields)}`);
  if (r.actions) parts.push(`read ${r.actions} action${s(r.actions)}`);
  if (r.unplaced?.length) parts.push(`${r.unplaced.length} not understood: ${r.unplaced.map((u) => u.place).join(", ")}`);
  return `${parts.join("; ")}.`;
}

function renderDocument() {
  const { name, report: r } = opened;
  $("document").hidden = false;
  $("document-heading").textContent = `Your document: ${name}`;
  $("document-name").textContent = `Checked in this page: “${r.draft.title}”, read as ${KIND_LABEL[r.draft.kind] ?? r.draft.kind}. Nothing was uploaded.`;
  $("document-recognised").textContent = r.recognised ? describeRecognised(r.recognised) : "";
  const unplaced = r.recognised?.unplaced ?? [];
  $("document-unplaced-wrap").hidden = !unplaced.length;
  $("document-unplaced").replaceChildren(...unplaced.map((u) => el("li", {}, `${u.place}: ${u.why}`)));
  $("document-count").textContent = countSentence(r.summary);
  // The Word round trip: the author's own document back with the findings as
  // comments and safe fixes as tracked changes, made in the page.
  $("document-actions").replaceChildren(
    ...(r.recognised?.format === "docx"
      ? [
          el("button", { id: "download-annotated", type: "button", class: "button", "aria-describedby": "download-annotated-hint", onclick: downloadAnnotated }, "Download with comments"),
          el(
            "p",
            { id: "download-annotated-hint", class: "hint" },
            "A copy of your document with each finding as a Word comment and safe fixes as tracked changes you can accept or reject. Made in this page.",
          ),
        ]
      : []),
  );
  renderPillars($("document-pillars"), r);
  const all = findings(r);
  $("document-findings").replaceChildren(
    ...(all.length
      ? all.map((f) => findingItem(f, `Where: ${f.location.place ?? "the whole document"}`, null))
      : [el("li", { class: "finding finding--none" }, "Nothing to look at in this document.")]),
  );
}

// ---------------------------------------------------------------- start

async function main() {
  try {
    await init();
    checker = new Checker();
  } catch (error) {
    console.error(error);
    showAlert("The checker could not load in this browser.");
    return;
  }
  framework = checker.framework();
  $("attribution").textContent = framework.attribution;
  draft = blankDraft();
  buildDetails();
  buildEia();
  fillDetails();
  fillEia();
  session = checker.session(draft);
  render(session.report());
  window.addEventListener("resize", () => editors.forEach((e) => grow(e.textarea)));
  announce("Ready. Findings update as you type.");
  document.body.dataset.ready = "true";
}

main();
