//! One component's downtime on the time line: incidents as weighted half-open spans, swept once
//! into a step function ([`Profile`]) that answers "how much downtime between a and b" in
//! O(log n). Knows nothing of calendars or windows; that is `uptime.rs`.
//!
//! Time is kept in whole nanoseconds (`i128`) and downtime per weight level as integers, so
//! splitting a span in two, or adding an identical one, changes no figure by even one bit.

use chrono::{DateTime, Utc};

use crate::config::UptimeConfig;

/// An instant as nanoseconds since the Unix epoch: exact for every instant chrono can hold.
pub type Nanos = i128;

/// Nanoseconds in a second, for turning [`Nanos`] into seconds.
pub const NANOS_PER_SECOND: f64 = 1e9;

pub fn nanos(t: DateTime<Utc>) -> Nanos {
    i128::from(t.timestamp()) * 1_000_000_000 + i128::from(t.timestamp_subsec_nanos())
}

/// At most four distinct positive weights (major, partial, degraded, maintenance), plus 0.
pub const LEVELS: usize = 5;

/// The distinct weights a component can be down by, ascending; level 0 weighs nothing.
/// Comparing levels compares weights, so "the largest weight" is "the highest level".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Levels {
    weights: [f64; LEVELS],
    len: usize,
}

impl Levels {
    /// The levels of `config`'s weights (and of maintenance, when it counts as down).
    pub fn new(config: &UptimeConfig) -> Self {
        let w = config.weights;
        let maintenance = if config.maintenance_counts_as_down {
            1.0
        } else {
            0.0
        };
        let mut positive: Vec<f64> = [w.major, w.partial, w.degraded, maintenance]
            .into_iter()
            .map(sanitise)
            .filter(|&w| w > 0.0)
            .collect();
        positive.sort_by(f64::total_cmp);
        positive.dedup();
        let mut weights = [0.0; LEVELS];
        weights[1..=positive.len()].copy_from_slice(&positive);
        Levels {
            weights,
            len: positive.len() + 1,
        }
    }

    /// The level of `weight`: 0 for a weight that counts nothing.
    pub fn level_of(&self, weight: f64) -> usize {
        let weight = sanitise(weight);
        self.weights[..self.len]
            .iter()
            .position(|&w| w == weight)
            .unwrap_or(0)
    }

    pub fn weight(&self, level: usize) -> f64 {
        self.weights.get(level).copied().unwrap_or(0.0)
    }
}

/// The config checks weights lie in [0, 1]; a `Config` built in code might not, and a NaN would
/// poison every figure.
fn sanitise(weight: f64) -> f64 {
    if weight.is_nan() {
        0.0
    } else {
        weight.clamp(0.0, 1.0)
    }
}

/// `[start, end)` down at `level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: Nanos,
    pub end: Nanos,
    pub level: usize,
}

/// Downtime per level within some stretch of time, in nanoseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Downtime([Nanos; LEVELS]);

impl Downtime {
    /// Weighted downtime in seconds: each level's time times its weight.
    pub fn weighted_seconds(&self, levels: &Levels) -> f64 {
        (1..LEVELS)
            .map(|k| levels.weight(k) * (self.0[k] as f64 / NANOS_PER_SECOND))
            .sum()
    }

    /// Real time spent at `level`, in seconds (0 for a level out of range).
    pub fn seconds_at(&self, level: usize) -> f64 {
        self.0.get(level).map_or(0.0, |&t| t as f64 / NANOS_PER_SECOND)
    }

    /// Whether any time at all was spent at a level that weighs something.
    pub fn is_positive(&self) -> bool {
        self.0[1..].iter().any(|&t| t > 0)
    }

    fn minus(mut self, other: Downtime) -> Downtime {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a -= b;
        }
        self
    }
}

/// The step function "level at each instant" of a set of spans: the highest level among the
/// spans covering the instant, so overlapping spans never count twice.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Change points, ascending: from `times[i]` the level is `levels[i]`, until `times[i + 1]`;
    /// level 0 before the first and after the last.
    times: Vec<Nanos>,
    levels: Vec<usize>,
    /// Downtime accumulated before `times[i]`.
    before: Vec<Downtime>,
}

impl Profile {
    /// Sweeps the spans once: O(n log n) for the sort, then linear.
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut events: Vec<(Nanos, i64, usize)> = Vec::new();
        for span in spans {
            if span.level > 0 && span.level < LEVELS && span.start < span.end {
                events.push((span.start, 1, span.level));
                events.push((span.end, -1, span.level));
            }
        }
        events.sort_unstable_by_key(|e| e.0);

