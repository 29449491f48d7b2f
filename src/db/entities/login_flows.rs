//! `login_flows`: a login in progress, between leaving for the provider and coming back.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_flows")]
pub struct Model {
    /// Hash of the flow cookie's token.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub provider: String,
    /// The OAuth2 `state` sent to the provider, compared on return.
    pub state: String,
    /// The OpenID Connect `nonce`, checked in the ID token.
    pub nonce: String,
    pub pkce_verifier: String,
    /// Where to go after login: a path on this site, checked before it is stored.
    pub next_path: String,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
