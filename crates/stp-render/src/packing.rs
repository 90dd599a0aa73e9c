//! When the articles being read have their bodies held compressed (`stp_content::Body`):
//! once more than a number of bytes of articles have been read, each body as it is
//! parsed (`now`), and at the end of the pass the ones read before (`pack_rest`). Shared by
//! the build and `stp check`, which both read every article once.

use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use stp_content::Article;

pub(crate) struct Packing {
    read: AtomicU64,
    above: u64,
}

impl Packing {
    /// Packing past `above` bytes of articles read.
    pub(crate) fn above(above: u64) -> Packing {
        Packing {
            read: AtomicU64::new(0),
            above,
        }
    }

    /// As `pack_bodies` asks (`RenderOptions::pack_bodies`): always, never, or past
    /// `stp_content::PACK_ABOVE`.
    pub(crate) fn asked(pack_bodies: Option<bool>) -> Packing {
        Packing::above(match pack_bodies {
            Some(true) => 0,
            Some(false) => u64::MAX,
            None => stp_content::PACK_ABOVE,
        })
    }

    /// Counts an article of `len` bytes just read; whether to pack its body.
    pub(crate) fn now(&self, len: usize) -> bool {
        self.read.fetch_add(len as u64, Ordering::Relaxed) + len as u64 > self.above
    }

    /// At the end of the pass: packs the bodies read before the threshold was passed, if
    /// it was.
    pub(crate) fn pack_rest<T: Send>(&self, articles: &mut [(Article, T)]) {
        if self.read.load(Ordering::Relaxed) > self.above {
            articles.par_iter_mut().for_each(|(a, _)| a.body.pack());
        }
    }
}
