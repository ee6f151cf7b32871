import { describe, expect, it } from "vitest";
import {
  buildHistories,
  COMPLETE,
  DATA_END,
  DAY,
  NO_SCORE,
  NO_STATUS,
  NOT_APPLICABLE,
  type Histories,
  type HistoryOptions,
} from "./histories";

const shape = (reports: number, seed = 7): HistoryOptions => ({
  seed,
  reports,
  sessionStarts: [Date.UTC(2021, 2, 1), Date.UTC(2022, 2, 1), Date.UTC(2023, 2, 1)],
  commitmentsPerSession: 5,
  countryCount: 4,
});

/** Every invariant the database rows will rely on, checked on the plain columns. */
function expectConsistent(h: Histories, reports: number) {
  const r = h.reports;
  expect(r.count).toBe(reports);
  const byPair = new Map<number, number[]>();
  for (let i = 0; i < r.count; i++) byPair.set(r.pair[i]!, [...(byPair.get(r.pair[i]!) ?? []), i]);
  expect(h.pairStatuses.count).toBe(byPair.size);

  const reviewsOf = new Map<number, number[]>();
  for (let i = 0; i < h.reviews.count; i++) reviewsOf.set(h.reviews.report[i]!, [...(reviewsOf.get(h.reviews.report[i]!) ?? []), i]);
  const assessmentsOf = new Map<number, number[]>();
  for (let i = 0; i < h.assessments.count; i++) {
    assessmentsOf.set(h.assessments.pair[i]!, [...(assessmentsOf.get(h.assessments.pair[i]!) ?? []), i]);
  }

  for (let k = 0; k < h.pairStatuses.count; k++) {
    const pair = h.pairStatuses.pair[k]!;
    const reportsOfPair = byPair.get(pair)!;
    const n = reportsOfPair.length;
    let completedAt = Number.NaN;
    reportsOfPair.forEach((i, j) => {
      expect(r.version[i]).toBe(j + 1);
      expect(r.previous[i]).toBe(j === 0 ? NO_STATUS : r.status[reportsOfPair[j - 1]!]);
      if (j > 0) expect(r.at[i]).toBeGreaterThan(r.at[reportsOfPair[j - 1]!]!);
      // Once not applicable, always not applicable.
      if (j > 0 && r.previous[i] === NOT_APPLICABLE) expect(r.status[i]).toBe(NOT_APPLICABLE);
      if (r.status[i] !== COMPLETE) completedAt = Number.NaN;
      else if (r.previous[i] !== COMPLETE) completedAt = r.at[i]!;
      for (const v of reviewsOf.get(i) ?? []) {
        expect(h.reviews.at[v]).toBeGreaterThan(r.at[i]!);
        if (j < n - 1) expect(h.reviews.at[v]).toBeLessThan(r.at[reportsOfPair[j + 1]!]!);
      }
    });
    const last = reportsOfPair[n - 1]!;
    expect(h.pairStatuses.latestReport[k]).toBe(last);
    expect(h.pairStatuses.version[k]).toBe(n);
    expect(h.pairStatuses.status[k]).toBe(r.status[last]);
    expect(h.pairStatuses.visibility[k]).toBe(r.visibility[last]);
    expect(h.pairStatuses.reportedAt[k]).toBe(r.at[last]);
    expect(h.pairStatuses.completedAt[k]).toEqual(completedAt);

    const lastReviews = (reviewsOf.get(last) ?? []).sort((a, b) => h.reviews.at[a]! - h.reviews.at[b]!);
    const latestReview = lastReviews[lastReviews.length - 1];
    const expectedState = latestReview === undefined ? 0 : h.reviews.decision[latestReview] === 1 ? 2 : 1;
    expect(h.pairStatuses.reviewState[k]).toBe(expectedState);

    const assessments = (assessmentsOf.get(pair) ?? []).sort((a, b) => h.assessments.at[a]! - h.assessments.at[b]!);
    const latest = assessments[assessments.length - 1];
    expect(h.pairStatuses.score[k]).toBe(latest === undefined ? NO_SCORE : h.assessments.score[latest]);
    expect(h.pairStatuses.assessedAt[k]).toEqual(latest === undefined ? Number.NaN : h.assessments.at[latest]);
    for (let x = 1; x < assessments.length; x++) {
      expect(h.assessments.at[assessments[x]!]).toBeGreaterThan(h.assessments.at[assessments[x - 1]!]!);
    }
  }

  for (let k = 1; k < r.count; k++) expect(r.at[r.order[k]!]).toBeGreaterThanOrEqual(r.at[r.order[k - 1]!]!);
  for (const at of [...r.at, ...h.reviews.at, ...h.assessments.at]) expect(at).toBeLessThan(DATA_END + 30 * DAY);
}

describe("synthetic histories", () => {
  it.each([0, 1, 37, 60, 61, 2_000])("hold exactly %i reports, consistently", (reports) => {
    expectConsistent(buildHistories(shape(reports)), reports);
  });

  it("give most pairs a report and some pairs long histories", () => {
    const h = buildHistories(shape(2_000));
    expect(h.pairCount).toBe(60);
    expect(h.pairStatuses.count).toBeGreaterThan(45);
    expect(Math.max(...h.pairStatuses.version)).toBeGreaterThan(40);
    expect(h.reviews.count).toBeGreaterThan(1_000);
    expect(h.assessments.count).toBeGreaterThan(10);
  });

  it("are the same for the same seed and differ for another", () => {
    const a = buildHistories(shape(2_000, 1));
    const b = buildHistories(shape(2_000, 1));
    const c = buildHistories(shape(2_000, 2));
    expect(b).toEqual(a);
    expect(Buffer.from(c.reports.at.buffer).equals(Buffer.from(a.reports.at.buffer))).toBe(false);
  });

  it("refuse a negative or fractional count", () => {
    expect(() => buildHistories(shape(-1))).toThrow();
    expect(() => buildHistories(shape(1.5))).toThrow();
  });
});
