-- A mail about one event registration (its ticket, a promotion from the waitlist, the feedback invitation, the
-- event's cancellation) names that registration: the registration's erasure deletes its mails by this column,
-- never by searching their text (a mail that merely quotes a ticket code is not one of them). Nullable: most
-- mails are about no registration. The index holds only the rows that name one.
ALTER TABLE mail_outbox ADD COLUMN registration_id text;
CREATE INDEX mail_outbox_registration_idx ON mail_outbox (registration_id) WHERE registration_id IS NOT NULL;

-- The ticket mails already kept name their registration by its ticket code in the text, to its address: this
-- once, they are found that way (only the two ticket-mail purposes, so no other mail is taken for one).
UPDATE mail_outbox o SET registration_id = r.id
  FROM event_registrations r
  WHERE o.purpose IN ('event-registration', 'event-waitlist-promotion')
    AND lower(o.to_address) = lower(r.email) AND strpos(o.body_text, r.ticket_code) > 0;
