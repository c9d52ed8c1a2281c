//! Input at the edge: the size limit, reading a file once, and what a JSON
//! syntax or shape error becomes.

use crate::error::{Error, Result, RubricProblem};

/// Largest rubric file or assessment accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// `input_too_large` when `len` is over [`MAX_INPUT_BYTES`].
pub fn check_size(len: usize) -> Result<()> {
    if len > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge {
            size: len,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

/// Reads a file, refusing anything larger than [`MAX_INPUT_BYTES`].
pub fn read_limited(path: &std::path::Path) -> Result<String> {
    use std::io::Read;
    let io = |e: std::io::Error| Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let f = std::fs::File::open(path).map_err(io)?;
    let mut buf = Vec::new();
    f.take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(io)?;
    check_size(buf.len())?;
    String::from_utf8(buf).map_err(|_| Error::Io {
        path: path.display().to_string(),
        message: "not UTF-8 text".into(),
    })
}

/// Reads everything from a reader (stdin), refusing anything larger than
/// [`MAX_INPUT_BYTES`].
pub fn read_all_limited(r: impl std::io::Read, name: &str) -> Result<String> {
    use std::io::Read;
    let mut buf = Vec::new();
    r.take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::Io {
            path: name.to_owned(),
            message: e.to_string(),
        })?;
    check_size(buf.len())?;
    String::from_utf8(buf).map_err(|_| Error::Io {
        path: name.to_owned(),
        message: "not UTF-8 text".into(),
    })
}

/// What a serde_json error becomes: `malformed_json` for syntax, otherwise
/// `invalid_rubric` (`what == "rubric"`) or `invalid_assessment`.
pub(crate) fn json_error(e: &serde_json::Error, what: &str) -> Error {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => Error::MalformedJson {
            message: strip_position(&e.to_string()),
            line: e.line(),
            column: e.column(),
        },
        Category::Data if what == "rubric" => Error::InvalidRubric {
            id: String::new(),
            problems: vec![RubricProblem {
                code: "shape",
                path: format!("line {}, column {}", e.line(), e.column()),
                message: strip_position(&e.to_string()),
            }],
        },
        Category::Data => Error::InvalidAssessment {
            message: format!("{what}: {e}"),
        },
    }
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(p) => msg[..p].to_owned(),
        None => msg.to_owned(),
    }
}
