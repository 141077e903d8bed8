-- The engine's own floor for a candidate import: SQLite storing, with no Python and no
-- parsing, exactly what dangvien stores for a million candidates (people, pipeline events,
-- admissions, roster lines), with its foreign keys, WAL, unique keys, and the secondary
-- indexes built once at the end as dangvien's bulk load does. Run it on a copy of the
-- database holding only the units and quotas, with a database dangvien imported attached:
--   cp base.db floor.db
--   sqlite3 floor.db -cmd "ATTACH 'imported.db' AS f" < benchmarks/sql/engine_floor.sql
PRAGMA cache_size = -8192;
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = WAL;
.timer on
BEGIN;
DROP INDEX ix_person_given_key;
DROP INDEX ix_person_name_key;
DROP INDEX ix_person_sort_key;
DROP INDEX ix_person_stage;
DROP INDEX ix_person_unit_id;
DROP INDEX ix_pipeline_event_person_id;
DROP INDEX ix_admission_decision_date_unit_id;
DROP INDEX ix_admission_unit_id_decision_date;
DROP INDEX ix_member_unit_id;
INSERT INTO main.person SELECT * FROM f.person;
INSERT INTO main.pipeline_event SELECT * FROM f.pipeline_event;
INSERT INTO main.admission SELECT * FROM f.admission;
INSERT INTO main.member SELECT * FROM f.member;
CREATE INDEX ix_person_given_key ON person (given_key);
CREATE INDEX ix_person_name_key ON person (name_key);
CREATE INDEX ix_person_sort_key ON person (sort_key);
CREATE INDEX ix_person_stage ON person (stage);
CREATE INDEX ix_person_unit_id ON person (unit_id);
CREATE INDEX ix_pipeline_event_person_id ON pipeline_event (person_id);
CREATE INDEX ix_admission_decision_date_unit_id ON admission (decision_date, unit_id);
CREATE INDEX ix_admission_unit_id_decision_date ON admission (unit_id, decision_date);
CREATE INDEX ix_member_unit_id ON member (unit_id);
COMMIT;
