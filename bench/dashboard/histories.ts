// The synthetic history of every (commitment, country) pair, as plain columns: which pairs
// have reports, each report's status, visibility and time, reviews, assessments, and the
// pair_status row they imply. Pure: no database, the same seed gives the same arrays.
// Columns are typed arrays so that a million reports fit in a few tens of megabytes.
import { createRandom, type Random } from "./prng";

export const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Nothing is dated after this fixed instant: the data looks the same whenever it is made. */
export const DATA_END = Date.UTC(2026, 8, 30);
/** A session's commitments are reported on for this long after it opens. */
const REPORTING_DAYS = 3 * 365;

/** Index order is the database enum's order; `NO_STATUS` stands for NULL. */
export const STATUSES = ["NOT_STARTED", "LIMITED", "SUBSTANTIAL", "COMPLETE", "NOT_APPLICABLE"] as const;
export const COMPLETE = 3;
export const NOT_APPLICABLE = 4;
export const NO_STATUS = 255;
export const VISIBILITIES = ["RESTRICTED", "MEMBERS", "OBSERVERS"] as const;
export const REVIEW_DECISIONS = ["VALIDATE", "RETURN"] as const;
export const REVIEW_STATES = ["SUBMITTED", "VALIDATED", "RETURNED"] as const;
export const NO_SCORE = -128;

/** The G7/G20 score a self-reported status claims: the demo seed's reading of the scale. */
export const IMPLIED_SCORE = [-1, -1, 0, 1] as const;

// Shares chosen to look like a mature tracker, the same at every size: most pairs reported,
// a third complete, a few not applicable, most reports reviewed, under half the pairs assessed.
const COVERAGE = 0.9;
const FINAL_LEVEL_WEIGHTS = [12, 23, 30, 35];
const NOT_APPLICABLE_SHARE = 0.04;
const DIP_SHARE = 0.03;
const VISIBILITY_WEIGHTS = [45, 35, 20];
const VISIBILITY_CHANGE_SHARE = 0.15;
const EVIDENCE_SHARE = 0.35;
const REVIEWED_SHARE = 0.6;
const RETURNED_SHARE = 0.15;
const RECONSIDERED_SHARE = 0.3;
const ASSESSED_SHARE = 0.45;
const DISAGREEMENT_SHARE = 0.2;

export type HistoryOptions = {
  seed: number;
  reports: number;
  /** Opening instant (ms) of each session, in session order. */
  sessionStarts: readonly number[];
  commitmentsPerSession: number;
  countryCount: number;
};

export type Histories = {
  pairCount: number;
  reports: {
    count: number;
    /** Pair index: (session × commitmentsPerSession + commitment) × countryCount + country. */
    pair: Int32Array;
    version: Int32Array;
    status: Uint8Array;
    previous: Uint8Array;
    visibility: Uint8Array;
    /** 0 Arabic, 1 English: which sample narrative (or reason) the report carries. */
    language: Uint8Array;
    evidence: Uint8Array;
    at: Float64Array;
    /** Report indexes in submission order, the order in which the application writes them. */
    order: Uint32Array;
  };
  reviews: { count: number; report: Int32Array; decision: Uint8Array; at: Float64Array; order: Uint32Array };
  assessments: { count: number; pair: Int32Array; score: Int8Array; at: Float64Array; order: Uint32Array };
  pairStatuses: {
    count: number;
    pair: Int32Array;
    latestReport: Int32Array;
    version: Int32Array;
    status: Uint8Array;
    visibility: Uint8Array;
    reviewState: Uint8Array;
    reportedAt: Float64Array;
    /** NaN for NULL. */
    completedAt: Float64Array;
    /** NO_SCORE for NULL. */
    score: Int8Array;
    assessedAt: Float64Array;
    updatedAt: Float64Array;
  };
};

/**
 * How many reports each pair gets: exactly `reports` in all. About 90% of pairs are reported
 * on; each gets one report, and the rest are shared out in proportion to integer weights
 * (integers, so that the floors below are exact and the total never drifts).
 */
export function allocateReports(random: Random, pairCount: number, reports: number): Int32Array {
  const counts = new Int32Array(pairCount);
  if (reports === 0 || pairCount === 0) return counts;
  let reported: number[] = [];
  for (let p = 0; p < pairCount; p++) if (random.chance(COVERAGE)) reported.push(p);
  if (reported.length === 0) reported = Array.from({ length: pairCount }, (_, p) => p);

  const order = reported.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  if (reports <= reported.length) {
    for (let i = 0; i < reports; i++) counts[order[i]!] = 1;
    return counts;
  }

  const weights = reported.map(() => 1 + random.int(8));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const extra = reports - reported.length;
  let assigned = 0;
  reported.forEach((p, i) => {
    const share = Math.floor((extra * weights[i]!) / total);
    counts[p] = 1 + share;
    assigned += share;
  });
  const leftover = extra - assigned;
  for (let i = 0; i < leftover; i++) counts[order[i]!]! += 1;
  return counts;
}

/** Indexes 0…count-1 ordered by time, ties by index (so a pair's versions stay in order). */
function timeOrder(at: Float64Array, count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order.sort((a, b) => at[a]! - at[b]! || a - b);
}

