//! The binary encoding of the ledger state for the cache: compact (commit, blob and tree
//! ids as raw bytes, every other string once in a table per record, numbers as LEB128) so
//! that 50,000 events load in a few milliseconds. Decoding checks every length and value
//! and returns `None` on anything it does not understand: never a panic, never a guess.
//! Each struct is taken apart field by field, so a new field fails to compile here until
//! it is encoded.

use std::collections::HashMap;

use chrono::NaiveDate;

use stp_workflow::{Action, Role, RoleGrant, State};

use super::state::{
    Ack, ArticleRecord, Event, EventKind, Issue, LedgerState, LiveVersion, SiteEvent, SitePending,
    SiteRecord, SiteVersion, TrustPoint,
};

/// Writes values; strings go to a table written before the body.
#[derive(Default)]
pub struct Encoder<'s> {
    body: Vec<u8>,
    table: Vec<&'s str>,
    index: HashMap<&'s str, u32>,
}

impl<'s> Encoder<'s> {
    /// The table, then the body.
    pub fn finish(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.body.len() + self.table.len() * 16 + 8);
        put_uint(&mut out, self.table.len() as u64);
        for s in &self.table {
            put_uint(&mut out, s.len() as u64);
            out.extend_from_slice(s.as_bytes());
        }
        out.extend_from_slice(&self.body);
        out
    }

    pub fn byte(&mut self, b: u8) {
        self.body.push(b);
    }

    pub fn uint(&mut self, v: u64) {
        put_uint(&mut self.body, v);
    }

    pub fn int(&mut self, v: i64) {
        put_uint(&mut self.body, ((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn str(&mut self, s: &'s str) {
        let next = self.table.len() as u32;
        let i = *self.index.entry(s).or_insert_with(|| {
            self.table.push(s);
            next
        });
        self.uint(u64::from(i));
    }

    /// An object id (or any lowercase hex text) as raw bytes; other text as a string.
    pub fn id(&mut self, s: &'s str) {
        let bytes = s.as_bytes();
        let hex = !bytes.is_empty()
            && bytes.len().is_multiple_of(2)
            && bytes.len() <= 128
            && bytes.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if hex {
            self.byte(1);
            self.byte((bytes.len() / 2) as u8);
            for pair in bytes.chunks_exact(2) {
                self.body.push((nibble(pair[0]) << 4) | nibble(pair[1]));
            }
        } else {
            self.byte(0);
            self.str(s);
        }
    }

    fn opt<T>(&mut self, v: Option<T>, mut put: impl FnMut(&mut Self, T)) {
        match v {
            None => self.byte(0),
            Some(v) => {
                self.byte(1);
                put(self, v);
            }
        }
    }

    pub fn opt_str(&mut self, v: &'s Option<String>) {
        self.opt(v.as_deref(), Self::str);
    }

    pub fn opt_id(&mut self, v: &'s Option<String>) {
        self.opt(v.as_deref(), Self::id);
    }

    fn date(&mut self, d: NaiveDate) {
        self.int(i64::from(chrono::Datelike::num_days_from_ce(&d)));
    }

    fn opt_date(&mut self, d: Option<NaiveDate>) {
        self.opt(d, Self::date);
    }

    fn bool(&mut self, b: bool) {
        self.byte(u8::from(b));
    }

    fn state(&mut self, s: State) {
        self.byte(position(&State::ALL, &s));
    }

    fn action(&mut self, a: Action) {
        self.byte(position(&Action::ALL, &a));
    }

    fn role(&mut self, r: Role) {
        self.byte(position(&Role::ALL, &r));
    }
}

fn position<T: PartialEq>(all: &[T], v: &T) -> u8 {
    // Every value is in its type's ALL list; 255 would fail to decode, never silently.
    all.iter().position(|x| x == v).map_or(255, |i| i as u8)
}

fn nibble(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        _ => b - b'a' + 10,
    }
}

fn put_uint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads what `Encoder` wrote.
pub struct Decoder<'b> {
    bytes: &'b [u8],
    at: usize,
    table: Vec<&'b str>,
}

impl<'b> Decoder<'b> {
    /// Reads the string table at the start of `bytes`.
    pub fn new(bytes: &'b [u8]) -> Option<Decoder<'b>> {
        let mut d = Decoder {
            bytes,
            at: 0,
            table: Vec::new(),
        };
        let n = d.len()?;
        let mut table = Vec::with_capacity(n);
        for _ in 0..n {
            let len = d.len()?;
            table.push(std::str::from_utf8(d.take(len)?).ok()?);
        }
        d.table = table;
        Some(d)
    }

    /// `n` values read by `get`, in a vector allocated once (up to a bound, so that a
    /// damaged count cannot ask for much memory).
    pub fn list<T>(&mut self, n: usize, get: impl Fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let mut out = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            out.push(get(self)?);
        }
        Some(out)
    }

    pub fn at_end(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    pub fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    pub fn uint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    /// A count of items that each take at least one byte: never more than what is left.
    pub fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    pub fn int(&mut self) -> Option<i64> {
        let v = self.uint()?;
        Some(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    pub fn str(&mut self) -> Option<String> {
        let i = usize::try_from(self.uint()?).ok()?;
        self.table.get(i).map(|s| (*s).to_string())
    }

    pub fn id(&mut self) -> Option<String> {
        match self.byte()? {
            0 => self.str(),
            1 => {
                let n = usize::from(self.byte()?);
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let mut hex = Vec::with_capacity(n * 2);
                for b in self.take(n)? {
                    hex.push(HEX[usize::from(b >> 4)]);
                    hex.push(HEX[usize::from(b & 15)]);
                }
                String::from_utf8(hex).ok()
            }
            _ => None,
        }
    }

    fn opt<T>(&mut self, get: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            1 => get(self).map(Some),
            _ => None,
        }
    }

    pub fn opt_str(&mut self) -> Option<Option<String>> {
        self.opt(Self::str)
    }

    pub fn opt_id(&mut self) -> Option<Option<String>> {
        self.opt(Self::id)
    }

    fn date(&mut self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(self.int()?).ok()?)
    }

    fn opt_date(&mut self) -> Option<Option<NaiveDate>> {
        self.opt(Self::date)
    }

    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn state(&mut self) -> Option<State> {
        State::ALL.get(usize::from(self.byte()?)).copied()
    }

    fn action(&mut self) -> Option<Action> {
        Action::ALL.get(usize::from(self.byte()?)).copied()
    }

    fn role(&mut self) -> Option<Role> {
        Role::ALL.get(usize::from(self.byte()?)).copied()
    }
}

/// The parts of the state that are small and written whole in every record.
pub fn put_head<'s>(e: &mut Encoder<'s>, state: &'s LedgerState) {
    let LedgerState {
        tip,
        commits,
        articles: _,
        trust,
        trusted_history,
        clock,
        postdated,
        issues: _,
        site,
        acks,
        last_signed,
    } = state;
    e.opt_id(tip);
    e.uint(*commits as u64);
    let TrustPoint {
        since,
        tree,
        root,
        on_first_use,
    } = trust;
    e.opt_id(since);
    e.opt_id(tree);
    e.opt_str(root);
    e.bool(*on_first_use);
    e.uint(trusted_history.len() as u64);
    for t in trusted_history {
        e.id(t);
    }
    e.opt_date(*clock);
    e.opt_date(*postdated);
    put_site(e, site);
    e.uint(acks.len() as u64);
    for Ack {
        commit,
        target,
        by,
        reason,
    } in acks
    {
        e.id(commit);
        e.id(target);
        e.str(by);
        e.str(reason);
    }
    e.opt_id(last_signed);
}

fn put_site<'s>(e: &mut Encoder<'s>, site: &'s SiteRecord) {
    let SiteRecord {
        live,
        pending,
        events,
    } = site;
    e.opt(live.as_ref(), |e, SiteVersion { commit, version }| {
        e.id(commit);
        e.id(version);
    });
    e.opt(
        pending.as_ref(),
        |e,
         SitePending {
             commit,
             version,
             proposed_by,
             approved_by,
         }| {
            e.id(commit);
            e.id(version);
            e.str(proposed_by);
            e.opt_str(approved_by);
        },
    );
    e.uint(events.len() as u64);
    for SiteEvent {
        commit,
        time,
        date,
        action,
        person,
        name,
        note,
    } in events
    {
        e.id(commit);
        e.int(*time);
        e.opt_date(*date);
        e.str(action);
        e.opt_str(person);
        e.opt_str(name);
        e.opt_str(note);
    }
}

