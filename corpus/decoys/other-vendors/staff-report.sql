-- Staff accounts whose password was never rotated
SELECT sf.id, sf.email, sf.password FROM staff sf WHERE sf.password = ?;
UPDATE staff sf SET sf.password = :new_hash, sf.password_changed_at = now() WHERE sf.id = :id;
SELECT count(*) FROM staff WHERE password_changed_at < now() - interval '365 days';
