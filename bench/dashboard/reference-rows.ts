// The rows around the history: council sessions, their commitments and the users who write
// reports, reviews and assessments. Rows that already exist (the real 35th session and its
// commitments) are kept as they are and only referred to.
import type { CopyValue } from "./copy-rows";
import { DAY } from "./histories";
import { createRandom } from "./prng";
import { CITIES, commitmentTexts, sessionTexts } from "./texts";
import { uuidV7 } from "./uuid";

export const BENCH_EMAIL_DOMAIN = "bench.tanfeeth.org";
/** Every benchmark account signs in with this password. */
export const BENCH_PASSWORD = "Tanfeeth-bench-40";
// argon2id of BENCH_PASSWORD with the application's parameters (lib/auth/password.ts),
// computed once: hashing in the generator would cost a second per account.
const BENCH_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$f72QnT8YxPR6XO9aNqGJXw$yffY30DN5oTOH/n9xjh7SzucfPQ6czGHlW3ju5NBAg0";

export const LAST_SESSION = 40;

export type ExistingSession = { id: string; number: number; startsOn: Date };
export type ExistingCommitment = { id: string; code: string; sessionNumber: number };

export type ReferenceOptions = {
  seed: number;
  /** Session numbers, ascending. */
  sessionNumbers: readonly number[];
  commitmentsPerSession: number;
  countryCodes: readonly string[];
  themeIds: readonly string[];
  existingSessions: readonly ExistingSession[];
  existingCommitments: readonly ExistingCommitment[];
};

export type ReferenceRows = {
  /** Opening instant (ms) of each session, in the order of `sessionNumbers`. */
  sessionStarts: number[];
  sessions: CopyValue[][];
  /** Id and code of commitment k (0-based) of session s at index s × commitmentsPerSession + k. */
  commitmentIds: string[];
  commitmentCodes: string[];
  commitments: CopyValue[][];
  users: CopyValue[][];
  /** Delegate user id per country, in the order of `countryCodes`. */
  delegateIds: string[];
  secretariatId: string;
};

export const SESSION_COLUMNS = [
  "id", "number", "city_ar", "city_en", "starts_on", "ends_on", "title_ar", "title_en",
  "communique_ar", "communique_en", "created_at", "updated_at",
] as const;

export const COMMITMENT_COLUMNS = [
  "id", "session_id", "code", "sort_order", "theme_id", "title_ar", "title_en", "text_ar", "text_en",
  "source_ar", "due_date", "due_days_before_next_session", "previous_id", "link_kind", "created_at", "updated_at",
] as const;

export const USER_COLUMNS = [
  "id", "email", "name", "role", "country_code", "password_hash", "password_changed_at", "created_at", "updated_at",
] as const;

export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const isoTime = (ms: number) => new Date(ms).toISOString();

/** Sessions met about once a year; the 35th opened in Algiers on 7 March 2018. */
export function sessionStartFor(number: number): number {
  return Date.UTC(1983 + number, 2, 1 + ((number * 7) % 27));
}

export function planReferenceRows(options: ReferenceOptions): ReferenceRows {
  const random = createRandom(options.seed, 1);
  const ids = createRandom(options.seed, 3);
  const existingSession = new Map(options.existingSessions.map((s) => [s.number, s]));
  const existingCommitment = new Map(options.existingCommitments.map((c) => [c.code, c]));
  const last = options.sessionNumbers[options.sessionNumbers.length - 1];

  const sessionStarts: number[] = [];
  const sessions: CopyValue[][] = [];
  const commitmentIds: string[] = [];
  const commitmentCodes: string[] = [];
  const commitments: CopyValue[][] = [];
  let commitmentSequence = 0;

  options.sessionNumbers.forEach((number, sessionIndex) => {
    const existing = existingSession.get(number);
    const opens = existing ? existing.startsOn.getTime() : sessionStartFor(number);
    sessionStarts.push(opens);
    let sessionId = existing?.id;
    if (!sessionId) {
      sessionId = uuidV7(opens, sessions.length, ids);
      const [cityAr, cityEn] = random.pick(CITIES);
      const { titleAr, titleEn, communiqueAr } = sessionTexts(number);
      sessions.push([
        sessionId, number, cityAr, cityEn, isoDate(opens), isoDate(opens + DAY), titleAr, titleEn,
        communiqueAr, null, isoTime(opens), isoTime(opens),
      ]);
    }

    for (let k = 1; k <= options.commitmentsPerSession; k++) {
      const code = `${number}/${k}`;
      const found = existingCommitment.get(code);
      if (found && found.sessionNumber !== number) {
        throw new Error(`Commitment ${code} exists but belongs to session ${found.sessionNumber}.`);
      }
      commitmentCodes.push(code);
      if (found) {
        commitmentIds.push(found.id);
        continue;
      }
      const id = uuidV7(opens, commitmentSequence++, ids);
      commitmentIds.push(id);
      // Due dates: most commitments carry one, some are due a set time before the next
      // session, the rest have none (as the real communiqué).
      let dueDate: string | null = null;
      let dueDaysBeforeNext: number | null = null;
      const due = random.next();
      if (due < 0.65) dueDate = isoDate(opens + (180 + random.int(1820)) * DAY);
      else if (due < 0.75 && number !== last) dueDaysBeforeNext = random.pick([30, 60, 90]);
      // A tenth continue the same-numbered commitment of the previous session.
      const previousIndex = (sessionIndex - 1) * options.commitmentsPerSession + (k - 1);
      const continues = sessionIndex > 0 && random.chance(0.1);
      const texts = commitmentTexts(code);
      commitments.push([
        id, sessionId, code, k, random.pick(options.themeIds), texts.titleAr, texts.titleEn, texts.textAr,
        texts.textEn, texts.sourceAr, dueDate, dueDaysBeforeNext,
        continues ? commitmentIds[previousIndex]! : null, continues ? "CONTINUES" : null,
        isoTime(opens), isoTime(opens),
      ]);
    }
  });

  const createdAt = sessionStarts[0] ?? sessionStartFor(1);
  const users: CopyValue[][] = [];
  const user = (email: string, name: string, role: string, countryCode: string | null) => {
    const id = uuidV7(createdAt, users.length, ids);
    const at = isoTime(createdAt);
    users.push([id, email, name, role, countryCode, BENCH_PASSWORD_HASH, at, at, at]);
    return id;
  };
  const delegateIds = options.countryCodes.map((code) =>
    user(`delegate.${code.toLowerCase()}@${BENCH_EMAIL_DOMAIN}`, `Delegate ${code} (bench)`, "DELEGATE", code),
  );
  const secretariatId = user(`secretariat@${BENCH_EMAIL_DOMAIN}`, "Secretariat (bench)", "SECRETARIAT", null);
  user(`observer@${BENCH_EMAIL_DOMAIN}`, "Observer (bench)", "OBSERVER", null);

  return { sessionStarts, sessions, commitmentIds, commitmentCodes, commitments, users, delegateIds, secretariatId };
}
