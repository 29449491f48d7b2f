//! The site's static files (`static/`), compiled into the binary and served under
//! content-hashed names (`/static/style.1a2b3c4d5e6f.css`) with a one-year immutable cache:
//! a new version gets a new name, so visitors never see a stale stylesheet.

use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// One embedded file.
#[derive(Debug)]
pub struct Asset {
    stem: &'static str,
    ext: &'static str,
    pub body: &'static [u8],
    content_type: &'static str,
    href: OnceLock<String>,
}

impl Asset {
    const fn new(
        stem: &'static str,
        ext: &'static str,
        body: &'static [u8],
        content_type: &'static str,
    ) -> Asset {
        Asset {
            stem,
            ext,
            body,
            content_type,
            href: OnceLock::new(),
        }
    }

    /// The versioned address of the file, e.g. `/static/style.1a2b3c4d5e6f.css`.
    pub fn href(&'static self) -> &'static str {
        self.href.get_or_init(|| {
            let digest = Sha256::digest(self.body);
            format!(
                "/static/{}.{}.{}",
                self.stem,
                hex::encode(&digest[..6]),
                self.ext
            )
        })
    }

    fn plain_name(&self) -> String {
        format!("{}.{}", self.stem, self.ext)
    }
}

pub static STYLE: Asset = Asset::new(
    "style",
    "css",
    include_bytes!("../../../static/style.css"),
    "text/css; charset=utf-8",
);
pub static ICON: Asset = Asset::new(
    "icon",
    "svg",
    include_bytes!("../../../static/icon.svg"),
    "image/svg+xml",
);

static ALL: [&Asset; 2] = [&STYLE, &ICON];

/// `GET /static/{file}`: the hashed name is cached for a year; the plain name (for people
/// and tools that guess it) for five minutes.
pub async fn serve(Path(file): Path<String>) -> Response {
    let requested = format!("/static/{file}");
    for asset in ALL {
        let immutable = asset.href() == requested;
        if immutable || asset.plain_name() == file {
            let cache = if immutable {
                "public, max-age=31536000, immutable"
            } else {
                "public, max-age=300"
            };
            return (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static(asset.content_type),
                    ),
                    (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
                ],
                asset.body,
            )
                .into_response();
        }
    }
    (StatusCode::NOT_FOUND, "no such file\n").into_response()
}
