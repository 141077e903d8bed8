-- The quota report for 2024 written by hand: every unit, with the admissions decided in
-- 2024 in it and in every unit below it, against its 2024 quota (one row per quota source,
-- or one row with no quota). What `dangvien report quota --period 2024` computes.
WITH RECURSIVE own(unit_id, n) AS (
  SELECT unit_id, count(*) FROM admission
  WHERE decision_date BETWEEN '2024-01-01' AND '2024-12-31'
  GROUP BY unit_id
), up(unit_id, n) AS (  -- each unit's count, carried to every unit above it
  SELECT unit_id, n FROM own
  UNION ALL
  SELECT u.parent_id, up.n FROM up JOIN unit AS u ON u.id = up.unit_id
  WHERE u.parent_id IS NOT NULL
), rolled(unit_id, admitted) AS (  -- every unit, with 0 where nothing was decided
  SELECT unit_id, sum(n) FROM (SELECT unit_id, n FROM up UNION ALL SELECT id, 0 FROM unit)
  GROUP BY unit_id
)
SELECT u.code AS unit_code, u.name AS unit_name, q.source, q.target, r.admitted,
       round(100.0 * r.admitted / q.target, 1) AS percent,
       max(0, q.target - r.admitted) AS remaining
FROM rolled AS r
JOIN unit AS u ON u.id = r.unit_id
LEFT JOIN quota AS q
  ON q.unit_id = u.id AND q.period_id = (SELECT id FROM period WHERE code = '2024')
ORDER BY u.code_key, q.source;
