//! Reading one file safely: size limit checked before reading, UTF-8 checked, positions computed.

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use super::diagnostic::{Diagnostic, codes};

/// Files larger than this are rejected without being read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024;

/// Reads a data file, or explains why it cannot be used. `rel` is the path shown to people.
///
/// The size is looked at before reading (a huge file is never read), then the bytes read go
/// through [`check_file`], the checks every file's content gets, wherever it comes from.
pub fn read_text(path: &Path, rel: &str) -> Result<String, Box<Diagnostic>> {
    let unreadable = |e: std::io::Error| {
        Diagnostic::error(codes::UNREADABLE, rel, format!("cannot read the file: {e}"))
    };
    // The path itself, not what a link points to: links are never followed.
    let meta = std::fs::symlink_metadata(path).map_err(|e| Box::new(unreadable(e)))?;
    if meta.file_type().is_symlink() {
        return Err(Box::new(symlink(rel)));
    }
    if !meta.is_file() {
        return Err(Box::new(unreadable(std::io::Error::other(
            "not a regular file",
        ))));
    }
    check_size(meta.len(), rel)?;
    // Read one byte past the limit at most, in case the file grew since it was measured.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|mut f| {
            same_file(&f, &meta)?;
            (&mut f).take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)
        })
        .map_err(|e| Box::new(unreadable(e)))?;
    check_file(&bytes, rel)?;
    String::from_utf8(bytes).map_err(|e| Box::new(unreadable(std::io::Error::other(e))))
}

/// A symbolic link in the data tree (`rel`: the path shown, a directory's ending in `/`): an
/// error, and never followed, since it could point anywhere and a report must not show what
/// is outside the tree.
pub fn symlink(rel: &str) -> Diagnostic {
    Diagnostic::error(
        codes::SYMLINK,
        rel,
        format!("`{rel}` is a symbolic link: links are not followed in a data directory"),
    )
    .with_hint("put the regular file or directory itself here instead of a link to it")
}

/// The file opened must be the one looked at (not a link put in its place since).
#[cfg(unix)]
fn same_file(file: &std::fs::File, looked_at: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let opened = file.metadata()?;
    if (opened.dev(), opened.ino()) == (looked_at.dev(), looked_at.ino()) {
        Ok(())
    } else {
        Err(std::io::Error::other("the file changed while it was read"))
    }
}

#[cfg(not(unix))]
fn same_file(_file: &std::fs::File, _looked_at: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

/// The checks of a data file's content before it is parsed: not empty, not over
/// [`MAX_FILE_BYTES`], UTF-8. The one list, for files read from a data directory and for
/// texts submitted through the web or the API alike.
pub fn check_file<'b>(bytes: &'b [u8], rel: &str) -> Result<&'b str, Box<Diagnostic>> {
    check_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX), rel)?;
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = e.valid_up_to();
        // Show the line up to the bad byte, decoded lossily, so the position can be found.
        let text = String::from_utf8_lossy(bytes);
        let lossy_offset = String::from_utf8_lossy(&bytes[..valid]).len();
        Box::new(
            Diagnostic::error(
                codes::INVALID_UTF8,
                rel,
                format!("invalid UTF-8 at byte {valid}"),
            )
            .at(&SourceText::new(&text), lossy_offset..lossy_offset + 1)
            .with_hint("save the file as UTF-8 (data files must be UTF-8 text)"),
        )
    })
}

/// A file of `len` bytes must not be empty, nor over [`MAX_FILE_BYTES`].
fn check_size(len: u64, rel: &str) -> Result<(), Box<Diagnostic>> {
    if len == 0 {
        return Err(Box::new(
            Diagnostic::error(codes::EMPTY_FILE, rel, "the file is empty")
                .with_hint("delete it, or fill it in: `floss-registry schema` describes an entry"),
        ));
    }
    if len > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::error(
                codes::FILE_TOO_LARGE,
                rel,
                format!("the file is {len} bytes, over the limit of {MAX_FILE_BYTES} bytes"),
            )
            .with_hint(
                "shorten the descriptions and notes; link to documents instead of copying them",
            ),
        ));
    }
    Ok(())
}

/// A file's text with its line starts, to turn byte offsets into lines and columns.
#[derive(Debug)]
pub struct SourceText<'a> {
    pub text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceText<'a> {
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceText { text, line_starts }
    }

    /// Zero-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    pub fn line_start(&self, index: usize) -> usize {
        self.line_starts
            .get(index)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// Byte range of a line, without its line break.
    pub fn line_range(&self, index: usize) -> Range<usize> {
        let start = self.line_start(index);
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next.saturating_sub(1));
        let end = if end > start && self.text.as_bytes().get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }

    /// One-based column (in characters) of a byte offset.
    pub fn column(&self, offset: usize) -> usize {
        let start = self.line_start(self.line_index(offset));
        let offset = floor_char_boundary(self.text, offset);
        self.text[start..offset.max(start)].chars().count() + 1
    }
}

pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
