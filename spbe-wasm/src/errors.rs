//! Errors at the JS edge: a core [`Error`] as a JS `Error` with `code`,
//! `kind`, `indicator` and `row`, its message in the language set by `setLanguage`
//! (English until then).

use std::cell::Cell;

use js_sys::Reflect;
use spbe_core::error::Lang;
use spbe_core::{CheckResult, Error, Issue, Options};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The language of messages (the module is single-threaded).
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language messages are written in.
pub(crate) fn language() -> Lang {
    LANG.with(Cell::get)
}

/// Sets the language of error messages and of the problems `validate` and
/// `check` list: `"en"` (English, the default) or `"id"` (Bahasa
/// Indonesia). Codes, indicators and rows stay the same. Throws an `Error`
/// with code `invalid_options` for any other value.
#[wasm_bindgen(js_name = setLanguage, skip_typescript)]
pub fn set_language(lang: &str) -> Result<(), JsValue> {
    let l: Lang = lang.parse().map_err(|e| js_error(&e))?;
    LANG.with(|c| c.set(l));
    Ok(())
}

/// The language set by `setLanguage`.
#[wasm_bindgen(js_name = getLanguage, skip_typescript)]
pub fn get_language() -> String {
    language().as_str().to_owned()
}

#[wasm_bindgen(typescript_custom_section)]
const LANG_TS: &str = r#"
/** A language of messages: English or Bahasa Indonesia. */
export type Language = "en" | "id";
/**
 * Sets the language of error messages and of the problems `validate`,
 * `check` and `formState` list (English until called). Codes, kinds,
 * indicators and rows are the same in every language. In Indonesian,
 * `formState` echoes a decimal value as a form's field holds it, with the
 * decimal comma (`nilai 5,2`); the others keep the value as the input wrote
 * it (`5.2`). Throws an `Error` with code `invalid_options` for any other
 * value.
 */
export function setLanguage(lang: Language): void;
/** The language set by `setLanguage` (`"en"` until then). */
export function getLanguage(): Language;
/**
 * What the functions throw for bad input: an `Error` named `SpbeError` with
 * the fields of an `Issue` (`code`, `kind`, `indicator`) and, for a row of
 * `scoreColumns`, its `row`.
 */
export interface SpbeError extends Error {
    code: string;
    kind: IssueKind;
    indicator: string | null;
    row?: number;
}
"#;

/// A JS `Error` whose `code`, `kind` (and `indicator`) carry the spbe error's fields.
pub(crate) fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.message_in(language()));
    err.set_name("SpbeError");
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    let _ = Reflect::set(&err, &"kind".into(), &e.kind().as_str().into());
    let _ = Reflect::set(
        &err,
        &"indicator".into(),
        &e.indicator().map_or(JsValue::NULL, JsValue::from),
    );
    if let Error::Row { row, .. } = e {
        let _ = Reflect::set(&err, &"row".into(), &(*row as f64).into());
    }
    err.into()
}

/// The problem record of an error, its message in the language set.
// for lib.rs (`validate`, `check`, `formState`), which the coordinator wires
pub(crate) fn issue(e: &Error) -> Issue {
    e.issue_in(language())
}

/// The problem record of an error for a form (`formState`): in Indonesian a
/// decimal value is echoed as typed there, with the decimal comma
/// ([`Error::message_in_form`]).
pub(crate) fn form_issue(e: &Error) -> Issue {
    e.issue_in_form(language())
}

/// `check` of an assessment's text: the report, or every problem with its
/// message in the language set.
pub(crate) fn check_text(text: &str, options: &Options) -> CheckResult {
    CheckResult::of_text_in(text, None, options, language())
}
