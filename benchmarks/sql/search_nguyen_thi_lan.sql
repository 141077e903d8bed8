-- `dangvien candidate list --search "Nguyễn Thị Lan"` written by hand: names that start
-- with the folded key read family-first or given-first, in Vietnamese order.
SELECT p.id, p.full_name, p.birth_date, u.code AS unit_code, p.stage, p.stage_on,
       a.decision_date
FROM person AS p
JOIN unit AS u ON u.id = p.unit_id
LEFT JOIN admission AS a ON a.person_id = p.id
WHERE p.stage IS NOT NULL
  AND ((p.name_key >= 'nguyen thi lan' AND p.name_key < 'nguyen thi lan' || char(65535))
    OR (p.given_key >= 'nguyen thi lan' AND p.given_key < 'nguyen thi lan' || char(65535)))
ORDER BY p.sort_key, p.id;
