//! Errors at the JS edge: a core [`Error`] as a JS `Error` with `code`,
//! `indicator` and `row`.

use js_sys::Reflect;
use spbe_core::Error;
use wasm_bindgen::prelude::*;

/// A JS `Error` whose `code` (and `indicator`) carry the spbe error's fields.
pub(crate) fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("SpbeError");
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
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