        let mut profile = Profile::default();
        let mut covering = [0i64; LEVELS];
        let mut current = 0;
        let mut i = 0;
        while i < events.len() {
            let t = events[i].0;
            // Every change at one instant is applied before reading the level: a span ending
            // where another begins leaves no gap and no overlap.
            while let Some(&(at, delta, level)) = events.get(i) {
                if at != t {
                    break;
                }
                covering[level] += delta;
                i += 1;
            }
            let level = (1..LEVELS).rev().find(|&k| covering[k] > 0).unwrap_or(0);
            if level != current {
                profile.push(t, level);
                current = level;
            }
        }
        profile
    }

    fn push(&mut self, t: Nanos, level: usize) {
        let before = match (self.times.last(), self.levels.last(), self.before.last()) {
            (Some(&last), Some(&last_level), Some(&last_before)) => {
                let mut b = last_before;
                b.0[last_level] += t - last;
                b
            }
            _ => Downtime::default(),
        };
        self.times.push(t);
        self.levels.push(level);
        self.before.push(before);
    }

    /// Downtime accumulated before `t`.
    fn accumulated(&self, t: Nanos) -> Downtime {
        let i = self.times.partition_point(|&x| x <= t);
        if i == 0 {
            return Downtime::default();
        }
        let mut d = self.before[i - 1];
        d.0[self.levels[i - 1]] += t - self.times[i - 1];
        d
    }

    /// Downtime per level within `[a, b)`; none when `b <= a`.
    pub fn downtime(&self, a: Nanos, b: Nanos) -> Downtime {
        if b <= a {
            return Downtime::default();
        }
        self.accumulated(b).minus(self.accumulated(a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Weights;

    const HOUR: Nanos = 3_600_000_000_000;

    fn levels() -> Levels {
        Levels::new(&UptimeConfig {
            days: 90,
            weights: Weights::default(),
            maintenance_counts_as_down: false,
        })
    }

    // Default weights: degraded 0 has no level; partial 0.3 is level 1, major 1.0 level 2.
    #[test]
    fn levels_order_distinct_positive_weights() {
        let l = levels();
        assert_eq!((l.level_of(0.0), l.level_of(0.3), l.level_of(1.0)), (0, 1, 2));
        assert_eq!((l.weight(1), l.weight(2)), (0.3, 1.0));
    }

    // Partial 0..4h and major 1..2h: 1h major inside 3h partial, never 1.3 at once.
    // 3h x 0.3 + 1h x 1.0 = 3240 + 3600 = 6840 s.
    #[test]
    fn overlapping_spans_count_the_heaviest_once() {
        let l = levels();
        let p = Profile::new([
            Span {
                start: 0,
                end: 4 * HOUR,
                level: 1,
            },
            Span {
                start: HOUR,
                end: 2 * HOUR,
                level: 2,
            },
        ]);
        let d = p.downtime(0, 10 * HOUR);
        assert_eq!(d.weighted_seconds(&l), 6840.0);
        // Only the first half hour of the major part lies in [1.5h, 3h): 0.5h x 1 + 1h x 0.3.
        assert_eq!(
            p.downtime(3 * HOUR / 2, 3 * HOUR).weighted_seconds(&l),
            1800.0 + 1080.0
        );
    }

    // Two adjacent halves give the same integer downtime as the whole.
    #[test]
    fn adjacent_spans_join() {
        let whole = Profile::new([Span {
            start: 0,
            end: 2 * HOUR,
            level: 2,
        }]);
        let halves = Profile::new([
            Span {
                start: HOUR,
                end: 2 * HOUR,
                level: 2,
            },
            Span {
                start: 0,
                end: HOUR,
                level: 2,
            },
        ]);
        assert_eq!(whole.downtime(-HOUR, 3 * HOUR), halves.downtime(-HOUR, 3 * HOUR));
        assert_eq!(halves.times.len(), 2, "one step up, one down: {:?}", halves.times);
    }

    #[test]
    fn empty_and_reversed_ranges_have_no_downtime() {
        let p = Profile::new([Span {
            start: 0,
            end: HOUR,
            level: 2,
        }]);
        assert!(!p.downtime(HOUR, 0).is_positive());
        assert!(!p.downtime(5, 5).is_positive());
        assert!(!Profile::new([]).downtime(0, HOUR).is_positive());
    }
}
