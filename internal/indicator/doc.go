// Package indicator computes where each measurable target of the plan
// stands: the series of an indicator across its reporting periods, its
// latest value, the value the plan expected by now, and a status. It belongs
// to the compute stage of the pipeline and is pure: the load stage (package
// data) turns data/indicators.toml and the CSV files into [Indicator] and
// [Observation] values, and the renderer turns a [Result] into pages,
// charts and the sentence [Sentence] writes.
//
// # Which figures count
//
// A figure counts once the last day of its period has come in the site's
// time zone: judged at any moment of 30/06/2023, the figures for June,
// Quý II and the first half of 2023 count, those for July do not. In terms
// of [period.Period], whose End is the exclusive midnight after its last
// day, an observation counts when p.End() ≤ midnight at the end of now's
// calendar day, that is when p.End() is not after the day after now's
// date. This lets a site judged "as of 30/06/2023" show the June figures,
// and a site rebuilt from the same files as of an earlier day leave out
// the periods not yet finished.
//
// # Adding up units
//
// An indicator is broken down by a dimension (communes, offices or
// services) or not at all. The district total of each period is:
//
//   - count: the sum of the values reported for that period;
//   - cumulative: the sum, over every commune or office that has reported,
//     of its latest value at or before that period, so that a commune
//     that has not yet reported this month keeps its last running total;
//   - rate: Σ numerators ÷ Σ denominators × 100 over the units that
//     reported for that period — never the mean of the units' rates, which
//     gives a commune with 5 dossiers the same weight as one with 500;
//   - percent: the value given. Package data refuses a percentage broken
//     down by a dimension, since the district figure cannot be rebuilt
//     from the parts; such an indicator should be a rate with numerator
//     and denominator columns.
//
// # Expected value and status
//
// The plan sets a baseline (a value at the end of a period) and one or
// more targets (a value due by the end of a day). The value expected at a
// moment is read off the straight lines from the baseline to the first
// target, from there to the next target, and so on; before the baseline it
// is the baseline, after the last deadline the last target. Time is
// counted in whole days, a day counting once it has begun: on 31/03/2023
// the line has covered 90 of the 181 days from 01/01/2023 to 30/06/2023.
//
// The current target is the first whose deadline has not passed, or the
// last one once all have passed. Then, in order:
//
//   - no figure counts yet: [NoData];
//   - the latest figure meets the current target: [Achieved];
//   - the current target's deadline has passed: [Missed];
//   - otherwise the ratio of the latest figure to the expected value
//     decides: at least Method.OnTrack is [OnTrack], at least
//     Method.AtRisk is [Behind], below that [AtRisk].
//
// For an increasing indicator the ratio is actual ÷ expected, and the
// share of the target is actual ÷ target × 100. For a decreasing one (the
// plan's "cắt giảm tối thiểu 20%") the work to be done is the reduction,
// so both are measured on it: the ratio is (baseline − actual) ÷
// (baseline − expected) and the share of the target is (baseline −
// actual) ÷ (baseline − target) × 100. Measuring a decrease as target ÷
// actual would report 93% for a form that has lost 68% of the fields it
// had to lose.
//
// The expected value is the one expected now, not at the end of the latest
// period, so a figure reported late counts against its indicator until the
// next one arrives.
//
// [MethodDoc] writes this method for the public "Phương pháp" page with the
// configured thresholds, so the page cannot drift from the code.
package indicator
