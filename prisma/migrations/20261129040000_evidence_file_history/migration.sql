-- Evidence attached to a submitted report is part of the history: a pending file (report_id
-- NULL) may be removed by its uploader or attached to a report — report_id set once, nothing
-- else changed — and once attached it is never changed or deleted, by any role.
CREATE FUNCTION "guard_evidence_file"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."report_id" IS NOT NULL THEN
      RAISE EXCEPTION 'table evidence_file is append-only once attached: DELETE refused'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."report_id" IS NOT NULL OR NEW."report_id" IS NULL
     OR (NEW."id", NEW."commitment_id", NEW."country_code", NEW."uploader_id", NEW."filename",
         NEW."mime_type", NEW."size", NEW."sha256", NEW."content", NEW."created_at")
        IS DISTINCT FROM
        (OLD."id", OLD."commitment_id", OLD."country_code", OLD."uploader_id", OLD."filename",
         OLD."mime_type", OLD."size", OLD."sha256", OLD."content", OLD."created_at") THEN
    RAISE EXCEPTION 'table evidence_file is append-only once attached: UPDATE refused'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "evidence_file_history" BEFORE UPDATE OR DELETE ON "evidence_file"
  FOR EACH ROW EXECUTE FUNCTION "guard_evidence_file"();
CREATE TRIGGER "evidence_file_no_truncate" BEFORE TRUNCATE ON "evidence_file"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