/** Marks exactly `k` of `n` slots, each subset equally likely (Knuth's selection sampling). */
function sample(random: Random, n: number, k: number, into: Uint8Array): void {
  let needed = k;
  for (let i = 0; i < n; i++) {
    const take = random.next() * (n - i) < needed;
    into[i] = take ? 1 : 0;
    if (take) needed--;
  }
}

export function buildHistories(options: HistoryOptions): Histories {
  const { reports: reportTotal, sessionStarts, commitmentsPerSession, countryCount } = options;
  if (!Number.isSafeInteger(reportTotal) || reportTotal < 0) throw new Error(`Bad report count: ${reportTotal}`);
  const random = createRandom(options.seed, 2);
  const pairsPerSession = commitmentsPerSession * countryCount;
  const pairCount = sessionStarts.length * pairsPerSession;
  const counts = allocateReports(random, pairCount, reportTotal);
  let reportedPairs = 0;
  let longest = 0;
  for (const n of counts) {
    if (n > 0) reportedPairs++;
    if (n > longest) longest = n;
  }

  const r = {
    pair: new Int32Array(reportTotal),
    version: new Int32Array(reportTotal),
    status: new Uint8Array(reportTotal),
    previous: new Uint8Array(reportTotal),
    visibility: new Uint8Array(reportTotal),
    language: new Uint8Array(reportTotal),
    evidence: new Uint8Array(reportTotal),
    at: new Float64Array(reportTotal),
  };
  const maxReviews = 2 * reportTotal;
  const v = { report: new Int32Array(maxReviews), decision: new Uint8Array(maxReviews), at: new Float64Array(maxReviews) };
  const maxAssessments = 3 * reportedPairs;
  const a = { pair: new Int32Array(maxAssessments), score: new Int8Array(maxAssessments), at: new Float64Array(maxAssessments) };
  const s = {
    pair: new Int32Array(reportedPairs),
    latestReport: new Int32Array(reportedPairs),
    version: new Int32Array(reportedPairs),
    status: new Uint8Array(reportedPairs),
    visibility: new Uint8Array(reportedPairs),
    reviewState: new Uint8Array(reportedPairs),
    reportedAt: new Float64Array(reportedPairs),
    completedAt: new Float64Array(reportedPairs),
    score: new Int8Array(reportedPairs),
    assessedAt: new Float64Array(reportedPairs),
    updatedAt: new Float64Array(reportedPairs),
  };

  const times = new Float64Array(longest);
  const chosen = new Uint8Array(longest);
  let reportCount = 0;
  let reviewCount = 0;
  let assessmentCount = 0;
  let pairStatusCount = 0;

  for (let p = 0; p < pairCount; p++) {
    const n = counts[p]!;
    if (n === 0) continue;
    const base = reportCount;
    const opens = sessionStarts[Math.floor(p / pairsPerSession)]!;

    // Submission times: spread over the session's reporting years, strictly increasing.
    const from = opens + (14 + random.int(60)) * DAY + random.int(DAY);
    const to = Math.max(from + DAY, Math.min(opens + REPORTING_DAYS * DAY, DATA_END));
    const span = times.subarray(0, n);
    for (let j = 0; j < n; j++) span[j] = from + Math.floor(random.next() * (to - from));
    span.sort();
    for (let j = 1; j < n; j++) if (span[j]! < span[j - 1]! + MINUTE) span[j] = span[j - 1]! + MINUTE;

    // Statuses: climb from a start level to the final one at random versions, with the odd
    // one-report dip; a few pairs turn NOT_APPLICABLE from some version on and stay so.
    const notApplicable = random.chance(NOT_APPLICABLE_SHARE);
    const ladderLength = notApplicable ? random.int(n) : n;
    const target = notApplicable ? random.int(3) : random.weighted(FINAL_LEVEL_WEIGHTS);
    if (ladderLength > 0) {
      let level = target === 0 ? 0 : Math.floor(random.next() * random.next() * (target + 1));
      let ups = target - level;
      if (ups > ladderLength - 1) {
        level = target - (ladderLength - 1);
        ups = ladderLength - 1;
      }
      r.status[base] = level;
      for (let j = 1; j < ladderLength; j++) {
        if (random.next() * (ladderLength - j) < ups) {
          level++;
          ups--;
        }
        r.status[base + j] = level;
      }
      for (let j = 1; j < ladderLength - 1; j++) {
        if (r.status[base + j]! > 0 && random.chance(DIP_SHARE)) r.status[base + j]! -= 1;
      }
    }
    for (let j = ladderLength; j < n; j++) r.status[base + j] = NOT_APPLICABLE;

    let completedAt = Number.NaN;
    let visibility = random.weighted(VISIBILITY_WEIGHTS);
    let reviewState = 0;
    let lastReviewAt = Number.NaN;
    for (let j = 0; j < n; j++) {
      const i = base + j;
      const at = span[j]!;
      r.pair[i] = p;
      r.version[i] = j + 1;
      r.previous[i] = j === 0 ? NO_STATUS : r.status[i - 1]!;
      if (j > 0 && random.chance(VISIBILITY_CHANGE_SHARE)) visibility = random.weighted(VISIBILITY_WEIGHTS);
      r.visibility[i] = visibility;
      r.language[i] = random.int(2);
      r.evidence[i] = random.chance(EVIDENCE_SHARE) ? 1 : 0;
      r.at[i] = at;
      // completed_at: the first report of the final run of COMPLETE reports.
      if (r.status[i] !== COMPLETE) completedAt = Number.NaN;
      else if (j === 0 || r.previous[i] !== COMPLETE) completedAt = at;

      // Reviews come before the next report; a returned report is sometimes validated later.
      reviewState = 0;
      lastReviewAt = Number.NaN;
      if (random.chance(REVIEWED_SHARE)) {
        const next = j < n - 1 ? span[j + 1]! : Number.POSITIVE_INFINITY;
        const reviewAt = Math.min(at + HOUR + random.int(10 * DAY), at + Math.floor((next - at) / 2));
        const returned = random.chance(RETURNED_SHARE);
        v.report[reviewCount] = i;
        v.decision[reviewCount] = returned ? 1 : 0;
        v.at[reviewCount++] = reviewAt;
        reviewState = returned ? 2 : 1;
        lastReviewAt = reviewAt;
        if (returned && random.chance(RECONSIDERED_SHARE)) {
          const againAt =
            j < n - 1 ? reviewAt + Math.floor((next - reviewAt) / 2) : reviewAt + DAY + random.int(5 * DAY);
          v.report[reviewCount] = i;
          v.decision[reviewCount] = 0;
          v.at[reviewCount++] = againAt;
          reviewState = 1;
          lastReviewAt = againAt;
        }
      }
    }

    // Assessments: one to three, each scoring the status reported at one of the later
    // versions (the secretariat assesses what has been reported for a while), a fifth of
    // them disagreeing with it by one step.
    const last = base + n - 1;
    let score = NO_SCORE;
    let assessedAt = Number.NaN;
    if (r.status[last] !== NOT_APPLICABLE && random.chance(ASSESSED_SHARE)) {
      const k = Math.min(n, 1 + random.int(3));
      const later = Math.max(k, Math.ceil(n / 3));
      sample(random, later, k, chosen);
      const first = assessmentCount;
      for (let x = 0; x < later; x++) {
        if (!chosen[x]) continue;
        const j = n - later + x;
        const implied = IMPLIED_SCORE[r.status[base + j] as 0 | 1 | 2 | 3];
        let given: number = implied;
        if (random.chance(DISAGREEMENT_SHARE)) given = Math.max(-1, Math.min(1, implied + (random.chance(0.5) ? 1 : -1)));
        a.pair[assessmentCount] = p;
        a.score[assessmentCount] = given;
        a.at[assessmentCount++] = span[j]! + DAY + random.int(20 * DAY);
      }
      // At most three rows: an insertion sort by time, then made strictly increasing so
      // that "the latest assessment" is never a tie.
      for (let x = first + 1; x < assessmentCount; x++) {
        for (let y = x; y > first && a.at[y - 1]! > a.at[y]!; y--) {
          [a.at[y - 1], a.at[y]] = [a.at[y]!, a.at[y - 1]!];
          [a.score[y - 1], a.score[y]] = [a.score[y]!, a.score[y - 1]!];
        }
      }
      for (let x = first + 1; x < assessmentCount; x++) {
        if (a.at[x]! <= a.at[x - 1]!) a.at[x] = a.at[x - 1]! + 1000;
      }
      score = a.score[assessmentCount - 1]!;
      assessedAt = a.at[assessmentCount - 1]!;
    }

    const k = pairStatusCount++;
    s.pair[k] = p;
    s.latestReport[k] = last;
    s.version[k] = n;
    s.status[k] = r.status[last]!;
    s.visibility[k] = r.visibility[last]!;
    s.reviewState[k] = reviewState;
    s.reportedAt[k] = r.at[last]!;
    s.completedAt[k] = completedAt;
    s.score[k] = score;
    s.assessedAt[k] = assessedAt;
    s.updatedAt[k] = Math.max(r.at[last]!, Number.isNaN(lastReviewAt) ? 0 : lastReviewAt, Number.isNaN(assessedAt) ? 0 : assessedAt);
    reportCount += n;
  }

  const reviewAt = v.at.subarray(0, reviewCount);
  const assessmentAt = a.at.subarray(0, assessmentCount);
  return {
    pairCount,
    reports: { count: reportCount, ...r, order: timeOrder(r.at, reportCount) },
    reviews: {
      count: reviewCount,
      report: v.report.subarray(0, reviewCount),
      decision: v.decision.subarray(0, reviewCount),
      at: reviewAt,
      order: timeOrder(reviewAt, reviewCount),
    },
    assessments: {
      count: assessmentCount,
      pair: a.pair.subarray(0, assessmentCount),
      score: a.score.subarray(0, assessmentCount),
      at: assessmentAt,
      order: timeOrder(assessmentAt, assessmentCount),
    },
    pairStatuses: { count: pairStatusCount, ...s },
  };
}
