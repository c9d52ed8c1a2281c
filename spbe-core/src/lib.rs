//! # spbe-core
//!
//! The reference implementation of Indonesia's e-government maturity index:
//! the *Indeks SPBE* (PermenPANRB 5/2018 and 59/2020) and the *Indeks Pemerintah
//! Digital* (PermenPANRB 8/2026). Editions are data, validated when
//! loaded; every index is computed exactly and only the reported value is
//! rounded, half up, to 2 decimals.
//!
//! ```
//! let json = r#"{"rubric": "permenpanrb-59-2020",
//!                "levels": {"1":3,"2":3,"3":3,"4":3,"5":3,"6":3,"7":3,"8":3,"9":3,"10":3,
//!                           "11":3,"12":4,"13":3,"14":2,"15":3,"16":3,"17":3,"18":3,"19":3,"20":3,
//!                           "21":3,"22":3,"23":3,"24":3,"25":3,"26":3,"27":3,"28":3,"29":3,"30":3,
//!                           "31":3,"32":3,"33":3,"34":3,"35":3,"36":3,"37":3,"38":3,"39":3,"40":3,
//!                           "41":3,"42":3,"43":3,"44":3,"45":3,"46":3,"47":3}}"#;
//! let report = spbe_core::score_text(json, None, &spbe_core::Options::default()).unwrap();
//! assert_eq!(report.index_text, "3.00");
//! assert_eq!(report.predicate, "Baik");
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api;
pub mod assessment;
pub mod batch;
pub mod compare;
pub mod error;
pub mod ffi;
pub mod form;
pub mod input;
pub mod level_map;
pub mod lhe;
pub mod options;
pub mod plan;
pub mod ratio;
pub mod report;
pub mod rubric;
pub mod score;
pub mod track;
pub mod value;
pub mod vector;

pub use api::{
    check_text, check_value, check_with, parse_text, plan_text, score_text, score_value,
    score_with, validate_text, validate_value, validate_with, CheckResult,
};
pub use assessment::{Assessment, IndicatorId, Level, LevelMap, RawAssessment, Track, Tracks};
pub use compare::{compare, Comparison};
pub use error::{
    Error, ErrorCode, Issue, IssueKind, Lang, Result, RubricProblem, VectorProblem, ERROR_CODES,
    MAX_PER_KIND,
};
pub use input::{read_limited, MAX_INPUT_BYTES};
pub use options::{MissingPolicy, Options, PredicateBasis};
pub use plan::{plan_with, Plan, PlanRequest};
pub use ratio::{Hundredths, Ratio};
pub use report::Report;
pub use rubric::{
    builtin, builtin_ids, builtin_spec_json, builtin_summaries, builtins, Rubric, RubricSpec,
    RubricSummary, Status,
};
pub use score::predicate_of;
pub use vector::{from_vector, from_vector_with, is_vector, to_vector};
