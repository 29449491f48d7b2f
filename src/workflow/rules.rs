//! Who may do what: the one answer to "may this actor do this to this submission" (and to
//! their own account, and to the accounts of others), used by the workflow's actions
//! themselves, by the API and by the pages (which show only the buttons the rules allow). A
//! rule changed here changes everywhere.

use sea_orm::ActiveEnum;

use super::{Actor, WorkflowError};
use crate::db::entities::submissions::{self, State};

/// What can be done to a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read it, its diff, comments and decisions.
    See,
    /// Push a new version of the entry.
    Update,
    Withdraw,
    /// Request changes or reject (and approve, see [`Action::Approve`]).
    Decide,
    /// Approve and merge.
    Approve,
}

/// What can be done to one's own account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountAction {
    MakeToken,
    DeleteAccount,
}

/// Whether a submission is still in the hands of its author and the reviewers.
pub fn is_active(state: State) -> bool {
    matches!(
        state,
        State::PendingGit | State::Open | State::ChangesRequested
    )
}

/// Whether a reviewer can decide on a submission in this state.
pub fn is_decidable(state: State) -> bool {
    matches!(state, State::Open | State::ChangesRequested)
}

fn is_author(actor: &Actor, row: &submissions::Model) -> bool {
    row.author_id == Some(actor.id)
}

/// `Ok` when `actor` may do `action` to `row`; otherwise the refusal, with its reason.
pub fn check(actor: &Actor, row: &submissions::Model, action: Action) -> Result<(), WorkflowError> {
    let id = row.id;
    if !is_author(actor, row) && !actor.is_reviewer() {
        return Err(WorkflowError::Forbidden(format!(
            "submission #{id} is visible to its author and to reviewers only"
        )));
    }
    match action {
        Action::See => Ok(()),
        Action::Update | Action::Withdraw => {
            let verb = if action == Action::Update {
                "update"
            } else {
                "withdraw"
            };
            if !is_author(actor, row) {
                return Err(WorkflowError::Forbidden(format!(
                    "only the author of a submission can {verb} it"
                )));
            }
            if !is_active(row.state) {
                return Err(WorkflowError::Conflict(if action == Action::Update {
                    format!(
                        "submission #{id} is {} and can no longer be updated",
                        row.state.to_value()
                    )
                } else {
                    format!("submission #{id} is {} already", row.state.to_value())
                }));
            }
            Ok(())
        }
        Action::Decide | Action::Approve => {
            if !actor.is_reviewer() {
                return Err(WorkflowError::Forbidden(
                    "only reviewers take decisions".into(),
                ));
            }
            if is_author(actor, row) {
                return Err(WorkflowError::Forbidden(format!(
                    "four-eyes rule: you authored submission #{id}, another reviewer must decide"
                )));
            }
            if !is_decidable(row.state) {
                return Err(WorkflowError::Conflict(format!(
                    "submission #{id} is {}: there is nothing to decide",
                    row.state.to_value()
                )));
            }
            if action == Action::Approve && row.state != State::Open {
                return Err(WorkflowError::Conflict(format!(
                    "submission #{id} awaits changes from its author; it cannot be approved as it is"
                )));
            }
            Ok(())
        }
    }
}

/// `Ok` when `actor` may do `action` to their own account. An API token is for tools: it
/// cannot make more tokens nor delete the account (a stolen token must not outlive, or end,
/// the account it was made for).
pub fn check_account(actor: &Actor, action: AccountAction) -> Result<(), WorkflowError> {
    if !actor.via_token {
        return Ok(());
    }
    Err(WorkflowError::Forbidden(match action {
        AccountAction::MakeToken => {
            "an API token cannot make tokens: log in and make it on your account page".into()
        }
        AccountAction::DeleteAccount => {
            "an API token cannot delete the account: log in and delete it on your account page"
                .into()
        }
    }))
}

/// `Ok` when `actor` may administer accounts (see them all, change the role stored for one):
/// admins only.
pub fn check_admin(actor: &Actor) -> Result<(), WorkflowError> {
    if actor.is_admin() {
        Ok(())
    } else {
        Err(WorkflowError::Forbidden(
            "only admins see the accounts and change their roles".into(),
        ))
    }
}

