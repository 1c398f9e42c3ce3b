#!/usr/bin/env node
// Generates types/dueregard.d.ts, the TypeScript types of every input and
// output of the WebAssembly binding, from the JSON Schemas:
//   schemas/draft.schema.json, schemas/report.schema.json, schemas/rule-pack.schema.json
//     (generated from the core's Rust types)
//   bindings-wasm/types/rule-meta.schema.json (generated from RuleMeta by tests/types.rs)
//   bindings-wasm/types/framework.schema.json (hand-written; tests/types.rs checks it)
// wasm-bindgen puts the file into the package's .d.ts (a typescript_custom_section).
//
//   node bindings-wasm/types/generate.mjs          write it if it changed
//   node bindings-wasm/types/generate.mjs --check  exit 1 if it is stale
//
// A small generator rather than json-schema-to-typescript: the schemas share
// definitions (Severity, SourceRef, SelfAssessment) that must be declared once
// in one module, and the subset of JSON Schema that schemars writes is small.

import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const sources = [
  ["schemas/draft.schema.json", "input"],
  ["schemas/report.schema.json", "output"],
  ["schemas/report-diff.schema.json", "output"],
  ["schemas/rule-pack.schema.json", "input"],
  ["bindings-wasm/types/rule-meta.schema.json", "output"],
  ["bindings-wasm/types/framework.schema.json", "output"],
  ["schemas/organisation-report.schema.json", "output"],
  ["schemas/self-assessment.schema.json", "input"],
  ["schemas/annotate-options.schema.json", "input"],
];
const target = join(here, "dueregard.d.ts");

// Hand-written: the binding's own option and error types.
const BINDING_TYPES = `
/** Options for \`checkText\` and \`checkTextJson\`. */
export interface CheckTextOptions {
  /** The draft's title, shown in the report. Default: empty. */
  title?: string;
  /** Read the text as Markdown (headings become sections). Default: false (plain text). */
  markdown?: boolean;
}

/** One checked document for \`organisation\`: its name and its report. */
export interface OrganisationItem {
  /** A file name or a title (\`path\` is read as its alias, as \`check --format json\` writes it). */
  document?: string;
  path?: string;
  /** Its report, from \`check\`, \`checkFile\` or the command. */
  report: Report;
}

/** Options for \`new Checker(rulePack, options)\`. */
export interface CheckerOptions {
  /**
   * The date review dates are judged against ("YYYY-MM-DD"), as the command
   * judges them against today. Without it they are not judged, so a report
   * depends on nothing but its draft.
   */
  as_of?: string | null;
}

/** Options for \`organisation\` and \`organisationJson\`. */
export interface OrganisationOptions {
  /** The organisation's own claims, or the text of a JSON or CSV self-assessment file. */
  self_assessment?: Claim[] | string | null;
  /** An earlier organisation report, to measure progress per element. */
  previous?: OrganisationReport | null;
  /** The date review dates are compared with ("YYYY-MM-DD"). */
  as_of?: string | null;
  /** Leave document text and names out. */
  no_excerpts?: boolean;
}

/**
 * What every method throws on bad input: a JavaScript \`Error\` (name
 * \`DueregardError\`) whose message names the JSON Pointer and the problem.
 */
export interface DueregardError extends Error {
  name: "DueregardError";
  /** Which input was wrong. */
  error: "draft" | "rule_pack" | "options" | "organisation";
  /** A short, stable kind: syntax, invalid, too_large, too_deep, not_utf8, over_limit, rule. */
  kind: string;
  /** RFC 6901 JSON Pointer to the offending value, when known ("" is the whole input). */
  pointer?: string;
}
`;

const defs = new Map(); // name -> { schema, mode, from }

function addDef(name, schema, mode, from) {
  const known = defs.get(name);
  if (known) {
    if (!isDeepStrictEqual(known.schema, schema)) {
      throw new Error(`${name} is defined differently in ${known.from} and ${from}`);
    }
    if (known.mode !== mode) known.mode = "both";
    return;
  }
  defs.set(name, { schema, mode, from });
}

// A definition that reads differently as input and as output (schemars marks
// defaulted fields required only when serialising) keeps its name for the
// first schema and is renamed <Name>Output for the later output schema.
function renameRefs(value, renames) {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, renames));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === "$ref" && renames.has(refName(v)) ? `#/$defs/${renames.get(refName(v))}` : renameRefs(v, renames);
    }
    return out;
  }
  return value;
}

