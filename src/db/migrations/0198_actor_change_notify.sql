-- Actor changes announced to every app process (ADR 0013, "Session cache"): each process keeps who a session
-- belongs to for at most two seconds, and forgets it at once when this channel names the account ('*' = all).
-- The triggers sit on the rows the actor is made of, so every writer is covered: better-auth's sign-out and
-- session revocation, the sweeps, the erasure, role grants, account changes, and SQL run by hand.
-- NOTIFY is sent at commit (and not at all on rollback); identical payloads in one transaction are sent once.
CREATE FUNCTION notify_actor_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  who text := '*';
BEGIN
  IF TG_ARGV[0] <> '*' THEN
    IF TG_OP = 'DELETE' THEN
      who := to_jsonb(OLD) ->> TG_ARGV[0];
    ELSE
      who := to_jsonb(NEW) ->> TG_ARGV[0];
    END IF;
  END IF;
  PERFORM pg_notify('actor_changed', coalesce(who, '*'));
  RETURN NULL;
END
$$;

-- A session ends (sign-out, revocation, password change) or is moved. One already expired is never served from
-- a cache (expiry is checked on every hit), so the sweep's deletions of expired sessions send nothing.
CREATE TRIGGER sessions_actor_change AFTER DELETE OR UPDATE OF token, expires_at, user_id ON sessions
  FOR EACH ROW WHEN (OLD.expires_at > now()) EXECUTE FUNCTION notify_actor_change('user_id');
-- The account's name, address, two-step state or disabling.
CREATE TRIGGER users_actor_change AFTER DELETE OR UPDATE OF email, name, two_factor_enabled, disabled_at ON users
  FOR EACH ROW EXECUTE FUNCTION notify_actor_change('id');
-- A role granted, revoked or moved (access module's table; the access module's grant cache listens too).
CREATE TRIGGER role_grants_actor_change AFTER INSERT OR UPDATE OR DELETE ON role_grants
  FOR EACH ROW EXECUTE FUNCTION notify_actor_change('user_id');
-- Settings are rare writes; the staff two-step requirement rides on the session read, so any change forgets all.
CREATE TRIGGER settings_actor_change AFTER INSERT OR UPDATE OR DELETE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_change('*');
