//! The suite's one table: every figure beside its target and its same-run baseline, as
//! markdown for BENCHMARKS.md and as JSON.

use comfy_table::{Table, presets::ASCII_MARKDOWN};
use serde::Serialize;

/// The `p` quantile (0..=1) of `values` (nearest rank, rounding down); NaN when empty.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    // Nearest rank: the smallest sample with at least a fraction `p` of the samples at or
    // below it. With fewer than 100 samples a "p99" is the largest; rows that have fewer
    // samples than that say "max of N" instead.
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = (p * v.len() as f64).ceil().max(1.0) as usize;
    v.get(rank - 1).copied().unwrap_or(f64::NAN)
}

/// Checks the statistics the table is made of (the smoke run calls this, so a broken
/// percentile cannot publish numbers).
pub fn self_check() {
    let twenty: Vec<f64> = (1..=20).map(f64::from).collect();
    assert_eq!(percentile(&twenty, 0.99), 20.0, "the p99 of 20 samples is the largest");
    assert_eq!(percentile(&twenty, 0.5), 10.0);
    let hundred: Vec<f64> = (1..=100).map(f64::from).collect();
    assert_eq!(percentile(&hundred, 0.99), 99.0);
    assert!(percentile(&[], 0.5).is_nan());
    let stat = Stat::of(&[3.0, 1.0, 2.0], "s");
    assert_eq!((stat.median, stat.min, stat.max), (2.0, 1.0, 3.0));
}

/// A median over runs with its range.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Stat {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub unit: &'static str,
}

impl Stat {
    /// From one value per run.
    pub fn of(values: &[f64], unit: &'static str) -> Stat {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        if v.is_empty() {
            return Stat { median: f64::NAN, min: f64::NAN, max: f64::NAN, unit };
        }
        Stat { median: v[v.len() / 2], min: v[0], max: v[v.len() - 1], unit }
    }

    fn show(&self) -> String {
        let n = |x: f64| number(x, self.unit);
        if self.median.is_nan() {
            return "n/a".into();
        }
        if self.min == self.max {
            format!("{} {}", n(self.median), self.unit)
        } else {
            format!("{} {} ({}–{})", n(self.median), self.unit, n(self.min), n(self.max))
        }
    }
}

fn number(x: f64, unit: &str) -> String {
    match unit {
        "ops/s" | "B" | "µs" | "reads" => thousands(x.round() as i64),
        "ms" if x < 10.0 => format!("{x:.1}"),
        "ms" => thousands(x.round() as i64),
        "s" | "×" => format!("{x:.2}"),
        _ => format!("{x:.1}"),
    }
}

fn thousands(v: i64) -> String {
    let digits = v.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0 { format!("-{out}") } else { out }
}

/// What a figure must be; `ratio` targets apply to the figure divided by its baseline.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    AtMost(f64),
    AtLeast(f64),
    RatioAtMost(f64),
    RatioAtLeast(f64),
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub section: &'static str,
    pub measure: String,
    pub value: Stat,
    pub baseline_label: Option<String>,
    pub baseline: Option<Stat>,
    /// The figure over its baseline, per run, then the median.
    pub ratio: Option<Stat>,
    pub target: Option<Target>,
    pub met: Option<bool>,
}

impl Row {
    pub fn new(section: &'static str, measure: impl Into<String>, value: Stat) -> Row {
        Row {
            section,
            measure: measure.into(),
            value,
            baseline_label: None,
            baseline: None,
            ratio: None,
            target: None,
            met: None,
        }
    }

    pub fn baseline(mut self, label: impl Into<String>, value: Stat) -> Row {
        self.baseline_label = Some(label.into());
        self.baseline = Some(value);
        self
    }

    /// The per-run ratios of figure to baseline.
    pub fn ratio(mut self, per_run: &[f64]) -> Row {
        self.ratio = Some(Stat::of(per_run, "×"));
        self
    }

    pub fn target(mut self, target: Target) -> Row {
        self.target = Some(target);
        self.met = match target {
            Target::AtMost(t) => Some(self.value.median <= t),
            Target::AtLeast(t) => Some(self.value.median >= t),
            Target::RatioAtMost(t) => self.ratio.map(|r| r.median <= t),
            Target::RatioAtLeast(t) => self.ratio.map(|r| r.median >= t),
        };
        self
    }

    fn target_text(&self) -> String {
        match self.target {
            None => "—".into(),
            Some(Target::AtMost(t)) => format!("≤ {} {}", number(t, self.value.unit), self.value.unit),
            Some(Target::AtLeast(t)) => format!("≥ {} {}", number(t, self.value.unit), self.value.unit),
            Some(Target::RatioAtMost(t)) => format!("≤ {t}× baseline"),
            Some(Target::RatioAtLeast(t)) => format!("≥ {t}× baseline"),
        }
    }
}

/// The markdown table.
pub fn table(rows: &[Row]) -> String {
    let mut t = Table::new();
    t.load_style(ASCII_MARKDOWN);
    t.set_header([
        "area",
        "measure",
        "fedctl median (min–max)",
        "same-run baseline",
        "fedctl / baseline",
        "target",
        "met",
    ]);
    for r in rows {
        let baseline = match (&r.baseline_label, &r.baseline) {
            (Some(l), Some(b)) => format!("{}: {}", l, b.show()),
            _ => "—".into(),
        };
        let met = match r.met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "—",
        };
        t.add_row([
            r.section.to_owned(),
            r.measure.clone(),
            r.value.show(),
            baseline,
            r.ratio.map_or("—".into(), |x| x.show()),
            r.target_text(),
            met.to_owned(),
        ]);
    }
    t.to_string()
}

#[derive(Serialize)]
pub struct Report<'a> {
    pub started: String,
    pub seconds: f64,
    pub runs: usize,
    pub machine: String,
    pub rows: &'a [Row],
}
