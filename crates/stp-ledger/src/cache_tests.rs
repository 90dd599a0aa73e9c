//! Tests of the cache file: round trips of every kind of event, the journal, and damaged,
//! foreign or racing files, which must be ignored (or cut at the damage), never trusted.

use chrono::NaiveDate;

use stp_workflow::{Action, Role, RoleGrant, State};

use super::super::state::{Event, EventKind, TrustPoint};
use super::*;

fn step(commit: &str, action: Action, from: State, to: State, grant: RoleGrant) -> Event {
    Event {
        commit: commit.into(),
        time: 1_700_000_000,
        date: NaiveDate::from_ymd_opt(2026, 11, 28),
        kind: EventKind::Step {
            action,
            from,
            to,
            person: "bien-tap-vien".into(),
            name: "Lê Văn Cường".into(),
            role: Role::Editor,
            grant,
            reason: Some("Thiếu nguồn".into()),
            ground: Some("đ".into()),
        },
    }
}

fn sample() -> LedgerState {
    let mut state = LedgerState {
        tip: Some("a".repeat(40)),
        commits: 7,
        clock: NaiveDate::from_ymd_opt(2026, 12, 1),
        postdated: NaiveDate::from_ymd_opt(2099, 12, 31),
        trusted_history: vec!["b".repeat(40), "c0ffee".into()],
        ..LedgerState::default()
    };
    state.trust = TrustPoint {
        since: Some("d".repeat(40)),
        tree: Some("e".repeat(40)),
        root: Some("SHA256:abcDEF+/x".into()),
        on_first_use: true,
    };
    let delegated = RoleGrant::Delegated {
        from: "truong-ban".into(),
        start: NaiveDate::from_ymd_opt(2026, 12, 21).unwrap(),
        until: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    };
    state.articles.insert(
        "content/tin-tuc/a.md".into(),
        ArticleRecord {
            state: State::Published,
            digest: Some("0123456789abcdef".repeat(4)),
            revision_editor: Some("bien-tap-vien".into()),
            live: Some(LiveVersion {
                commit: "1".repeat(40),
                blob: "2".repeat(40),
                by: "thu-ky".into(),
                by_name: "Phạm Thị Dung".into(),
                at: "2026-11-28".into(),
            }),
            since: -5,
            events: vec![
                step(
                    "1".repeat(40).as_str(),
                    Action::Review,
                    State::Submitted,
                    State::Edited,
                    RoleGrant::Direct,
                ),
                step(
                    "NOT-HEX",
                    Action::Approve,
                    State::Verified,
                    State::Approved,
                    delegated,
                ),
                Event {
                    commit: "3".repeat(40),
                    time: 0,
                    date: None,
                    kind: EventKind::Voided {
                        was: State::Approved,
                    },
                },
                Event {
                    commit: "4".repeat(40),
                    time: i64::MAX,
                    date: None,
                    kind: EventKind::Invalid {
                        transition: "draft -> published".into(),
                        signer: None,
                        why: "không hợp lệ".into(),
                    },
                },
            ],
        },
    );
    state
        .articles
        .insert("content/van-ban/b.md".into(), ArticleRecord::default());
    state.issues.push(Issue {
        commit: "5".repeat(40),
        summary: "sửa tay".into(),
        time: 1,
        kind: "status".into(),
        subject: "content/van-ban/b.md".into(),
        why: "sets `status: published` without a valid signed step; ignored".into(),
    });
    state
}

/// The key the tests' caches are tagged with (the user's key is the command line's).
const KEY: [u8; 32] = [7; 32];

/// The horizon of the reads: before every sample date, so a postdated step in a sample
/// is still postdated and its cached state usable.
fn horizon() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
}

fn json(state: &LedgerState) -> serde_json::Value {
    serde_json::to_value(state).unwrap()
}

fn git_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn file(dir: &tempfile::TempDir) -> PathBuf {
    cache_path(dir.path())
}

/// One more valid step on `a.md` and a new article and issue, as a load would add.
fn grown(state: &LedgerState, tip: char) -> LedgerState {
    let mut next = state.clone();
    next.tip = Some(tip.to_string().repeat(40));
    next.commits += 1;
    let a = next.articles.get_mut("content/tin-tuc/a.md").unwrap();
    a.state = State::Submitted;
    a.events.push(step(
        "6".repeat(40).as_str(),
        Action::Submit,
        State::Published,
        State::Submitted,
        RoleGrant::Direct,
    ));
    next.articles.insert(
        format!("content/tin-tuc/{tip}.md"),
        ArticleRecord::default(),
    );
    next.issues.push(Issue {
        commit: "7".repeat(40),
        summary: "x".into(),
        time: 2,
        kind: "trust".into(),
        subject: "workflow/".into(),
        why: "y".into(),
    });
    next
}

