//! `stp demo [--out DIR] [--compress] [--serve]`: the whole pipeline on the bundled example site, from
//! any folder. It makes a site repository in a new temporary folder (kept, so people can
//! look around), fresh ed25519 keys for the example board (head, deputy, editor,
//! secretary, contributor), the people data through admin-signed commits, and walks every
//! example article through the regulation's steps as real signed commits — leaving one in
//! review, one returned and one rejected — then publishes and builds the public site from
//! the live set into DIR (default `./public`), and says what happened and where to look.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::content::{SiteConfig, WorkingTree};
use crate::ledger::{
    EventKind, Ledger, LedgerOptions, PeopleChange, Signer, SiteAction, StepRequest, change_people,
    export_allowed_signers, generate_key, initial_commit, perform_step, site_step,
};
use crate::workflow::{Action, Ground, People, Person, State};

use super::build::build_public;
use super::init::{EXAMPLE_CONTENT, WORKFLOW, write_site};
use super::signing::TrustArgs;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to build the public site (default: public/ in the current folder).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Then serve the public site on 127.0.0.1 until Ctrl-C.
    #[arg(long)]
    pub serve: bool,
    /// Write precompressed variants beside the text files, as `stp build --compress`.
    #[arg(long)]
    pub compress: bool,
    /// The port for --serve (0: any free port).
    #[arg(long, default_value_t = 1313, requires = "serve")]
    pub port: u16,
    /// Then open the demo site's desk (`stp desk`) as the head of the demo board
    /// (Trưởng Ban), who has an article waiting for a check, until Ctrl-C.
    #[arg(long, conflicts_with = "serve")]
    pub desk: bool,
    /// With --desk: print the desk's address without opening the browser.
    #[arg(long, requires = "desk")]
    pub no_open: bool,
}

/// The board members who act in the demo (ids of the example `workflow/people.toml`).
const BOARD_HEAD: &str = "truong-ban";
const EDITOR: &str = "bien-tap-vien";
const SECRETARY: &str = "thu-ky";
const CONTRIBUTOR: &str = "cong-tac-vien";

/// The article left waiting for the verifier.
const IN_REVIEW: &str = "content/tin-tuc/thong-bao-tam-ngung-cong-thong-tin-de-bao-tri.md";
/// The article the editor sends back (Điều 4.2).
const RETURNED: &str = "content/tin-tuc/tro-giup-phap-ly-luu-dong-xa-bien-gioi.md";
const RETURN_REASON: &str =
    "Đề nghị bổ sung số liệu số vụ việc đã trợ giúp và chú thích cho ảnh trước khi đăng.";
/// The article the head refuses on a ground of Điều 12.3.
const REJECTED: &str = "content/nghien-cuu-trao-doi/thoi-hieu-chia-di-san-thua-ke.md";
const REJECT_GROUND: Ground = Ground::D;
const REJECT_REASON: &str =
    "Bài trùng nội dung với bài hỏi đáp đã đăng; chưa bảo đảm chất lượng thông tin.";

/// The board: each member's key, by id.
struct Board {
    people: People,
    signers: BTreeMap<String, Signer>,
    keys: PathBuf,
}

impl Board {
    fn signer(&self, id: &str) -> CliResult<&Signer> {
        self.signers.get(id).ok_or_else(|| {
            CliError::failed(format!(
                "bug: the example workflow/people.toml has no `{id}`, whom the demo needs"
            ))
        })
    }
}

pub fn run(args: DemoArgs) -> CliResult {
    let started = Instant::now();
    let out = std::env::current_dir()?.join(args.out.unwrap_or_else(|| PathBuf::from("public")));
    let base = new_demo_folder()?;
    let site = base.join("site");
    println!("stp demo: {}", base.display());
    write_site(&site, false)?;
    let board = make_board(&site, &base.join("keys"))?;
    let root = board.signer(BOARD_HEAD)?.fingerprint.clone();
    let options = crate::cli::surroundings::ledger_options(Some(root.clone()));
    EXAMPLE_CONTENT
        .extract(site.join("content"))
        .map_err(|e| CliError::failed(format!("{}: {e}", site.join("content").display())))?;
    let articles = walk(&site, &board, &options)?;
    let signers_file = export_signers(&site, &options)?;
    let trust = TrustArgs {
        trust_root: Some(root.clone()),
    };
    build_public(&site, &out, &trust, false, false, args.compress)?;
    let ledger = Ledger::load(&site, &options)?;
    print_summary(&Summary {
        base: &base,
        site: &site,
        out: &out,
        board: &board,
        ledger: &ledger,
        articles,
        signers_file: &signers_file,
        seconds: started.elapsed().as_secs_f64(),
    });
    if args.serve {
        crate::serve::serve_static(&out, args.port, super::serve::reporter())
            .map_err(CliError::from)?;
    }
    if args.desk {
        let mut board = board;
        let head = board.signers.remove(BOARD_HEAD).ok_or_else(|| {
            CliError::failed(format!("bug: the example board has no `{BOARD_HEAD}`"))
        })?;
        println!("\n{}", t!("desk-demo-heading"));
        super::desk::open_desk(&site, head, &trust, 0, !args.no_open, "origin")?;
    }
    Ok(())
}

