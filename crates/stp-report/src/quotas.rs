//! Quotas and freshness: articles each unit had published in a month, against the 1–2 a
//! month of Điều 9.4, and the working days on which nothing new was published (Điều 13.1).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime};

use stp_workflow::calendar::Calendar;
use stp_workflow::deadlines::Quotas;

/// Where a unit stands against its quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuotaStanding {
    Below,
    Met,
    Above,
}

impl QuotaStanding {
    pub fn label(self) -> &'static str {
        match self {
            QuotaStanding::Below => "chưa đạt",
            QuotaStanding::Met => "đạt",
            QuotaStanding::Above => "vượt",
        }
    }
}

/// One unit's month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCount {
    pub unit: String,
    pub articles: u32,
    pub standing: QuotaStanding,
}

/// The name used for articles that name no unit.
pub const NO_UNIT: &str = "(không ghi đơn vị)";

/// Articles per unit, for the units of the quota (listed even with none) and any other
/// unit that sent one; `units_of_published` holds the unit of each article published in
/// the month.
pub fn articles_per_unit(units_of_published: &[Option<&str>], quotas: &Quotas) -> Vec<UnitCount> {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for u in &quotas.units {
        counts.insert(u.clone(), 0);
    }
    for u in units_of_published {
        *counts.entry(u.unwrap_or(NO_UNIT).to_string()).or_insert(0) += 1;
    }
    let order = |u: &String| {
        quotas
            .units
            .iter()
            .position(|q| q == u)
            .unwrap_or(usize::MAX)
    };
    let mut out: Vec<UnitCount> = counts
        .into_iter()
        .map(|(unit, articles)| UnitCount {
            standing: if articles < quotas.min_per_unit {
                QuotaStanding::Below
            } else if articles > quotas.max_per_unit {
                QuotaStanding::Above
            } else {
                QuotaStanding::Met
            },
            unit,
            articles,
        })
        .collect();
    out.sort_by(|a, b| {
        order(&a.unit)
            .cmp(&order(&b.unit))
            .then(a.unit.cmp(&b.unit))
    });
    out
}

/// The working days from `first` to `last` on which nothing was published.
pub fn days_without_new(
    published: &[NaiveDateTime],
    calendar: &Calendar,
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<NaiveDate> {
    let days: BTreeSet<NaiveDate> = published.iter().map(|t| t.date()).collect();
    calendar
        .working_days_between(first, last)
        .into_iter()
        .filter(|d| !days.contains(d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_against_one_to_two() {
        let quotas = Quotas {
            units: vec!["B".into(), "A".into(), "C".into()],
            ..Quotas::default()
        };
        let got = articles_per_unit(&[Some("A"), Some("A"), Some("A"), Some("C"), None], &quotas);
        let view: Vec<(&str, u32, QuotaStanding)> = got
            .iter()
            .map(|u| (u.unit.as_str(), u.articles, u.standing))
            .collect();
        assert_eq!(
            view,
            [
                ("B", 0, QuotaStanding::Below),
                ("A", 3, QuotaStanding::Above),
                ("C", 1, QuotaStanding::Met),
                (NO_UNIT, 1, QuotaStanding::Met),
            ]
        );
    }

    #[test]
    fn freshness_counts_only_working_days() {
        let c = Calendar::default();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let at = |s: &str| d(s).and_hms_opt(9, 0, 0).unwrap();
        // 27/4–3/5/2026: 27/4 is a compensatory day, 30/4 and 1/5 holidays, 2–3/5 weekend.
        let gaps = days_without_new(
            &[at("2026-04-28"), at("2026-05-02")],
            &c,
            d("2026-04-27"),
            d("2026-05-03"),
        );
        assert_eq!(gaps, [d("2026-04-29")]);
    }
}