fn get_site(d: &mut Decoder<'_>) -> Option<SiteRecord> {
    let live = d.opt(|d| {
        Some(SiteVersion {
            commit: d.id()?,
            version: d.id()?,
        })
    })?;
    let pending = d.opt(|d| {
        Some(SitePending {
            commit: d.id()?,
            version: d.id()?,
            proposed_by: d.str()?,
            approved_by: d.opt_str()?,
        })
    })?;
    let n = d.len()?;
    let events = d.list(n, |d| {
        Some(SiteEvent {
            commit: d.id()?,
            time: d.int()?,
            date: d.opt_date()?,
            action: d.str()?,
            person: d.opt_str()?,
            name: d.opt_str()?,
            note: d.opt_str()?,
        })
    })?;
    Some(SiteRecord {
        live,
        pending,
        events,
    })
}

/// Reads what `put_head` wrote into `state`.
pub fn get_head(d: &mut Decoder<'_>, state: &mut LedgerState) -> Option<()> {
    state.tip = d.opt_id()?;
    state.commits = usize::try_from(d.uint()?).ok()?;
    state.trust = TrustPoint {
        since: d.opt_id()?,
        tree: d.opt_id()?,
        root: d.opt_str()?,
        on_first_use: d.bool()?,
    };
    let n = d.len()?;
    state.trusted_history = d.list(n, Decoder::id)?;
    state.clock = d.opt_date()?;
    state.postdated = d.opt_date()?;
    state.site = get_site(d)?;
    let n = d.len()?;
    state.acks = d.list(n, |d| {
        Some(Ack {
            commit: d.id()?,
            target: d.id()?,
            by: d.str()?,
            reason: d.str()?,
        })
    })?;
    state.last_signed = d.opt_id()?;
    Some(())
}

