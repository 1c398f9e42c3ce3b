// The incremental session gives the same report as a full check after any
// sequence of edits: a seeded randomized test over the example drafts.
// Replay a failure with DUEREGARD_SEED=<seed printed in the failure>.
import test from "node:test";
import assert from "node:assert/strict";
import { cases, dueregard, read, rng } from "./helpers.mjs";

const checker = new dueregard.Checker();
const baseSeed = Number(process.env.DUEREGARD_SEED ?? 20261124);
const STEPS = Number(process.env.DUEREGARD_STEPS ?? 150);

// Phrases that fire (and must not fire) term rules, taken from the rules' own
// examples, plus text that moves offsets around: emoji, accents, markup.
const phrases = [];
for (const rule of checker.rules()) {
  if (rule.kind === "term") phrases.push(...rule.examples.fires, ...rule.examples.passes);
}
phrases.push("", " ", "\n\n", "Staff 👩🏽‍⚕️ and their families. ", "Café naïve résumé — ", "<img src=x onerror=alert(1)>", "He or she ", "ladies and gentlemen, ", "the chairman. ");
const headings = ["Scope", "Who counts as family", "Ladies and gentlemen", "Partners and spouses", "Eligibility 🌈"];
const GROUPS = ["age", "disability", "gender_reassignment", "marriage_and_civil_partnership", "pregnancy_and_maternity", "race", "religion_or_belief", "sex", "sexual_orientation"];
const IMPACTS = ["positive", "negative", "neutral", "unknown"];

function mutateText(r, text) {
  const chars = Array.from(text); // code points, so surrogate pairs are never split
  const at = r.int(chars.length + 1);
  switch (r.int(4)) {
    case 0:
      chars.splice(at, 0, ...Array.from(r.pick(phrases)));
      break;
    case 1:
      chars.splice(at, 1 + r.int(30));
      break;
    case 2:
      chars.splice(at, 0, r.pick(["a", " ", "é", "👍", "\n"])); // one keystroke
      break;
    default:
      return r.pick(phrases) + r.pick(phrases);
  }
  return chars.join("");
}

/** Applies a finding's fix (UTF-16 offsets) to the draft, as the page does. */
function applyFix(draft, finding) {
  const edits = [...finding.fix.edits].sort((a, b) => b.utf16_start - a.utf16_start);
  for (const edit of edits) {
    const m = /^\/sections\/(\d+)\/text$/.exec(edit.path);
    if (!m) return null;
    const section = draft.sections[Number(m[1])];
    section.text = section.text.slice(0, edit.utf16_start) + edit.replacement + section.text.slice(edit.utf16_end);
  }
  return draft.sections[Number(/\d+/.exec(edits[0].path)[0])];
}

function structuralEdit(r, draft, counter) {
  draft.sections ??= [];
  switch (r.int(7)) {
    case 0:
      draft.title = r.pick(["Leave policy", "Policy for ladies and gentlemen", draft.title + " (v2)", "He or she policy"]);
      break;
    case 1:
      if (draft.sections.length) r.pick(draft.sections).heading = r.pick(headings);
      break;
    case 2:
      draft.sections.splice(r.int(draft.sections.length + 1), 0, { id: `new-${counter}`, heading: r.pick(headings), text: r.pick(phrases) });
      break;
    case 3:
      if (draft.sections.length > 1) draft.sections.splice(r.int(draft.sections.length), 1);
      break;
    case 4:
      if (draft.sections.length > 1) {
        const [s] = draft.sections.splice(r.int(draft.sections.length), 1);
        draft.sections.splice(r.int(draft.sections.length + 1), 0, s);
      }
      break;
    case 5: {
      draft.eia ??= {};
      draft.eia.groups ??= [];
      const group = r.pick(GROUPS);
      let row = draft.eia.groups.find((g) => g.group === group);
      if (!row) draft.eia.groups.push((row = { group, impact: "unknown" }));
      row.impact = r.pick(IMPACTS);
      if (r.next() < 0.5) row.evidence = r.pick(phrases) || undefined;
      if (r.next() < 0.3) row.mitigation = r.pick(phrases) || undefined;
      break;
    }
    default:
      draft.kind = r.pick(["workforce_policy", "patient_information", "other", "service_design"]);
  }
}

const drafts = cases().filter((c) => c.format === "json");

for (const [i, c] of drafts.entries()) {
  const seed = baseSeed + i;
  test(`session equals a full check after ${STEPS} random edits: ${c.name} (seed ${seed})`, () => {
    const r = rng(seed);
    let draft = JSON.parse(read(c.draft));
    const session = checker.session(draft);
    const log = [];
    const full = () => checker.checkJson(JSON.stringify(draft));
    try {
      assert.equal(session.reportJson(), full());
      for (let step = 0; step < STEPS; step++) {
        const roll = r.next();
        let got;
        if (roll < 0.6 && draft.sections?.length) {
          const section = r.pick(draft.sections);
          section.text = mutateText(r, section.text);
          log.push(`update ${section.id}`);
          got = session.updateJson(section.id, section.text);
        } else if (roll < 0.7) {
          const report = JSON.parse(session.reportJson());
          const fixable = [...report.violations, ...report.needs_review].filter((f) => f.fix?.edits.length && /^\/sections\/\d+\/text$/.test(f.fix.edits[0].path));
          if (!fixable.length) continue;
          const section = applyFix(draft, r.pick(fixable));
          if (!section) continue;
          log.push(`fix in ${section.id}`);
          got = session.updateJson(section.id, section.text);
        } else if (roll < 0.95) {
          draft = structuredClone(draft);
          structuralEdit(r, draft, step);
          log.push("setDraft");
          got = r.next() < 0.5 ? session.setDraftJson(JSON.stringify(draft)) : JSON.stringify(session.setDraft(draft));
        } else {
          log.push("bad update");
          assert.throws(() => session.update("no-such-section", "x"), { name: "DueregardError", pointer: "/sections" });
          got = session.reportJson();
        }
        assert.equal(got, full(), `after step ${step}`);
      }
      assert.equal(session.reportJson(), full());
      assert.equal(JSON.stringify(session.report()), full());
    } catch (e) {
      e.message += `\n(seed ${seed}; last operations: ${log.slice(-8).join(", ")})`;
      throw e;
    } finally {
      session.free();
    }
  });
}

test("update returns the whole report, and the object form equals the JSON form", () => {
  const session = checker.session({ title: "t", kind: "workforce_policy", sections: [{ id: "a", text: "" }, { id: "b", text: "he or she" }] });
  const report = session.update("a", "Dear ladies and gentlemen");
  assert.ok(report.violations.some((f) => f.location.section === "a"));
  assert.ok(report.violations.some((f) => f.location.section === "b"));
  assert.equal(JSON.stringify(report), session.reportJson());
  session.free();
});