/// What the pages offer an actor on a submission they can see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offered {
    pub update: bool,
    pub withdraw: bool,
    pub decide: bool,
    /// Approving too (deciding on a submission that does not await changes from its author).
    pub approve: bool,
    /// A reviewer looking at their own submission: the four-eyes rule is why they cannot decide.
    pub four_eyes: bool,
    /// A reviewer looking at a submission not yet written to git.
    pub waits_for_git: bool,
}

/// What `actor` may do to `row`, as [`check`] answers it.
pub fn offered(actor: &Actor, row: &submissions::Model) -> Offered {
    let may = |action| check(actor, row, action).is_ok();
    Offered {
        update: may(Action::Update),
        withdraw: may(Action::Withdraw),
        decide: may(Action::Decide),
        approve: may(Action::Approve),
        four_eyes: actor.is_reviewer() && is_author(actor, row) && is_decidable(row.state),
        waits_for_git: actor.is_reviewer() && row.state == State::PendingGit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::entities::users::Role;

    fn actor(id: i64, role: Role) -> Actor {
        Actor {
            id,
            display_name: format!("user {id}"),
            role,
            via_token: false,
        }
    }

    fn row(author: i64, state: State) -> submissions::Model {
        submissions::Model {
            id: 7,
            slug: "example".into(),
            kind: submissions::Kind::New,
            state,
            branch: None,
            base_commit: String::new(),
            head_commit: None,
            entry_toml: String::new(),
            validation_report: "[]".into(),
            author_id: Some(author),
            author_pseudonym: "contributor-0".into(),
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn only_the_author_updates_and_withdraws_an_active_submission() {
        let author = actor(1, Role::Submitter);
        let other = actor(2, Role::Submitter);
        let reviewer = actor(3, Role::Reviewer);
        let open = row(1, State::Open);
        assert!(check(&author, &open, Action::Update).is_ok());
        assert!(check(&author, &open, Action::Withdraw).is_ok());
        assert!(matches!(
            check(&other, &open, Action::See),
            Err(WorkflowError::Forbidden(_))
        ));
        assert!(matches!(
            check(&reviewer, &open, Action::Withdraw),
            Err(WorkflowError::Forbidden(_))
        ));
        assert!(matches!(
            check(&author, &row(1, State::Approved), Action::Update),
            Err(WorkflowError::Conflict(_))
        ));
    }

    #[test]
    fn a_reviewer_never_decides_on_their_own_submission() {
        let reviewer = actor(3, Role::Reviewer);
        let theirs = row(3, State::Open);
        let err = check(&reviewer, &theirs, Action::Decide).expect_err("four eyes");
        assert!(err.to_string().contains("four-eyes"), "{err}");
        let offered = offered(&reviewer, &theirs);
        assert!(offered.four_eyes && !offered.decide && offered.withdraw);
        assert!(check(&actor(4, Role::Admin), &theirs, Action::Approve).is_ok());
    }

    #[test]
    fn a_submission_awaiting_changes_can_be_decided_but_not_approved() {
        let reviewer = actor(3, Role::Reviewer);
        let waiting = row(1, State::ChangesRequested);
        assert!(check(&reviewer, &waiting, Action::Decide).is_ok());
        assert!(matches!(
            check(&reviewer, &waiting, Action::Approve),
            Err(WorkflowError::Conflict(_))
        ));
        assert!(matches!(
            check(&reviewer, &row(1, State::Withdrawn), Action::Decide),
            Err(WorkflowError::Conflict(_))
        ));
    }

    #[test]
    fn only_an_admin_administers_accounts() {
        assert!(check_admin(&actor(1, Role::Admin)).is_ok());
        for role in [Role::Submitter, Role::Reviewer] {
            assert!(matches!(
                check_admin(&actor(2, role)),
                Err(WorkflowError::Forbidden(_))
            ));
        }
    }

    #[test]
    fn an_api_token_neither_makes_tokens_nor_deletes_the_account() {
        let mut tool = actor(1, Role::Submitter);
        assert!(check_account(&tool, AccountAction::DeleteAccount).is_ok());
        tool.via_token = true;
        for action in [AccountAction::MakeToken, AccountAction::DeleteAccount] {
            assert!(matches!(
                check_account(&tool, action),
                Err(WorkflowError::Forbidden(_))
            ));
        }
    }
}
