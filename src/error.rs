//! The one vocabulary of failure shared by the layers below `http`: what *kind* of failure
//! happened, never how to answer it.
//!
//! Policy: `git`, `db`, `auth`, `workflow` and `search` errors each say which [`ErrorKind`]
//! they are (through [`Classify`]); they know no HTTP. The one place that turns a kind into
//! a status, a public code, a public message and a log level is `crate::http::failure`, and
//! both the JSON errors of the API and the HTML error pages are rendered from what it
//! decides. So the same failure answers the same status everywhere.
//!
//! Messages of the lower layers are for logs and operators: they may name paths, branches
//! and database text. A client sees them only for the kinds that are its own fault
//! ([`ErrorKind::is_client_fault`]), and only through [`Classify::public_detail`], which
//! never carries a server path.

/// What kind of failure happened, from the point of view of whoever asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The thing asked for does not exist (or is not visible to the one asking).
    NotFound,
    /// The request is at odds with the current state (wrong state, duplicate, already merged).
    Conflict,
    /// The input is understood but does not pass the rules (the validator, a constraint).
    Invalid,
    /// The one asking may not do this.
    Forbidden,
    /// The request itself is malformed or refers to something stale (a login to start again).
    BadRequest,
    /// Someone else's service we depend on answered wrongly (a login provider).
    Upstream,
    /// A part that is needed is down or absent (database, data repository, provider); the
    /// input is kept and the same request can succeed later.
    Unavailable,
    /// A bug or an unexpected failure on our side.
    Internal,
}

impl ErrorKind {
    /// Whether the one asking can fix it (their message may be shown to them).
    pub fn is_client_fault(self) -> bool {
        matches!(
            self,
            ErrorKind::NotFound
                | ErrorKind::Conflict
                | ErrorKind::Invalid
                | ErrorKind::Forbidden
                | ErrorKind::BadRequest
        )
    }
}

/// An error that knows its kind. `public_detail` is what a client may read about a
/// client-fault error: by default its `Display`, which implementors keep free of server
/// paths; server-fault errors are never shown (the HTTP layer says something generic).
pub trait Classify: std::fmt::Display {
    fn kind(&self) -> ErrorKind;

    fn public_detail(&self) -> String {
        self.to_string()
    }

    /// A more precise public code than the kind's (`login-failed` rather than
    /// `bad-request`), when the layer has one.
    fn public_code(&self) -> Option<&'static str> {
        None
    }
}
