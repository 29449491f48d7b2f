//! `floss-registry serve`: load the data, sync the index, serve the API until a signal.

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
        let app = match tokio::task::spawn_blocking(move || App::start(config)).await {
            Ok(Ok(app)) => Arc::new(app),
            Ok(Err(e)) => {
                tracing::error!(error = %e, "cannot start");
                eprintln!("error: {e}");
                return exit::USAGE_OR_IO;
            }
            Err(e) => {
                eprintln!("error: start-up failed: {e}");
                return exit::USAGE_OR_IO;
            }
        };
        match crate::http::serve(app).await {
            Ok(()) => exit::OK,
            Err(e) => {
                eprintln!("error: cannot serve: {e}");
                exit::USAGE_OR_IO
            }
        }
    })
}
