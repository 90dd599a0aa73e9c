//! The preview of the working tree that the desk links each article to: the real theme,
//! built by the renderer into a folder of the desk's own and served on a port of its own
//! (another origin than the desk's buttons, so nothing in an article's page can reach
//! them). Built once in the background when the desk starts and again for what a step or
//! an intake changed.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};

use stp_render::{Incremental, RenderOptions};

use crate::error::DeskError;

/// How far the preview is.
#[derive(Debug, Clone)]
pub enum Standing {
    Building,
    Ready,
    Failed(String),
}

pub struct Preview {
    pub port: u16,
    changes: Mutex<Sender<Vec<PathBuf>>>,
    standing: Arc<Mutex<Standing>>,
    /// The folder the preview is built in, removed when the desk stops.
    _dir: tempfile::TempDir,
}

impl Preview {
    /// Starts building the preview of the working tree at `root`; a failed build is
    /// reported in `lang`.
    pub fn start(
        root: &Path,
        render: RenderOptions,
        lang: stp_i18n::Lang,
    ) -> Result<Preview, DeskError> {
        let dir = tempfile::Builder::new()
            .prefix("stp-desk-")
            .tempdir()
            .map_err(|e| DeskError::Start(format!("no folder for the preview: {e}")))?;
        let out = dir.path().join("site");
        let port = stp_serve::spawn_static(&out)?;
        let standing = Arc::new(Mutex::new(Standing::Building));
        let (changes, received) = channel::<Vec<PathBuf>>();
        let (root, shared) = (root.to_path_buf(), Arc::clone(&standing));
        std::thread::spawn(move || {
            let set = |s: Standing| *shared.lock().unwrap_or_else(|e| e.into_inner()) = s;
            let mut live = match Incremental::new(&root, &out, &render) {
                Ok(live) => {
                    set(Standing::Ready);
                    Some(live)
                }
                Err(e) => {
                    set(Standing::Failed(crate::said::render(lang, &e)));
                    None
                }
            };
            for paths in received {
                let result = match live.as_mut() {
                    Some(l) => l.update(&paths).map(|_| ()),
                    None => Incremental::new(&root, &out, &render).map(|l| live = Some(l)),
                };
                match result {
                    Ok(()) => set(Standing::Ready),
                    Err(e) => set(Standing::Failed(crate::said::render(lang, &e))),
                }
            }
        });
        Ok(Preview {
            port,
            changes: Mutex::new(changes),
            standing,
            _dir: dir,
        })
    }

    /// Builds again what `paths` (repository-relative or absolute) touch.
    pub fn changed(&self, root: &Path, paths: &[String]) {
        let paths = paths.iter().map(|p| root.join(p)).collect();
        let _ = self
            .changes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .send(paths);
    }

    pub fn standing(&self) -> Standing {
        self.standing
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The address of a page of the preview.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}