/// A new folder `stp-demo-YYYYMMDD-HHMMSS[-N]` in the system's temporary folder.
fn new_demo_folder() -> CliResult<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let tmp = std::env::temp_dir();
    for n in 0..100 {
        let name = match n {
            0 => format!("stp-demo-{stamp}"),
            n => format!("stp-demo-{stamp}-{n}"),
        };
        let dir = tmp.join(name);
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(CliError::failed(format!("{}: {e}", dir.display()))
                    .hint("set TMPDIR to a folder you can write to"));
            }
        }
    }
    Err(CliError::failed(format!(
        "{}: too many demo folders made this second",
        tmp.display()
    )))
}

/// Makes a key for each member of the example board, the first commit signed by the head
/// (the trust root), then adds the others and the example delegation, each change signed
/// by the head as admin.
fn make_board(site: &Path, keys: &Path) -> CliResult<Board> {
    let example = WORKFLOW
        .get_file("people.toml")
        .and_then(|f| f.contents_utf8())
        .ok_or_else(|| CliError::failed("bug: the embedded workflow/ has no people.toml"))?;
    let example = People::parse(example).map_err(|e| CliError::failed(format!("bug: {e}")))?;
    let mut board = Board {
        people: People::default(),
        signers: BTreeMap::new(),
        keys: keys.to_path_buf(),
    };
    for person in &example.persons {
        let path = keys.join(&person.id);
        let public = generate_key(&path, &format!("{}@stp-demo", person.id), None)?;
        let line = public
            .to_openssh()
            .map_err(|e| CliError::failed(format!("{}: {e}", path.display())))?;
        let signer = Signer::load(&path, None)?;
        board.people.persons.push(Person {
            key: line,
            fingerprint: signer.fingerprint.clone(),
            ..person.clone()
        });
        board.signers.insert(person.id.clone(), signer);
    }
    let head =
        board.people.person(BOARD_HEAD).cloned().ok_or_else(|| {
            CliError::failed(format!("bug: the example board has no `{BOARD_HEAD}`"))
        })?;
    let mut first = People::default();
    first.upsert(head.clone()).map_err(CliError::failed)?;
    std::fs::write(site.join("workflow/people.toml"), first.to_toml())?;
    let head_email = head.email.clone().unwrap_or_default();
    initial_commit(
        site,
        board.signer(BOARD_HEAD)?,
        &head.name,
        &head_email,
        &crate::cli::surroundings::ledger_options(None),
    )?;
    let options = crate::cli::surroundings::ledger_options(Some(head.fingerprint.clone()));
    let changes = board
        .people
        .persons
        .iter()
        .filter(|p| p.id != BOARD_HEAD)
        .cloned()
        .map(PeopleChange::Add)
        .chain(
            example
                .delegations
                .iter()
                .cloned()
                .map(PeopleChange::Delegate),
        );
    for change in changes {
        change_people(site, board.signer(BOARD_HEAD)?, &change, &options)?;
    }
    board.people.delegations = example.delegations.clone();
    Ok(board)
}

