-- The engine's floor on a slimmer layout that keeps every fact (issue #16): the history an
-- import brings is stored on the person row (the later steps and corrections would be
-- pipeline events, so the history stays append-only), admission and roster line are keyed by
-- the person (no second unique index), no index on person.stage, one admission index, the
-- unique CCCD index built after the load, a rollback journal with synchronous=NORMAL.
-- Source: flat.db made by flat_source.sql. Run on a copy of the units-and-quotas database:
--   sqlite3 floor.db -cmd "ATTACH 'flat.db' AS f" < benchmarks/sql/engine_floor_slim.sql
PRAGMA cache_size = -8192;
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = DELETE;
PRAGMA synchronous = NORMAL;
.timer on
BEGIN;
CREATE TABLE person_slim (
	id INTEGER NOT NULL PRIMARY KEY,
	full_name VARCHAR(200) NOT NULL,
	name_key VARCHAR(200) NOT NULL,
	given_key VARCHAR(200) NOT NULL,
	sort_key VARCHAR(600) NOT NULL,
	birth_date DATE,
	gender VARCHAR(8),
	ethnicity VARCHAR(64),
	religion VARCHAR(64),
	education VARCHAR(32),
	professional_education VARCHAR(32),
	occupation VARCHAR(64),
	national_id VARCHAR(12),
	phone VARCHAR(20),
	unit_id INTEGER REFERENCES unit (id),
	youth_union BOOLEAN NOT NULL,
	trade_union BOOLEAN NOT NULL,
	stage VARCHAR(16),
	stage_on DATE,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	source_date DATE, mentor_detail TEXT, class_date DATE, certificate_no VARCHAR(64),
	application_date DATE, vote_date DATE, vote_detail TEXT, committee_date DATE,
	decision_no VARCHAR(64), decision_date DATE, decision_body VARCHAR(200),
	ceremony_date DATE, official_date DATE, exit_step VARCHAR(32), exit_on DATE, exit_note TEXT
);
CREATE TABLE admission_slim (
	person_id INTEGER NOT NULL PRIMARY KEY REFERENCES person_slim (id),
	unit_id INTEGER NOT NULL REFERENCES unit (id),
	decision_no VARCHAR(64) NOT NULL,
	decision_date DATE NOT NULL,
	decision_body VARCHAR(200),
	ceremony_date DATE,
	official_date DATE,
	struck_off_date DATE,
	recorded_at DATETIME NOT NULL
);
CREATE TABLE member_slim (
	person_id INTEGER NOT NULL PRIMARY KEY REFERENCES person_slim (id),
	unit_id INTEGER NOT NULL REFERENCES unit (id),
	status VARCHAR(16) NOT NULL,
	key_position BOOLEAN NOT NULL,
	position VARCHAR(200),
	admitted_on DATE,
	official_on DATE,
	left_on DATE,
	updated_at DATETIME NOT NULL
);
INSERT INTO person_slim SELECT * FROM f.flat;
INSERT INTO admission_slim
SELECT id, unit_id, coalesce(decision_no, ''), decision_date, decision_body, ceremony_date,
       official_date, CASE WHEN exit_step = 'struck-off' THEN exit_on END, created_at
FROM f.flat WHERE decision_date IS NOT NULL;
INSERT INTO member_slim
SELECT id, unit_id, CASE WHEN official_date IS NOT NULL THEN 'official' ELSE 'probationary' END,
       0, NULL, decision_date, official_date, CASE WHEN exit_step = 'struck-off' THEN exit_on END,
       created_at
FROM f.flat WHERE decision_date IS NOT NULL;
CREATE UNIQUE INDEX uq_person_slim_national_id ON person_slim (national_id);
CREATE INDEX ix_person_slim_given_key ON person_slim (given_key);
CREATE INDEX ix_person_slim_name_key ON person_slim (name_key);
CREATE INDEX ix_person_slim_sort_key ON person_slim (sort_key);
CREATE INDEX ix_person_slim_unit_id ON person_slim (unit_id);
CREATE INDEX ix_admission_slim_unit_id_decision_date ON admission_slim (unit_id, decision_date);
CREATE INDEX ix_member_slim_unit_id ON member_slim (unit_id);
COMMIT;
