//! Where a submission's pull request lives, behind one trait: [`PullRequests`].
//!
//! In the registry's own mode, [`Local`], the pull request is kept in the database: the
//! submission row is the pull request (its branch `submission/<id>-<slug>` the head, its
//! comments and decisions the review, `/{lang}/submissions/{id}` its page), so there is
//! nothing to send anywhere. Forge adapters (GitHub, GitLab, Forgejo) implement the same
//! trait to open, update and close a real pull request on the forge. The workflow tells the
//! adapter each event after the git side is done; git stays the source of truth, so a forge
//! that fails is logged and never undoes a submission or a decision.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use super::context::Context;
use crate::db::entities::submissions;

/// What happened to a submission's pull request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Its branch exists now (first written to git).
    Opened,
    /// A new version was committed on its branch.
    Updated,
    /// Approved: the branch was merged into main.
    Merged,
    /// Closed without merging: rejected or withdrawn.
    Closed,
}

/// A future an adapter returns (boxed: the trait is used as `dyn`).
pub type Answer<'a> = Pin<Box<dyn Future<Output = Result<String, String>> + Send + 'a>>;

/// The pull requests of submissions, on a forge or in the registry itself.
pub trait PullRequests: Send + Sync + fmt::Debug {
    /// A short name for logs (`local`, `github`…).
    fn name(&self) -> &'static str;

    /// Tells the pull request of `submission` that `event` happened. Answers the address
    /// where people follow it, or why the forge could not be told.
    fn notify<'a>(&'a self, submission: &'a submissions::Model, event: Event) -> Answer<'a>;
}

/// The registry's own pull requests: the database holds them already.
#[derive(Debug, Clone)]
pub struct Local {
    /// The registry's public base URL, for the address of a submission's page.
    pub public_url: String,
}

impl PullRequests for Local {
    fn name(&self) -> &'static str {
        "local"
    }

    fn notify<'a>(&'a self, submission: &'a submissions::Model, _event: Event) -> Answer<'a> {
        let url = format!(
            "{}/en/submissions/{}",
            self.public_url.trim_end_matches('/'),
            submission.id
        );
        Box::pin(async move { Ok(url) })
    }
}

/// Tells the app's adapter about `event`; a failure is logged, never returned (see the
/// module documentation).
pub async fn tell(ctx: &Context, submission: &submissions::Model, event: Event) {
    let forge = &ctx.pull_requests;
    match forge.notify(submission, event).await {
        Ok(url) => tracing::debug!(
            forge = forge.name(),
            submission = submission.id,
            ?event,
            %url,
            "pull request told"
        ),
        Err(e) => tracing::warn!(
            forge = forge.name(),
            submission = submission.id,
            ?event,
            error = %crate::util::escaped(&e),
            "the forge could not be told; the submission and git are unaffected"
        ),
    }
}
