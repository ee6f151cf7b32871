-- Rules of sessions, commitments and rounds that PostgreSQL enforces itself.

-- A commitment is due on a date, or a number of days before the next session opens — not both.
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_one_due_rule"
  CHECK ("due_date" IS NULL OR "due_days_before_next_session" IS NULL);
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_due_days_range"
  CHECK ("due_days_before_next_session" IS NULL OR "due_days_before_next_session" BETWEEN 1 AND 3650);

-- A link to an earlier commitment says how it relates (continues, amends), and never to itself.
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_link_kind_with_previous"
  CHECK (("previous_id" IS NULL) = ("link_kind" IS NULL));
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_not_its_own_previous"
  CHECK ("previous_id" IS NULL OR "previous_id" <> "id");

-- A withdrawal reason belongs to a withdrawn commitment.
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_withdrawn_reason"
  CHECK ("withdrawn_reason" IS NULL OR "withdrawn_at" IS NOT NULL);

ALTER TABLE "reporting_round" ADD CONSTRAINT "reporting_round_name"
  CHECK (length(btrim("name")) > 0);
ALTER TABLE "council_session" ADD CONSTRAINT "council_session_dates"
  CHECK ("ends_on" IS NULL OR "starts_on" <= "ends_on");
ALTER TABLE "council_session" ADD CONSTRAINT "council_session_number_positive" CHECK ("number" >= 1);

-- Reporting rounds ask, for every (commitment, country) pair of a session, whether a report was
-- submitted within the round's dates: one index probe per pair, whatever the history's length.
CREATE INDEX "report_commitment_id_country_code_submitted_at_idx" ON "report"("commitment_id", "country_code", "submitted_at");
