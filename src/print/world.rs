//! The Typst "world" a brochure is compiled in: one generated main file, the theme's fonts,
//! the site's static files and generated QR codes — and nothing from the network or the clock.

use std::collections::HashMap;
use std::sync::Arc;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

/// Fonts and the standard library, shared by every document of a build.
pub struct Shared {
    pub library: LazyHash<Library>,
    pub fonts: FontStore,
}

impl Shared {
    pub fn new(fonts: FontStore) -> Self {
        Shared {
            library: LazyHash::new(Library::default()),
            fonts,
        }
    }
}

/// Files a document can read, by virtual path (`/static/images/a.svg`, `/qr/a.svg`).
pub type Files = HashMap<String, Bytes>;

/// One document to compile.
pub struct PrintWorld<'a> {
    shared: &'a Shared,
    main: Source,
    files: Arc<Files>,
    today: Option<Datetime>,
}

/// A `FileId` for a path inside the virtual project.
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl<'a> PrintWorld<'a> {
    pub fn new(
        shared: &'a Shared,
        main_text: String,
        files: Arc<Files>,
        today: Option<Datetime>,
    ) -> Option<Self> {
        let id = file_id("/main.typ")?;
        Some(PrintWorld {
            shared,
            main: Source::new(id, main_text),
            files,
            today,
        })
    }

    pub fn main_source(&self) -> &Source {
        &self.main
    }
}

impl World for PrintWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.shared.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(std::path::PathBuf::from(
                id.vpath().get_without_slash(),
            )))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let path = id.vpath().get_with_slash();
        self.files.get(path).cloned().ok_or_else(|| {
            FileError::NotFound(std::path::PathBuf::from(id.vpath().get_without_slash()))
        })
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
