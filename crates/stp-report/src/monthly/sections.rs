//! The sections of the monthly report, one function each: access (views per section, the
//! most read pages), quotas (Điều 9.4), deadlines (Điều 9.3, 11.2), returns and
//! rejections (Điều 4.2, 12.3), freshness (Điều 13.1), royalties (Điều 8) and citizens'
//! questions (Điều 11). Each builds its table(s) and the figures the summary table
//! shows; `summary` writes that table from them.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::ReportInput;
use crate::history::{Action, ArticleFacts, Event, Ground};
use crate::logs::LogStats;
use crate::quotas::{NO_UNIT, QuotaStanding, articles_per_unit, days_without_new};
use crate::royalties::{RoyaltyItem, UsedArticle, per_author_month, royalty_items};
use crate::table::{Cell, Table};
use stp_workflow::deadlines::{ArticleKind, Standing, standing};

/// How many pages the "most read" table lists.
const TOP_PAGES: usize = 20;

/// Articles first published in the month, with that moment.
pub(super) type Published<'a> = [(&'a PathBuf, NaiveDateTime)];

/// Every section's tables and figures but access's, which the summary reads from the
/// logs themselves.
pub(super) struct Sections {
    pub quotas: Quotas,
    pub deadlines: Deadlines,
    pub returns: Returns,
    pub freshness: Freshness,
    pub royalties: Royalties,
    pub feedback: Feedback,
}

/// Access: page views per section, and the most read pages; empty without logs.
pub(super) fn access(input: &ReportInput) -> (Table, Table) {
    let mut views_by_section = table(
        "views-by-section",
        "Lượt xem theo chuyên mục",
        &["Chuyên mục", "Đường dẫn", "Lượt xem"],
    );
    let mut top_pages = table(
        "top-pages",
        "Trang được xem nhiều nhất",
        &["Trang", "Đường dẫn", "Lượt xem"],
    );
    if let Some(stats) = input.logs {
        views_by_section.rows = views_by_section_rows(stats, input.section_names);
        top_pages.rows = top_pages_rows(stats, input.articles);
    }
    (views_by_section, top_pages)
}

/// Views per section, most viewed first, named as `site.toml` names them.
fn views_by_section_rows(
    stats: &LogStats,
    section_names: &BTreeMap<String, String>,
) -> Vec<Vec<Cell>> {
    let mut sections: Vec<(String, u64)> = stats.by_section().into_iter().collect();
    sections.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut rows = Vec::new();
    for (slug, views) in sections {
        let name = match slug.as_str() {
            "" => "Trang chủ".to_string(),
            s => section_names
                .get(s)
                .cloned()
                .unwrap_or_else(|| s.to_string()),
        };
        rows.push(vec![
            Cell::Text(name),
            Cell::text(format!("/{slug}")),
            Cell::int(views),
        ]);
    }
    rows
}

/// The `TOP_PAGES` most viewed pages, with their titles.
fn top_pages_rows(stats: &LogStats, articles: &BTreeMap<PathBuf, ArticleFacts>) -> Vec<Vec<Cell>> {
    let titles: HashMap<&str, &str> = articles
        .values()
        .map(|a| (a.url_path.as_str(), a.title.as_str()))
        .collect();
    let mut pages: Vec<(&String, &u64)> = stats.page_views.iter().collect();
    pages.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut rows = Vec::new();
    for (path, views) in pages.into_iter().take(TOP_PAGES) {
        let title = titles.get(path.as_str()).copied().unwrap_or("");
        rows.push(vec![
            Cell::text(title),
            Cell::text(path.clone()),
            Cell::int(*views),
        ]);
    }
    rows
}

/// Articles per unit against the quota (Điều 9.4).
pub(super) struct Quotas {
    pub table: Table,
    /// Units (the "no unit" row aside) that reached the quota.
    pub met: usize,
    /// Units, the "no unit" row aside.
    pub units: usize,
}

