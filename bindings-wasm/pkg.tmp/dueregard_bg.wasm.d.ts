/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const __wbg_checker_free: (a: number, b: number) => void;
export const __wbg_session_free: (a: number, b: number) => void;
export const checker_check: (a: number, b: any) => [number, number, number];
export const checker_checkFile: (a: number, b: number, c: number, d: number, e: number) => [number, number, number];
export const checker_checkJson: (a: number, b: any) => [number, number, number, number];
export const checker_checkText: (a: number, b: any, c: any) => [number, number, number];
export const checker_checkTextJson: (a: number, b: any, c: any) => [number, number, number, number];
export const checker_framework: (a: number) => [number, number, number];
export const checker_new: (a: any) => [number, number, number];
export const checker_rules: (a: number) => [number, number, number];
export const checker_session: (a: number, b: any) => [number, number, number];
export const framework: () => [number, number, number];
export const session_report: (a: number) => [number, number, number];
export const session_reportJson: (a: number) => [number, number];
export const session_setDraft: (a: number, b: any) => [number, number, number];
export const session_setDraftJson: (a: number, b: any) => [number, number, number, number];
export const session_update: (a: number, b: any, c: any) => [number, number, number];
export const session_updateJson: (a: number, b: any, c: any) => [number, number, number, number];
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