for (const [file, mode] of sources) {
  const schema = JSON.parse(readFileSync(join(root, file), "utf8"));
  const { $schema, $defs = {}, title, ...rootSchema } = schema;
  if (!title) throw new Error(`${file} has no title`);
  const renames = new Map();
  for (const [name, def] of Object.entries($defs)) {
    const known = defs.get(name);
    if (known && !isDeepStrictEqual(known.schema, def) && mode === "output" && known.mode === "input") {
      renames.set(name, `${name}Output`);
    }
  }
  addDef(title, renameRefs(rootSchema, renames), mode, file);
  for (const [name, def] of Object.entries($defs)) {
    addDef(renames.get(name) ?? name, renameRefs(def, renames), mode, file);
  }
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function doc(text, indent, extra = []) {
  const lines = [...(text ? text.split("\n") : []), ...extra];
  if (!lines.length) return "";
  const body = lines.map((l) => l.replaceAll("*/", "*\\/"));
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => `${indent} *${l ? " " + l : ""}`).join("\n")}\n${indent} */\n`;
}

function refName(ref) {
  const m = /^#\/\$defs\/(.+)$/.exec(ref);
  if (!m) throw new Error(`unsupported $ref ${ref}`);
  return m[1];
}

function union(types) {
  const unique = [...new Set(types)];
  return unique.length ? unique.join(" | ") : "never";
}

function paren(t) {
  return /[|&]/.test(t) ? `(${t})` : t;
}

function ts(schema, indent) {
  if (schema === true || schema === undefined) return "unknown";
  if (schema === false) return "never";
  if (schema.$ref) return refName(schema.$ref);
  if ("const" in schema) return JSON.stringify(schema.const);
  if (schema.enum) return union(schema.enum.map((v) => JSON.stringify(v)));
  for (const key of ["oneOf", "anyOf"]) {
    if (schema[key]) return union(schema[key].map((s) => ts(s, indent)));
  }
  if (Array.isArray(schema.type)) {
    return union(schema.type.map((type) => ts({ ...schema, type }, indent)));
  }
  switch (schema.type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array":
      return `${paren(ts(schema.items, indent))}[]`;
    case "object":
      return objectType(schema, indent);
    case undefined:
      return "unknown";
    default:
      throw new Error(`unsupported type ${schema.type}`);
  }
}

function objectType(schema, indent) {
  const props = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  if (!props.length && extra && extra !== true) return `Record<string, ${ts(extra, indent)}>`;
  if (!props.length && extra !== false) return "Record<string, unknown>";
  const required = new Set(schema.required ?? []);
  const inner = indent + "  ";
  let out = "{\n";
  for (const [name, prop] of props) {
    const notes = [];
    if ("default" in prop) notes.push(`@default ${JSON.stringify(prop.default)}`);
    if (prop.pattern) notes.push(`Pattern: \`${prop.pattern}\``);
    out += doc(prop.description, inner, notes);
    const key = IDENT.test(name) ? name : JSON.stringify(name);
    out += `${inner}${key}${required.has(name) ? "" : "?"}: ${ts(prop, inner)};\n`;
  }
  if (extra && extra !== true) out += `${inner}[key: string]: ${ts(extra, inner)};\n`;
  return out + indent + "}";
}

function variantNotes(schema) {
  const variants = schema.oneOf ?? schema.anyOf ?? [];
  return variants
    .filter((v) => "const" in v && v.description)
    .map((v) => `- \`${JSON.stringify(v.const)}\`: ${v.description}`);
}

const ROOTS = ["Draft", "Report", "RulePack", "RuleMeta", "Framework"];
const names = [...defs.keys()].sort((a, b) => {
  const ra = ROOTS.indexOf(a), rb = ROOTS.indexOf(b);
  if (ra !== rb) return (ra < 0 ? ROOTS.length : ra) - (rb < 0 ? ROOTS.length : rb);
  return a < b ? -1 : a > b ? 1 : 0;
});

let out = `// Generated by bindings-wasm/types/generate.mjs from schemas/*.schema.json and
// bindings-wasm/types/*.schema.json. Do not edit; run \`node bindings-wasm/types/generate.mjs\`.
`;
for (const name of names) {
  const { schema, mode } = defs.get(name);
  const role = { input: "Input", output: "Output", both: "Input and output" }[mode];
  const notes = [...variantNotes(schema), `(${role} type.)`];
  out += "\n" + doc(schema.description, "", notes);
  if (schema.type === "object" && schema.properties) {
    out += `export interface ${name} ${objectType(schema, "")}\n`;
  } else {
    out += `export type ${name} = ${ts(schema, "")};\n`;
  }
}
out += BINDING_TYPES;

const current = existsSync(target) ? readFileSync(target, "utf8") : "";
if (process.argv.includes("--check")) {
  if (current !== out) {
    console.error(`${target} is stale; run node bindings-wasm/types/generate.mjs`);
    process.exit(1);
  }
} else if (current !== out) {
  writeFileSync(target, out);
  console.error(`wrote ${target}`);
}
