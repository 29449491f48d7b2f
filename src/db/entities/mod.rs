//! sea-orm entities, one module per table created by the `migration` crate. They describe the
//! schema; they hold no workflow rules (those belong to `workflow/`).
//!
//! Columns documented as "JSON text" are stored as `TEXT` and (de)serialised by the caller
//! with serde_json, so both backends store the same bytes.

pub mod api_tokens;
pub mod audit_log;
pub mod comments;
pub mod criterion_verdicts;
pub mod login_flows;
pub mod observations;
pub mod review_decisions;
pub mod rights_reports;
pub mod sessions;
pub mod submissions;
pub mod users;

pub use api_tokens::Entity as ApiTokens;
pub use audit_log::Entity as AuditLog;
pub use comments::Entity as Comments;
pub use criterion_verdicts::Entity as CriterionVerdicts;
pub use login_flows::Entity as LoginFlows;
pub use observations::Entity as Observations;
pub use review_decisions::Entity as ReviewDecisions;
pub use rights_reports::Entity as RightsReports;
pub use sessions::Entity as Sessions;
pub use submissions::Entity as Submissions;
pub use users::Entity as Users;
