-- A flat copy of an imported database, one row per candidate with its imported history, as
-- the source of engine_floor_slim.sql (so that the floor times storing, not pivoting):
--   sqlite3 flat.db -cmd "ATTACH 'imported.db' AS f" < benchmarks/sql/flat_source.sql
CREATE TABLE flat AS
SELECT p.*, h.source_date, h.mentor_detail, h.class_date, h.certificate_no, h.application_date,
       h.vote_date, h.vote_detail, h.committee_date, h.decision_no, h.decision_date,
       h.decision_body, h.ceremony_date, h.official_date, h.exit_step, h.exit_on, h.exit_note
FROM f.person AS p JOIN (
  SELECT person_id,
    max(CASE WHEN step = 'sourced' THEN occurred_on END) AS source_date,
    max(CASE WHEN step = 'sourced' THEN detail END) AS mentor_detail,
    max(CASE WHEN step = 'class' THEN occurred_on END) AS class_date,
    max(CASE WHEN step = 'class' THEN document_no END) AS certificate_no,
    max(CASE WHEN step = 'application' THEN occurred_on END) AS application_date,
    max(CASE WHEN step = 'cell-vote' THEN occurred_on END) AS vote_date,
    max(CASE WHEN step = 'cell-vote' THEN detail END) AS vote_detail,
    max(CASE WHEN step = 'committee-resolution' THEN occurred_on END) AS committee_date,
    max(CASE WHEN step = 'decision' THEN document_no END) AS decision_no,
    max(CASE WHEN step = 'decision' THEN occurred_on END) AS decision_date,
    max(CASE WHEN step = 'decision' THEN issuer END) AS decision_body,
    max(CASE WHEN step = 'ceremony' THEN occurred_on END) AS ceremony_date,
    max(CASE WHEN step = 'official' THEN occurred_on END) AS official_date,
    max(CASE WHEN step IN ('rejected', 'withdrawn', 'struck-off') THEN step END) AS exit_step,
    max(CASE WHEN step IN ('rejected', 'withdrawn', 'struck-off') THEN occurred_on END) AS exit_on,
    max(CASE WHEN step IN ('rejected', 'withdrawn', 'struck-off') THEN note END) AS exit_note
  FROM f.pipeline_event GROUP BY person_id
) AS h ON h.person_id = p.id
ORDER BY p.id;
