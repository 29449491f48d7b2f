//! `floss-registry serve`: migrate the database, load the data, sync the index, start the
//! periodic jobs, serve the site and the API until a signal.

use std::sync::Arc;

use super::exit;
use crate::app::App;
use crate::config::{Config, ServeArgs};

pub fn run(args: &ServeArgs) -> u8 {
    let config = match Config::from_serve_args(args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::USAGE_OR_IO;
        }
    };
    super::init_tracing(config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return exit::USAGE_OR_IO;
        }
    };
    runtime.block_on(async move {
        let app = match App::start(config).await {
            Ok(app) => Arc::new(app),
            Err(e) => {
                tracing::error!(error = %crate::util::escaped(&e), "cannot start");
                eprintln!("error: {e}");
                return exit::USAGE_OR_IO;
            }
        };
        crate::workflow::jobs::spawn(app.workflow.clone());
        crate::workflow::evidence_job::spawn(app.workflow.clone());
        match crate::http::serve(app).await {
            Ok(()) => exit::OK,
            Err(e) => {
                eprintln!("error: cannot serve: {e}");
                exit::USAGE_OR_IO
            }
        }
    })
}
