//! The monthly report for the board's leadership meeting (Điều 18.5), as tables: page
//! views per section and page, articles per unit against the quota (Điều 9.4), on-time
//! rate per deadline kind (Điều 9.3, 11.2), returns and rejections by ground (Điều 4.2,
//! 12.3), working days without anything new (Điều 13.1), questions received and answered,
//! and royalties (Điều 8). `html` and `export` write these tables out.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use super::history::{Action, ArticleFacts, Event, Ground, first_publications};
use super::logs::{LogStats, Period};
use super::quotas::{articles_per_unit, days_without_new};
use super::royalties::{RoyaltyItem, UsedArticle, per_author_month, royalty_items};
use super::table::{Cell, Table};
use stp_content::date::vietnam;
use stp_workflow::calendar::Calendar;
use stp_workflow::deadlines::{ArticleKind, DeadlineConfig, Standing, standing};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let month = Month {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        month.first_day().map(|_| month)
    }

    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    pub fn last_day(self) -> Option<NaiveDate> {
        self.first_day()?
            .checked_add_months(Months::new(1))?
            .pred_opt()
    }

    /// The month in Vietnam's time, for filtering access logs.
    pub fn period(self) -> Option<Period> {
        let from = self.first_day()?;
        let until = from.checked_add_months(Months::new(1))?;
        let secs = |d: NaiveDate| {
            vietnam()
                .from_local_datetime(&d.and_time(NaiveTime::MIN))
                .single()
                .map(|t| t.timestamp())
        };
        Some(Period {
            from: secs(from)?,
            until: secs(until)?,
        })
    }

    pub fn contains(self, t: NaiveDateTime) -> bool {
        t.year() == self.year && t.month() == self.month
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Everything the report is made from.
pub struct ReportInput<'a> {
    pub month: Month,
    pub events: &'a [Event],
    pub articles: &'a BTreeMap<PathBuf, ArticleFacts>,
    /// Access statistics of the month, when logs were given.
    pub logs: Option<&'a LogStats>,
    pub config: &'a DeadlineConfig,
    pub calendar: &'a Calendar,
    /// Section slug → name, for labels.
    pub section_names: &'a BTreeMap<String, String>,
    /// The moment the report is as of: the end of the month, or now if that is earlier.
    pub as_of: NaiveDateTime,
}

/// The report's tables.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyReport {
    pub month: Month,
    pub summary: Table,
    pub views_by_section: Table,
    pub top_pages: Table,
    pub quotas: Table,
    pub deadlines: Table,
    pub returns: Table,
    pub freshness: Table,
    pub royalties: Table,
    pub royalty_items: Table,
    /// Quota bounds, for the chart.
    pub quota_range: (u32, u32),
}

impl MonthlyReport {
    pub fn tables(&self) -> [&Table; 9] {
        [
            &self.summary,
            &self.views_by_section,
            &self.top_pages,
            &self.quotas,
            &self.deadlines,
            &self.returns,
            &self.freshness,
            &self.royalties,
            &self.royalty_items,
        ]
    }
}

/// How many pages the "most read" table lists.
const TOP_PAGES: usize = 20;