pub fn put_article<'s>(e: &mut Encoder<'s>, path: &'s str, record: &'s ArticleRecord) {
    let ArticleRecord {
        state,
        digest,
        revision_editor,
        live,
        since,
        events,
    } = record;
    e.str(path);
    e.state(*state);
    e.opt_id(digest);
    e.opt_str(revision_editor);
    match live {
        None => e.byte(0),
        Some(LiveVersion {
            commit,
            blob,
            by,
            by_name,
            at,
        }) => {
            e.byte(1);
            e.id(commit);
            e.id(blob);
            e.str(by);
            e.str(by_name);
            e.str(at);
        }
    }
    e.int(*since);
    e.uint(events.len() as u64);
    for event in events {
        put_event(e, event);
    }
}

pub fn get_article(d: &mut Decoder<'_>) -> Option<(String, ArticleRecord)> {
    let path = d.str()?;
    let state = d.state()?;
    let digest = d.opt_id()?;
    let revision_editor = d.opt_str()?;
    let live = d.opt(|d| {
        Some(LiveVersion {
            commit: d.id()?,
            blob: d.id()?,
            by: d.str()?,
            by_name: d.str()?,
            at: d.str()?,
        })
    })?;
    let since = d.int()?;
    let n = d.len()?;
    let events = d.list(n, get_event)?;
    Some((
        path,
        ArticleRecord {
            state,
            digest,
            revision_editor,
            live,
            since,
            events,
        },
    ))
}

fn put_event<'s>(e: &mut Encoder<'s>, event: &'s Event) {
    let Event {
        commit,
        time,
        date,
        kind,
    } = event;
    e.id(commit);
    e.int(*time);
    e.opt_date(*date);
    match kind {
        EventKind::Step {
            action,
            from,
            to,
            person,
            name,
            role,
            grant,
            reason,
            ground,
        } => {
            e.byte(0);
            e.action(*action);
            e.state(*from);
            e.state(*to);
            e.str(person);
            e.str(name);
            e.role(*role);
            match grant {
                RoleGrant::Direct => e.byte(0),
                RoleGrant::Delegated { from, start, until } => {
                    e.byte(1);
                    e.str(from);
                    e.date(*start);
                    e.date(*until);
                }
            }
            e.opt_str(reason);
            e.opt_str(ground);
        }
        EventKind::Voided { was } => {
            e.byte(1);
            e.state(*was);
        }
        EventKind::Adopted { person, name } => {
            e.byte(3);
            e.str(person);
            e.str(name);
        }
        EventKind::Invalid {
            transition,
            signer,
            why,
        } => {
            e.byte(2);
            e.str(transition);
            e.opt_str(signer);
            e.str(why);
        }
    }
}

fn get_event(d: &mut Decoder<'_>) -> Option<Event> {
    let commit = d.id()?;
    let time = d.int()?;
    let date = d.opt_date()?;
    let kind = match d.byte()? {
        0 => EventKind::Step {
            action: d.action()?,
            from: d.state()?,
            to: d.state()?,
            person: d.str()?,
            name: d.str()?,
            role: d.role()?,
            grant: match d.byte()? {
                0 => RoleGrant::Direct,
                1 => RoleGrant::Delegated {
                    from: d.str()?,
                    start: d.date()?,
                    until: d.date()?,
                },
                _ => return None,
            },
            reason: d.opt_str()?,
            ground: d.opt_str()?,
        },
        1 => EventKind::Voided { was: d.state()? },
        2 => EventKind::Invalid {
            transition: d.str()?,
            signer: d.opt_str()?,
            why: d.str()?,
        },
        3 => EventKind::Adopted {
            person: d.str()?,
            name: d.str()?,
        },
        _ => return None,
    };
    Some(Event {
        commit,
        time,
        date,
        kind,
    })
}

pub fn put_issue<'s>(e: &mut Encoder<'s>, issue: &'s Issue) {
    let Issue {
        commit,
        summary,
        time,
        kind,
        subject,
        why,
    } = issue;
    e.id(commit);
    e.str(summary);
    e.int(*time);
    e.str(kind);
    e.str(subject);
    e.str(why);
}

pub fn get_issue(d: &mut Decoder<'_>) -> Option<Issue> {
    Some(Issue {
        commit: d.id()?,
        summary: d.str()?,
        time: d.int()?,
        kind: d.str()?,
        subject: d.str()?,
        why: d.str()?,
    })
}
