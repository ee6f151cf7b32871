-- Rules the database enforces itself, whatever the application does.

-- E-mail addresses are unique case-insensitively: they are stored lower-case.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_email_lower_case" CHECK ("email" = lower("email"));

-- A delegate belongs to exactly one country; other roles to none.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_delegate_has_country"
  CHECK (("role" = 'DELEGATE') = ("country_code" IS NOT NULL));

-- NOT_APPLICABLE needs a reason.
ALTER TABLE "report" ADD CONSTRAINT "report_not_applicable_has_reason"
  CHECK ("status" <> 'NOT_APPLICABLE' OR length(btrim(coalesce("not_applicable_reason", ''))) > 0);

ALTER TABLE "report" ADD CONSTRAINT "report_version_positive" CHECK ("version" >= 1);
ALTER TABLE "pair_status" ADD CONSTRAINT "pair_status_version_not_negative" CHECK ("version" >= 0);

-- The G7/G20 Research Group compliance scale.
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_score_scale" CHECK ("score" BETWEEN -1 AND 1);
ALTER TABLE "pair_status" ADD CONSTRAINT "pair_status_assessment_score_scale"
  CHECK ("assessment_score" IS NULL OR "assessment_score" BETWEEN -1 AND 1);

ALTER TABLE "reporting_round" ADD CONSTRAINT "reporting_round_dates" CHECK ("opens_on" <= "closes_on");
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_size" CHECK ("size" > 0 AND "size" <= 10485760);

-- History is append-only: reports, reviews, assessments, comments and the audit log
-- refuse UPDATE and DELETE for every role, the application's own included.
-- (evidence_file.report_id is set once, when its report is submitted.)
CREATE FUNCTION "refuse_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "report_append_only" BEFORE UPDATE OR DELETE ON "report"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "review_append_only" BEFORE UPDATE OR DELETE ON "review"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "assessment_append_only" BEFORE UPDATE OR DELETE ON "assessment"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "comment_append_only" BEFORE UPDATE OR DELETE ON "comment"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "report_no_truncate" BEFORE TRUNCATE ON "report"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