pub fn build_report(input: &ReportInput) -> MonthlyReport {
    let month = input.month;
    let first_day = month.first_day().unwrap_or(NaiveDate::MIN);
    let last_day = month.last_day().unwrap_or(NaiveDate::MIN);
    let facts = |p: &PathBuf| input.articles.get(p);
    let first_pub = first_publications(input.events);
    let published: Vec<(&PathBuf, NaiveDateTime)> = first_pub
        .iter()
        .filter(|(_, t)| month.contains(**t))
        .map(|(p, t)| (p, *t))
        .collect();

    // Access.
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
        let mut sections: Vec<(String, u64)> = stats.by_section().into_iter().collect();
        sections.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (slug, views) in sections {
            let name = match slug.as_str() {
                "" => "Trang chủ".to_string(),
                s => input
                    .section_names
                    .get(s)
                    .cloned()
                    .unwrap_or_else(|| s.to_string()),
            };
            views_by_section.rows.push(vec![
                Cell::Text(name),
                Cell::text(format!("/{slug}")),
                Cell::int(views),
            ]);
        }
        let titles: HashMap<&str, &str> = input
            .articles
            .values()
            .map(|a| (a.url_path.as_str(), a.title.as_str()))
            .collect();
        let mut pages: Vec<(&String, &u64)> = stats.page_views.iter().collect();
        pages.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (path, views) in pages.into_iter().take(TOP_PAGES) {
            let title = titles.get(path.as_str()).copied().unwrap_or("");
            top_pages.rows.push(vec![
                Cell::text(title),
                Cell::text(path.clone()),
                Cell::int(*views),
            ]);
        }
    }

    // Quotas (Điều 9.4).
    let units: Vec<Option<&str>> = published
        .iter()
        .map(|(p, _)| facts(p).and_then(|f| f.unit.as_deref()))
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

    // Deadlines (Điều 9.3, 11.2).
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

    // Returns and rejections (Điều 4.2, 12.3).
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

    // Freshness (Điều 13.1), up to the report's moment.
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

    // Royalties (Điều 8).
    let used: Vec<UsedArticle> = published
        .iter()
        .filter_map(|(p, t)| {
            let f = facts(p)?;
            Some(UsedArticle {
                author: f.author.as_deref(),
                title: &f.title,
                kind: f.kind,
                published: *t,
            })
        })
        .collect();
    let items: Vec<RoyaltyItem> = royalty_items(&used, &input.config.royalties);
    let mut royalties = table(
        "royalties",
        "Nhuận bút theo tác giả",
        &["Tác giả", "Tháng", "Số bài", "Nhuận bút (đồng)"],
    );
    for ((author, m), (n, vnd)) in per_author_month(&items) {
        royalties.rows.push(vec![
            Cell::Text(author),
            Cell::Text(m),
            Cell::int(n),
            Cell::int(vnd),
        ]);
    }
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
    for i in &items {
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

    // Feedback: citizens' questions (Điều 11).
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
        .filter(|(p, _)| facts(p).is_some_and(|f| f.kind == Some(ArticleKind::Answer)))
        .count();

    let mut summary = table("summary", "Số liệu chính", &["Chỉ tiêu", "Giá trị"]);
    let mut line = |label: &str, cell: Cell| summary.rows.push(vec![Cell::text(label), cell]);
    if let Some(stats) = input.logs {
        line("Lượt xem trang", Cell::int(stats.views));
        line("Yêu cầu của máy (bot) đã loại", Cell::int(stats.bots));
        line("Yêu cầu tệp tĩnh đã loại", Cell::int(stats.assets));
        line(
            "Dòng nhật ký sai định dạng đã bỏ qua",
            Cell::int(stats.skipped),
        );
    }
    line("Tin, bài đăng mới", Cell::int(published.len()));
    line(
        "Đơn vị đạt định mức",
        Cell::text(format!(
            "{}/{}",
            per_unit
                .iter()
                .filter(|u| u.standing != super::quotas::QuotaStanding::Below
                    && u.unit != super::quotas::NO_UNIT)
                .count(),
            per_unit
                .iter()
                .filter(|u| u.unit != super::quotas::NO_UNIT)
                .count()
        )),
    );
    line(
        "Tỷ lệ đăng đúng hạn",
        Cell::Percent(share(all_on_time, all_published)),
    );
    line("Ngày làm việc", Cell::int(working_days));
    line("Ngày làm việc không có tin, bài mới", Cell::int(gaps.len()));
    line("Câu hỏi của công dân nhận trong tháng", Cell::int(received));
    line("Câu hỏi đã trả lời trong tháng", Cell::int(answered));
    line("Lượt trả lại", Cell::int(returned));
    line("Lượt từ chối", Cell::int(rejected));
    line(
        "Tổng nhuận bút (đồng)",
        Cell::int(items.iter().map(|i| i.vnd).sum::<u64>()),
    );

    MonthlyReport {
        month,
        summary,
        views_by_section,
        top_pages,
        quotas,
        deadlines,
        returns,
        freshness,
        royalties,
        royalty_items: royalty_items_table,
        quota_range: (q.min_per_unit, q.max_per_unit),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_bound_vietnam_time() {
        let m = Month::parse("2026-03").unwrap();
        assert_eq!(m.last_day(), NaiveDate::from_ymd_opt(2026, 3, 31));
        // 1/3/2026 00:00 at UTC+7 is 28/2 17:00 UTC.
        assert_eq!(m.period().unwrap().from, 1_772_298_000);
        assert_eq!(
            m.period().unwrap().until - m.period().unwrap().from,
            31 * 86_400
        );
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(Month::parse("2026-3"), None);
        assert_eq!(m.to_string(), "2026-03");
    }
}
