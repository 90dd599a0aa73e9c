//! The helpers the tests share: `repo`, a site repository with a key per member of the
//! board (real `git` and `ssh-keygen`); `site`, a plain site folder for the builder;
//! `intake`, documents and e-mail for `stp intake`.

pub mod intake;
pub mod repo;
pub mod site;
