-- The engine's floor for the same facts on the best storage this model allows (issue #16):
-- as engine_floor.sql, but with a rollback journal and synchronous=NORMAL instead of WAL, the
-- unique CCCD index built once after the load (duplicates are then found by that build, or
-- by a GROUP BY on national_id), no index on person.stage, and one admission index instead
-- of two. The person table is created without its UNIQUE constraint for that. Run it as
-- engine_floor.sql (on a copy of the units-and-quotas database, the import attached as f).
PRAGMA cache_size = -8192;
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = DELETE;
PRAGMA synchronous = NORMAL;
.timer on
BEGIN;
DROP TABLE person;
CREATE TABLE person (
	id INTEGER NOT NULL,
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
	unit_id INTEGER,
	youth_union BOOLEAN NOT NULL,
	trade_union BOOLEAN NOT NULL,
	stage VARCHAR(16),
	stage_on DATE,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	CONSTRAINT pk_person PRIMARY KEY (id),
	CONSTRAINT fk_person_unit_id_unit FOREIGN KEY(unit_id) REFERENCES unit (id)
);
DROP INDEX ix_pipeline_event_person_id;
DROP INDEX ix_admission_decision_date_unit_id;
DROP INDEX ix_admission_unit_id_decision_date;
DROP INDEX ix_member_unit_id;
INSERT INTO main.person SELECT * FROM f.person;
INSERT INTO main.pipeline_event SELECT * FROM f.pipeline_event;
INSERT INTO main.admission SELECT * FROM f.admission;
INSERT INTO main.member SELECT * FROM f.member;
CREATE UNIQUE INDEX uq_person_national_id ON person (national_id);
CREATE INDEX ix_person_given_key ON person (given_key);
CREATE INDEX ix_person_name_key ON person (name_key);
CREATE INDEX ix_person_sort_key ON person (sort_key);
CREATE INDEX ix_person_unit_id ON person (unit_id);
CREATE INDEX ix_pipeline_event_person_id ON pipeline_event (person_id);
CREATE INDEX ix_admission_unit_id_decision_date ON admission (unit_id, decision_date);
CREATE INDEX ix_member_unit_id ON member (unit_id);
COMMIT;