/// Walks every example article through the steps, queue by queue as a board works: the
/// contributor submits everything; the editor reviews (and returns one); the head verifies
/// (and rejects one, leaving one in review) and approves; the secretary publishes all that
/// was approved in one commit. Returns the articles.
fn walk(site: &Path, board: &Board, options: &LedgerOptions) -> CliResult<Vec<String>> {
    let config = SiteConfig::load(&site.join("site.toml"))?;
    let articles: Vec<String> = WorkingTree::new(site, config.max_attachment_bytes)
        .article_paths()?
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    for a in [IN_REVIEW, RETURNED, REJECTED] {
        if !articles.iter().any(|x| x == a) {
            return Err(CliError::failed(format!(
                "bug: the example site has no {a}, which the demo uses"
            )));
        }
    }
    let sign = |who: &str, action: Action, list: &[&String], reason: Option<&str>| {
        for article in list {
            let request = StepRequest {
                action,
                articles: vec![(*article).clone()],
                reason: reason.map(str::to_string),
                ground: (action == Action::Reject).then_some(REJECT_GROUND),
            };
            perform_step(site, board.signer(who)?, &request, options)?;
        }
        CliResult::Ok(())
    };
    let all: Vec<&String> = articles.iter().collect();
    let except = |skip: &[&str]| -> Vec<&String> {
        all.iter()
            .copied()
            .filter(|a| !skip.contains(&a.as_str()))
            .collect()
    };
    let returned = articles.iter().find(|a| *a == RETURNED);
    let rejected = articles.iter().find(|a| *a == REJECTED);
    sign(CONTRIBUTOR, Action::Submit, &all, None)?;
    sign(
        EDITOR,
        Action::Return,
        &Vec::from_iter(returned),
        Some(RETURN_REASON),
    )?;
    sign(EDITOR, Action::Review, &except(&[RETURNED]), None)?;
    sign(
        BOARD_HEAD,
        Action::Reject,
        &Vec::from_iter(rejected),
        Some(REJECT_REASON),
    )?;
    let to_approve = except(&[RETURNED, REJECTED, IN_REVIEW]);
    sign(BOARD_HEAD, Action::Verify, &to_approve, None)?;
    sign(BOARD_HEAD, Action::Approve, &to_approve, None)?;
    change_site_files(site, board, options)?;
    let publish = StepRequest {
        action: Action::Publish,
        articles: Vec::new(),
        reason: None,
        ground: None,
    };
    perform_step(site, board.signer(SECRETARY)?, &publish, options)?;
    Ok(articles)
}

/// The network administrator (the secretary, here) proposes a change of the site
/// settings, the head approves it, and it goes live with the secretary's publish.
fn change_site_files(site: &Path, board: &Board, options: &LedgerOptions) -> CliResult {
    let path = site.join("site.toml");
    let text = std::fs::read_to_string(&path)?;
    let changed = text.replacen(SITE_PHONE_BEFORE, SITE_PHONE_AFTER, 1);
    if changed == text {
        return Err(CliError::failed(format!(
            "bug: the example site.toml has no `{SITE_PHONE_BEFORE}`, which the demo changes"
        )));
    }
    std::fs::write(&path, changed)?;
    site_step(
        site,
        board.signer(SECRETARY)?,
        SiteAction::Propose,
        Some(SITE_REASON),
        options,
    )?;
    site_step(
        site,
        board.signer(BOARD_HEAD)?,
        SiteAction::Approve,
        None,
        options,
    )?;
    Ok(())
}

/// The demo's site change: the agency's phone line in site.toml.
const SITE_PHONE_BEFORE: &str = "phone = \"0251 3879 005\"";
const SITE_PHONE_AFTER: &str = "phone = \"0251 3879 005 (đường dây nóng: 0251 3879 015)\"";
const SITE_REASON: &str = "Thêm số đường dây nóng vào chân trang";

/// Writes every key ever trusted to `.stp/allowed_signers` (ignored by git) and points the
/// repository's `gpg.ssh.allowedSignersFile` at it, so `git verify-commit` works there.
fn export_signers(site: &Path, options: &LedgerOptions) -> CliResult<PathBuf> {
    let ledger = Ledger::load(site, options)?;
    let text = export_allowed_signers(&ledger)?;
    let file = site.join(".stp/allowed_signers");
    std::fs::create_dir_all(site.join(".stp"))?;
    std::fs::write(&file, text)?;
    crate::ledger::repo::set_config(site, "gpg.ssh.allowedSignersFile", &file.to_string_lossy())?;
    Ok(file)
}

struct Summary<'a> {
    base: &'a Path,
    site: &'a Path,
    out: &'a Path,
    board: &'a Board,
    ledger: &'a Ledger,
    articles: Vec<String>,
    signers_file: &'a Path,
    seconds: f64,
}