#[test]
fn a_snapshot_reads_back_exactly() {
    let dir = git_dir();
    let state = sample();
    save(dir.path(), Some("SHA256:pin"), &KEY, &state, None);
    let loaded = load(dir.path(), Some("SHA256:pin"), &KEY, horizon()).unwrap();
    assert_eq!(json(&loaded.state), json(&state));
    assert_eq!(loaded.file.journal_len, 0);
}

#[test]
fn another_pin_or_format_or_version_is_not_used() {
    let dir = git_dir();
    save(dir.path(), Some("SHA256:pin"), &KEY, &sample(), None);
    assert!(load(dir.path(), None, &KEY, horizon()).is_none());
    assert!(load(dir.path(), Some("SHA256:other"), &KEY, horizon()).is_none());
    let mut bytes = std::fs::read(file(&dir)).unwrap();
    // The header's first value is the format: another one is refused.
    let mut header = Encoder::default();
    header.uint(u64::from(FORMAT) + 1);
    header.str(env!("CARGO_PKG_VERSION"));
    let pin = Some("SHA256:pin".to_string());
    header.opt_str(&pin);
    let old_header_len =
        RECORD_HEAD + u32::from_le_bytes(bytes[9..13].try_into().unwrap()) as usize;
    let mut other = MAGIC.to_vec();
    other.extend(frame(&KEY, HEADER, &header.finish()));
    other.extend_from_slice(&bytes[MAGIC.len() + old_header_len..]);
    let key = &KEY;
    assert!(decode_file(&other, Some("SHA256:pin"), key).is_none());
    bytes[0] = b'X';
    assert!(decode_file(&bytes, Some("SHA256:pin"), key).is_none());
}

/// Any key but the user's: what someone else could sign the records with.
const OTHER_KEY: [u8; 32] = [9; 32];

#[test]
fn a_cache_with_recomputed_tags_under_another_key_is_not_used() {
    let dir = git_dir();
    save(dir.path(), None, &KEY, &sample(), None);
    let key = &KEY;
    let bytes = std::fs::read(file(&dir)).unwrap();
    assert!(decode_file(&bytes, None, key).is_some());
    // Rebuild every record with the same payload under another key, as a forger would.
    let mut forged = MAGIC.to_vec();
    let mut at = MAGIC.len();
    while at < bytes.len() {
        let len = u32::from_le_bytes(bytes[at + 1..at + 5].try_into().unwrap()) as usize;
        let payload = &bytes[at + RECORD_HEAD..at + RECORD_HEAD + len];
        forged.extend(frame(&OTHER_KEY, bytes[at], payload));
        at += RECORD_HEAD + len;
    }
    assert_eq!(forged.len(), bytes.len());
    assert!(decode_file(&forged, None, key).is_none());
    assert!(decode_file(&forged, None, &OTHER_KEY).is_some());
}

#[test]
fn a_load_that_read_new_commits_appends_only_what_changed() {
    let dir = git_dir();
    let state = sample();
    save(dir.path(), None, &KEY, &state, None);
    let size = std::fs::metadata(file(&dir)).unwrap().len();
    let loaded = load(dir.path(), None, &KEY, horizon()).unwrap();
    let next = grown(&loaded.state, 'f');
    save(
        dir.path(),
        None,
        &KEY,
        &next,
        Some(&Baseline::of(&loaded.state, loaded.file)),
    );
    let after = load(dir.path(), None, &KEY, horizon()).unwrap();
    assert_eq!(json(&after.state), json(&next));
    assert!(after.file.journal_len > 0, "appended, not rewritten");
    assert_eq!(
        std::fs::metadata(file(&dir)).unwrap().len(),
        size + after.file.journal_len
    );
    // The unchanged article is not in the record.
    let journal = &std::fs::read(file(&dir)).unwrap()[size as usize..];
    assert!(!journal.windows(20).any(|w| w == b"content/van-ban/b.md"));
    // A second round appends again, onto the first.
    let third = grown(&after.state, '9');
    save(
        dir.path(),
        None,
        &KEY,
        &third,
        Some(&Baseline::of(&after.state, after.file)),
    );
    assert_eq!(
        json(&load(dir.path(), None, &KEY, horizon()).unwrap().state),
        json(&third)
    );
}