pub(super) fn quotas(input: &ReportInput, published: &Published) -> Quotas {
    let units: Vec<Option<&str>> = published
        .iter()
        .map(|(p, _)| input.articles.get(*p).and_then(|f| f.unit.as_deref()))
        .collect();
    let q = &input.config.quotas;
    let per_unit = articles_per_unit(&units, q);
    let mut quotas = table(
        "quotas",
        "Tin, bài của các đơn vị so với định mức",
        &["Đơn vị", "Số bài", "Định mức", "Đánh giá"],
    );
    for u in &per_unit {
        quotas.rows.push(vec![
            Cell::text(u.unit.clone()),
            Cell::int(u.articles),
            Cell::text(format!("{}–{}", q.min_per_unit, q.max_per_unit)),
            Cell::text(u.standing.label()),
        ]);
    }
    Quotas {
        table: quotas,
        met: per_unit
            .iter()
            .filter(|u| u.standing != QuotaStanding::Below && u.unit != NO_UNIT)
            .count(),
        units: per_unit.iter().filter(|u| u.unit != NO_UNIT).count(),
    }
}

/// On-time publication per article kind (Điều 9.3, 11.2).
pub(super) struct Deadlines {
    pub table: Table,
    /// Of all kinds: published on time, and published.
    pub on_time: u32,
    pub published: u32,
}

pub(super) fn deadlines(
    input: &ReportInput,
    first_pub: &BTreeMap<PathBuf, NaiveDateTime>,
) -> Deadlines {
    let per_kind = standings_per_kind(input, first_pub);
    let mut deadlines = table(
        "deadlines",
        "Đăng tải đúng hạn theo loại tin, bài",
        &[
            "Loại",
            "Đã đăng",
            "Đúng hạn",
            "Trễ hạn",
            "Tỷ lệ đúng hạn",
            "Quá hạn chưa đăng",
        ],
    );
    let (mut all_on_time, mut all_published) = (0, 0);
    for (kind, [on_time, late, overdue]) in per_kind.iter().map(|(k, v)| (k, [v[0], v[1], v[2]])) {
        let n = on_time + late;
        all_on_time += on_time;
        all_published += n;
        deadlines.rows.push(vec![
            Cell::text(kind.as_str()),
            Cell::int(n),
            Cell::int(on_time),
            Cell::int(late),
            Cell::Percent(share(on_time, n)),
            Cell::int(overdue),
        ]);
    }
    Deadlines {
        table: deadlines,
        on_time: all_on_time,
        published: all_published,
    }
}

/// Per article kind, of the articles with a deadline: those first published in the month
/// on time [0] or late [1], and those still owed, due by the month's end and overdue at
/// the report's moment [2].
fn standings_per_kind(
    input: &ReportInput,
    first_pub: &BTreeMap<PathBuf, NaiveDateTime>,
) -> BTreeMap<ArticleKind, [u32; 4]> {
    let month = input.month;
    let last_day = month.last_day().unwrap_or(NaiveDate::MIN);
    let mut per_kind: BTreeMap<ArticleKind, [u32; 4]> = BTreeMap::new();
    // Still owed: it has entered the workflow and was neither rejected nor withdrawn.
    // Each article's latest event by then (of equal times, the later one), found once.
    let mut latest: HashMap<&PathBuf, &Event> = HashMap::new();
    for e in input.events.iter().filter(|e| e.at <= input.as_of) {
        if latest.get(&e.article).is_none_or(|old| old.at <= e.at) {
            latest.insert(&e.article, e);
        }
    }
    let in_pipeline = |p: &PathBuf| {
        latest
            .get(p)
            .is_some_and(|e| !matches!(e.action, Action::Reject | Action::Withdraw))
    };
    for (path, f) in input.articles {
        let (Some(kind), Some(due)) = (f.kind, f.due(input.config, input.calendar)) else {
            continue;
        };
        let published_at = first_pub.get(path).copied();
        let s = match published_at {
            Some(t) if month.contains(t) => standing(due, Some(t), input.as_of),
            Some(_) => continue,
            None if in_pipeline(path) && due.date() <= last_day => standing(due, None, input.as_of),
            None => continue,
        };
        let slot = match s {
            Standing::OnTime => 0,
            Standing::Late => 1,
            Standing::Overdue => 2,
            Standing::Pending => continue,
        };
        per_kind.entry(kind).or_default()[slot] += 1;
    }
    per_kind
}