/// What happened and where to look, in Vietnamese and English.
fn print_summary(s: &Summary<'_>) {
    let state = &s.ledger.state;
    println!();
    println!(
        "Ban Biên tập / the board (khóa / keys: {}):",
        s.board.keys.display()
    );
    for p in &s.board.people.persons {
        let roles: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
        println!("  {:<15} {:<16} {}", p.id, p.name, roles.join(", "));
    }
    for d in &s.board.people.delegations {
        println!(
            "  ủy quyền / delegation: {} acts as {} for {} from {} to {}",
            d.to, d.role, d.from, d.start, d.until
        );
    }
    println!(
        "Khóa gốc tin cậy / trust root (the head's key): {}",
        state.trust.root.as_deref().unwrap_or("?")
    );
    println!();
    println!(
        "Bài viết / articles: {} through {} signed commits",
        s.articles.len(),
        state.commits
    );
    for st in State::ALL {
        let here: Vec<&String> = state
            .articles
            .iter()
            .filter(|(_, r)| r.state == st)
            .map(|(p, _)| p)
            .collect();
        if here.is_empty() {
            continue;
        }
        println!(
            "  {:<10} {:>3}  ({})",
            st.as_str(),
            here.len(),
            vietnamese(st)
        );
        if here.len() <= 3 {
            for path in here {
                println!("             {path}");
                if let Some(why) = state.articles.get(path).and_then(last_reason) {
                    println!("               {why}");
                }
            }
        }
    }
    println!();
    println!("Tệp giao diện / site files (site.toml, themes/, static/), signed like the articles:");
    for e in &state.site.events {
        let who = e
            .name
            .as_deref()
            .map(|n| format!(" by {n}"))
            .unwrap_or_default();
        let what = match e.action.as_str() {
            "root" => "first version (the trust root's commit)",
            "propose" => "proposed (Điều 6.3)",
            "approve" => "approved (Điều 19.3)",
            "publish" => "published: live",
            other => other,
        };
        println!("  {:<10} {what}{who}", &e.commit[..10]);
    }
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "stp".into());
    println!();
    println!("Trang công khai / public site: {}", s.out.display());
    println!("Kho website / site repository: {}", s.site.display());
    println!();
    println!("Thử tiếp / try next:");
    println!("  alias stp={exe}");
    println!("  cd {}", s.site.display());
    println!(
        "  export STP_TRUST_ROOT={}   # ghim khóa gốc / pin the trust root",
        state.trust.root.as_deref().unwrap_or("?")
    );
    println!("  stp status                  # hàng đợi / the queues");
    println!("  stp log {RETURNED}");
    println!("  stp log {REJECTED}");
    println!("  stp log site                # thay đổi giao diện đã ký / the signed site change");
    println!("  stp audit                   # kiểm lại mọi chữ ký / every signature again");
    println!(
        "  git verify-commit HEAD      # git itself, with {}",
        s.signers_file
            .strip_prefix(s.site)
            .unwrap_or(s.signers_file)
            .display()
    );
    println!("  git log --show-signature -3");
    println!(
        "  stp verify {IN_REVIEW} --key {}",
        s.board.keys.join(BOARD_HEAD).display()
    );
    println!("  stp demo --serve            # xem trang / see the site on http://127.0.0.1:1313/");
    println!();
    println!(
        "Xong trong / done in {:.1} s; everything stays in {} (delete it when done).",
        s.seconds,
        s.base.display()
    );
}

fn vietnamese(state: State) -> &'static str {
    match state {
        State::Draft => "bản nháp",
        State::Submitted => "đã gửi, chờ biên tập",
        State::Edited => "đã biên tập, chờ kiểm tra",
        State::Verified => "đã kiểm tra, chờ duyệt",
        State::Approved => "đã duyệt, chờ đăng",
        State::Published => "đã đăng",
        State::Returned => "trả lại",
        State::Rejected => "từ chối",
        State::Withdrawn => "gỡ xuống",
    }
}

/// The reason (and ground) of an article's last step, if it had one.
fn last_reason(record: &crate::ledger::ArticleRecord) -> Option<String> {
    match &record.events.last()?.kind {
        EventKind::Step {
            reason: Some(reason),
            ground,
            person,
            role,
            ..
        } => Some(match ground {
            Some(g) => format!("{person} ({role}), Điều 12.3.{g}: {reason}"),
            None => format!("{person} ({role}): {reason}"),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::Role;

    #[test]
    fn every_state_has_a_vietnamese_name() {
        let names: std::collections::BTreeSet<_> =
            State::ALL.iter().map(|s| vietnamese(*s)).collect();
        assert_eq!(names.len(), State::ALL.len());
    }

    #[test]
    fn the_demo_board_is_in_the_example_people_file() {
        let text = WORKFLOW
            .get_file("people.toml")
            .and_then(|f| f.contents_utf8())
            .unwrap();
        let people = People::parse(text).unwrap();
        for (id, role) in [
            (BOARD_HEAD, Role::Admin),
            (BOARD_HEAD, Role::Verifier),
            (BOARD_HEAD, Role::Approver),
            (EDITOR, Role::Editor),
            (SECRETARY, Role::Secretary),
            (CONTRIBUTOR, Role::Contributor),
        ] {
            assert!(people.person(id).unwrap().has_role(role), "{id} {role}");
        }
    }
}
