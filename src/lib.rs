//! floss-registry: a public catalogue of free/open-source software assessed against
//! privacy-by-design criteria, with evidence.
//!
//! Data flows one way: the data repository (`data`) is read into the model (`model`) and
//! validated; the index and the HTTP layer read the result. See `ARCHITECTURE.md`.

pub mod app;
pub mod auth;
pub mod catalogue;
pub mod cli;
pub mod config;
pub mod data;
pub mod db;
pub mod error;
pub mod evidence;
pub mod fuzzing;
pub mod git;
pub mod http;
pub mod model;
pub mod outbound;
pub mod search;
pub mod util;
pub mod workflow;