#[test]
fn a_big_journal_is_folded_into_a_new_snapshot() {
    let dir = git_dir();
    save(dir.path(), None, &KEY, &sample(), None);
    let mut loaded = load(dir.path(), None, &KEY, horizon()).unwrap();
    let mut folded = 0;
    for round in 0..300 {
        let tip = char::from(b'a' + (round % 6) as u8);
        let next = grown(&loaded.state, tip);
        save(
            dir.path(),
            None,
            &KEY,
            &next,
            Some(&Baseline::of(&loaded.state, loaded.file)),
        );
        loaded = load(dir.path(), None, &KEY, horizon()).unwrap();
        assert_eq!(json(&loaded.state), json(&next));
        assert!(
            loaded.file.journal_len < 1 << 16,
            "{round}: {:?}",
            loaded.file
        );
        if loaded.file.journal_len == 0 {
            folded += 1;
        }
    }
    assert!(folded > 0, "the journal was never folded");
}

#[test]
fn damage_cuts_the_journal_or_voids_the_cache() {
    let dir = git_dir();
    let state = sample();
    save(dir.path(), None, &KEY, &state, None);
    let loaded = load(dir.path(), None, &KEY, horizon()).unwrap();
    let snapshot_end = loaded.file.good_len as usize;
    let next = grown(&state, 'f');
    save(
        dir.path(),
        None,
        &KEY,
        &next,
        Some(&Baseline::of(&loaded.state, loaded.file)),
    );
    let bytes = std::fs::read(file(&dir)).unwrap();
    // A torn append: the journal record is dropped, the snapshot's state is used.
    let key = &KEY;
    for cut in [snapshot_end + 1, snapshot_end + 13, bytes.len() - 1] {
        let cached = decode_file(&bytes[..cut], None, key).unwrap();
        assert_eq!(json(&cached.state), json(&state));
        assert_eq!(cached.file.good_len as usize, snapshot_end);
    }
    // Any flipped byte in the snapshot voids the whole cache; in the journal, the record.
    for at in (MAGIC.len()..bytes.len()).step_by(7) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x20;
        match decode_file(&damaged, None, key) {
            None => assert!(at < snapshot_end),
            Some(c) => {
                assert!(at >= snapshot_end, "damage at {at} went unnoticed");
                assert_eq!(json(&c.state), json(&state));
            }
        }
    }
    // Garbage after the last record: the next save does not append after it.
    let mut garbage = bytes.clone();
    garbage.extend_from_slice(b"garbage");
    std::fs::write(file(&dir), &garbage).unwrap();
    let loaded = load(dir.path(), None, &KEY, horizon()).unwrap();
    assert_eq!(json(&loaded.state), json(&next));
    let third = grown(&next, '9');
    save(
        dir.path(),
        None,
        &KEY,
        &third,
        Some(&Baseline::of(&loaded.state, loaded.file)),
    );
    let after = load(dir.path(), None, &KEY, horizon()).unwrap();
    assert_eq!(json(&after.state), json(&third));
    assert_eq!(after.file.journal_len, 0, "rewritten as a snapshot");
}

#[test]
fn two_loads_appending_from_the_same_tip_keep_the_first() {
    let dir = git_dir();
    save(dir.path(), None, &KEY, &sample(), None);
    let loaded = load(dir.path(), None, &KEY, horizon()).unwrap();
    let first = grown(&loaded.state, 'f');
    let second = grown(&loaded.state, '9');
    let key = &KEY;
    let record = |s: &LedgerState| {
        frame(
            key,
            DELTA,
            &Baseline::of(&loaded.state, loaded.file).delta(s).unwrap(),
        )
    };
    append(&file(&dir), &record(&first)).unwrap();
    append(&file(&dir), &record(&second)).unwrap();
    let after = load(dir.path(), None, &KEY, horizon()).unwrap();
    assert_eq!(json(&after.state), json(&first));
}

#[test]
fn decoding_any_prefix_or_noise_never_panics() {
    let payload = encode_snapshot(&sample());
    for cut in 0..payload.len() {
        assert!(decode_snapshot(&payload[..cut]).is_none(), "prefix {cut}");
    }
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..2000 {
        let mut noisy = payload.clone();
        for _ in 0..3 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = (seed % noisy.len() as u64) as usize;
            noisy[at] = (seed >> 32) as u8;
        }
        let _ = decode_snapshot(&noisy);
        let mut state = sample();
        let _ = apply_delta(&mut state, &noisy);
    }
}

#[test]
fn an_old_json_cache_is_removed_by_a_snapshot() {
    let dir = git_dir();
    std::fs::create_dir_all(dir.path().join("stp")).unwrap();
    std::fs::write(dir.path().join("stp").join(OLD_JSON_FILE), "{}").unwrap();
    save(dir.path(), None, &KEY, &sample(), None);
    assert!(!dir.path().join("stp").join(OLD_JSON_FILE).exists());
}
