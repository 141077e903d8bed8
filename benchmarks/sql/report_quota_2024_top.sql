-- The quota report for 2024 at the top level, written by hand: each committee directly
-- under the Central Committee with the admissions decided in 2024 anywhere below it,
-- against its 2024 quota. What `dangvien report quota --period 2024 --depth 1` shows.
WITH RECURSIVE own(unit_id, n) AS (
  SELECT unit_id, count(*) FROM admission
  WHERE decision_date BETWEEN '2024-01-01' AND '2024-12-31'
  GROUP BY unit_id
), up(unit_id, parent_id, n) AS (  -- each unit's count, carried up to its top unit
  SELECT o.unit_id, u.parent_id, o.n FROM own AS o JOIN unit AS u ON u.id = o.unit_id
  UNION ALL
  SELECT p.id, p.parent_id, up.n FROM up JOIN unit AS p ON p.id = up.parent_id
), top(unit_id, admitted) AS (
  SELECT unit_id, sum(n) FROM up WHERE parent_id IS NULL GROUP BY unit_id
)
SELECT u.code AS unit_code, u.name AS unit_name, q.source, q.target,
       coalesce(t.admitted, 0) AS admitted,
       round(100.0 * coalesce(t.admitted, 0) / q.target, 1) AS percent,
       max(0, q.target - coalesce(t.admitted, 0)) AS remaining
FROM unit AS u
LEFT JOIN top AS t ON t.unit_id = u.id
LEFT JOIN quota AS q
  ON q.unit_id = u.id AND q.period_id = (SELECT id FROM period WHERE code = '2024')
WHERE u.parent_id IS NULL
ORDER BY u.code_key, q.source;