/// Returns and rejections by ground (Điều 4.2, 12.3).
pub(super) struct Returns {
    pub table: Table,
    /// Returns and rejections in the month.
    pub returned: usize,
    pub rejected: usize,
}

pub(super) fn returns(input: &ReportInput) -> Returns {
    let month = input.month;
    let in_month: Vec<&Event> = input
        .events
        .iter()
        .filter(|e| month.contains(e.at))
        .collect();
    let mut returns = table(
        "returns",
        "Trả lại và từ chối theo căn cứ",
        &["Căn cứ", "Nội dung", "Số lượt"],
    );
    let returned = in_month
        .iter()
        .filter(|e| e.action == Action::Return)
        .count();
    returns.rows.push(vec![
        Cell::text("Điều 4.2"),
        Cell::text("Trả lại để sửa, gửi lại"),
        Cell::int(returned),
    ]);
    for g in Ground::ALL {
        let n = in_month
            .iter()
            .filter(|e| e.action == Action::Reject && e.ground == Some(g))
            .count();
        returns.rows.push(vec![
            Cell::text(format!("Điều 12.3.{}", g.as_str())),
            Cell::text(capitalized(g.meaning())),
            Cell::int(n),
        ]);
    }
    let rejected = in_month
        .iter()
        .filter(|e| e.action == Action::Reject)
        .count();
    Returns {
        table: returns,
        returned,
        rejected,
    }
}

/// Working days without a new article (Điều 13.1), up to the report's moment.
pub(super) struct Freshness {
    pub table: Table,
    pub working_days: usize,
    pub days_without_new: usize,
}

pub(super) fn freshness(
    input: &ReportInput,
    first_pub: &BTreeMap<PathBuf, NaiveDateTime>,
) -> Freshness {
    let first_day = input.month.first_day().unwrap_or(NaiveDate::MIN);
    let last_day = input.month.last_day().unwrap_or(NaiveDate::MIN);
    let until = last_day.min(input.as_of.date());
    // A new article is its first publication; republishing a revision is not new.
    let all_pubs: Vec<NaiveDateTime> = first_pub.values().copied().collect();
    let gaps = days_without_new(&all_pubs, input.calendar, first_day, until);
    let working_days = input.calendar.working_days_between(first_day, until).len();
    let mut freshness = table(
        "freshness",
        "Ngày làm việc không có tin, bài mới",
        &["Ngày", "Thứ"],
    );
    for d in &gaps {
        freshness
            .rows
            .push(vec![Cell::text(d.to_string()), Cell::text(weekday_vi(*d))]);
    }
    Freshness {
        table: freshness,
        working_days,
        days_without_new: gaps.len(),
    }
}

/// Royalties (Điều 8): per author and month, and per article.
pub(super) struct Royalties {
    pub per_author: Table,
    pub items: Table,
    /// All royalties of the month, in đồng.
    pub total_vnd: u64,
}

pub(super) fn royalties(input: &ReportInput, published: &Published) -> Royalties {
    let used: Vec<UsedArticle> = published
        .iter()
        .filter_map(|(p, t)| {
            let f = input.articles.get(*p)?;
            Some(UsedArticle {
                author: f.author.as_deref(),
                title: &f.title,
                kind: f.kind,
                published: *t,
            })
        })
        .collect();
    let items: Vec<RoyaltyItem> = royalty_items(&used, &input.config.royalties);
    Royalties {
        per_author: royalties_per_author(&items),
        items: royalties_per_article(&items),
        total_vnd: items.iter().map(|i| i.vnd).sum::<u64>(),
    }
}

/// Royalties per author and month.
fn royalties_per_author(items: &[RoyaltyItem]) -> Table {
    let mut royalties = table(
        "royalties",
        "Nhuận bút theo tác giả",
        &["Tác giả", "Tháng", "Số bài", "Nhuận bút (đồng)"],
    );
    for ((author, m), (n, vnd)) in per_author_month(items) {
        royalties.rows.push(vec![
            Cell::Text(author),
            Cell::Text(m),
            Cell::int(n),
            Cell::int(vnd),
        ]);
    }
    royalties
}

