// A typed use of every input and output of the binding; `tsc --noEmit`
// (tests/js/typescript.test.mjs) fails if the generated types and the
// wasm-bindgen signatures disagree. The @ts-expect-error lines prove the
// types reject wrong input rather than accepting anything.
import {
  Checker,
  framework,
  organisation,
  organisationJson,
  renderOrganisation,
  type AnnotateOptions,
  type OrganisationOptions,
  type OrganisationReport,
  type CheckTextOptions,
  type Draft,
  type DueregardError,
  type Finding,
  type Framework,
  type Report,
  type RuleMeta,
  type RulePack,
  type ElementFinding,
  type Evidence,
  type FrameworkStatus,
  type SelfAssessment,
  type Session,
} from "../../pkg";

const pack: RulePack = { name: "Trust pack", version: "1", disable: ["term-binary-pronouns"], severity: { "eia-present": "warning" } };
const checker: Checker = new Checker(pack);
const builtIn = new Checker();
const fromText = new Checker(JSON.stringify(pack));

const draft: Draft = {
  title: "Carers leave",
  kind: "workforce_policy",
  audience: ["staff"],
  sections: [{ id: "scope", heading: "Scope", text: "Leave to care for a husband or wife." }],
  eia: { groups: [{ group: "sexual_orientation", impact: "positive", evidence: "Staff network focus group." }] },
};

const report: Report = checker.check(draft);
const again: Report = builtIn.check(JSON.stringify(draft));
const json: string = fromText.checkJson(JSON.stringify(draft));
const options: CheckTextOptions = { title: "Guide", markdown: true };
const text: Report = checker.checkText("# Guide\n\nDear ladies and gentlemen", options);
const textJson: string = checker.checkTextJson("Dear ladies and gentlemen");
const bytes: Uint8Array = Uint8Array.from([0x3c, 0x70, 0x3e, 0x68, 0x69, 0x3c, 0x2f, 0x70, 0x3e]); // "<p>hi</p>"
const fromFile: Report = checker.checkFile(bytes, "leave.html");
const eiaRows: number | undefined = fromFile.recognised?.eia_rows;
const fileJson: string = checker.checkFileJson(bytes, "leave.html");
void [eiaRows, fileJson];
const orgOptions: OrganisationOptions = { as_of: "2026-11-30", self_assessment: "element,claimed\n4.1,in place\n", no_excerpts: false };
const org: OrganisationReport = organisation([{ document: "leave.html", report: fromFile }], orgOptions);
const orgJson: string = organisationJson([{ path: "leave.html", report: fromFile }], { previous: org });
const page: string = renderOrganisation(org, "html");
// @ts-expect-error xlsx is not written by the WebAssembly build
renderOrganisation(org, "xlsx");
void [orgJson, page, org.elements[0]?.status];
const annotateOptions: AnnotateOptions = { fixes: "safe", title: "leave" };
const annotated: Uint8Array = checker.annotateDocx(bytes, annotateOptions);
void annotated;

const findings: Finding[] = [...report.violations, ...report.needs_review];
for (const f of findings) {
  const start: number | undefined = f.location.span?.utf16_start;
  const edits = f.fix?.edits ?? [];
  const first: string | undefined = edits[0]?.replacement;
  void [start, first, f.source.url, f.elements.join(", ")];
}
const status: FrameworkStatus | undefined = report.pillars[0]?.status;
const evidence: Evidence[] = report.elements[0]?.evidence ?? [];
const gaps: ElementFinding[] = report.elements[0]?.gaps ?? [];
const claimed: SelfAssessment = "in_place";
void [status, evidence[0]?.path, gaps[0]?.fingerprint, claimed];

const session: Session = checker.session(draft);
const updated: Report = session.update("scope", "Leave to care for a spouse or partner.");
const replaced: Report = session.setDraft({ ...draft, title: "Carers leave (v2)" });
const current: Report = session.report();
const currentJson: string = session.reportJson() + session.updateJson("scope", "x") + session.setDraftJson(JSON.stringify(draft));
session.free();

const fw: Framework = framework();
const lights: ("red" | "amber" | "green")[] = checker.framework().self_assessment_scale.map((l) => l.traffic_light);
const rules: RuleMeta[] = checker.rules();

try {
  checker.check("{");
} catch (e) {
  const err = e as DueregardError;
  const where: string | undefined = err.pointer;
  const which: "draft" | "rule_pack" | "options" | "organisation" = err.error;
  void [where, which, err.kind, err.message];
}

// @ts-expect-error: a misspelt field is not a Draft
checker.check({ title: "t", sectons: [] });
// @ts-expect-error: kind is one of the DraftKind values
checker.check({ title: "t", kind: "memo" });
// @ts-expect-error: markdown is a boolean
checker.checkText("x", { markdown: "yes" });
// @ts-expect-error: a report's summary counts are numbers
const wrong: string = report.summary.violations;
// @ts-expect-error: update takes a section id and text
session.update("scope");

export { again, json, text, textJson, status, updated, replaced, current, currentJson, fw, lights, rules, wrong };