/// Royalties per article, with the coefficient and base salary they come from.
fn royalties_per_article(items: &[RoyaltyItem]) -> Table {
    let mut royalty_items_table = table(
        "royalty-items",
        "Nhuận bút từng tin, bài",
        &[
            "Tác giả",
            "Tin, bài",
            "Loại",
            "Ngày đăng",
            "Hệ số",
            "Lương cơ sở (đồng)",
            "Nhuận bút (đồng)",
        ],
    );
    for i in items {
        royalty_items_table.rows.push(vec![
            Cell::text(i.author.clone()),
            Cell::text(i.title.clone()),
            Cell::text(i.kind.as_str()),
            Cell::text(i.published.date().to_string()),
            Cell::text(format!("{}", f64::from(i.coefficient) / 100.0).replace('.', ",")),
            Cell::int(i.base_salary),
            Cell::int(i.vnd),
        ]);
    }
    royalty_items_table
}

/// Feedback: citizens' questions (Điều 11) received and answered in the month.
pub(super) struct Feedback {
    pub received: usize,
    pub answered: usize,
}

pub(super) fn feedback(input: &ReportInput, published: &Published) -> Feedback {
    let month = input.month;
    let received = input
        .articles
        .values()
        .filter(|f| {
            f.kind == Some(ArticleKind::Answer)
                && f.deadline_start.is_some_and(|t| month.contains(t))
        })
        .count();
    let answered = published
        .iter()
        .filter(|(p, _)| {
            input
                .articles
                .get(*p)
                .is_some_and(|f| f.kind == Some(ArticleKind::Answer))
        })
        .count();
    Feedback { received, answered }
}

/// The summary table: the access statistics, when logs were given, then each section's
/// figures.
pub(super) fn summary(logs: Option<&LogStats>, published: usize, s: &Sections) -> Table {
    let mut summary = table("summary", "Số liệu chính", &["Chỉ tiêu", "Giá trị"]);
    let mut line = |label: &str, cell: Cell| summary.rows.push(vec![Cell::text(label), cell]);
    if let Some(stats) = logs {
        line("Lượt xem trang", Cell::int(stats.views));
        line("Yêu cầu của máy (bot) đã loại", Cell::int(stats.bots));
        line("Yêu cầu tệp tĩnh đã loại", Cell::int(stats.assets));
        line(
            "Dòng nhật ký sai định dạng đã bỏ qua",
            Cell::int(stats.skipped),
        );
    }
    line("Tin, bài đăng mới", Cell::int(published));
    line(
        "Đơn vị đạt định mức",
        Cell::text(format!("{}/{}", s.quotas.met, s.quotas.units)),
    );
    line(
        "Tỷ lệ đăng đúng hạn",
        Cell::Percent(share(s.deadlines.on_time, s.deadlines.published)),
    );
    line("Ngày làm việc", Cell::int(s.freshness.working_days));
    line(
        "Ngày làm việc không có tin, bài mới",
        Cell::int(s.freshness.days_without_new),
    );
    line(
        "Câu hỏi của công dân nhận trong tháng",
        Cell::int(s.feedback.received),
    );
    line(
        "Câu hỏi đã trả lời trong tháng",
        Cell::int(s.feedback.answered),
    );
    line("Lượt trả lại", Cell::int(s.returns.returned));
    line("Lượt từ chối", Cell::int(s.returns.rejected));
    line("Tổng nhuận bút (đồng)", Cell::int(s.royalties.total_vnd));
    summary
}

fn table(id: &'static str, title: &str, headers: &[&'static str]) -> Table {
    Table {
        id,
        title: title.to_string(),
        headers: headers.to_vec(),
        rows: Vec::new(),
    }
}

fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

/// `text` with its first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn weekday_vi(d: NaiveDate) -> &'static str {
    [
        "Thứ Hai",
        "Thứ Ba",
        "Thứ Tư",
        "Thứ Năm",
        "Thứ Sáu",
        "Thứ Bảy",
        "Chủ nhật",
    ][d.weekday().num_days_from_monday() as usize]
}
