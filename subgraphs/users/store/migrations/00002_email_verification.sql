-- +goose Up
-- Accounts from before verification existed: password accounts stay
-- unverified (anyone could have registered them), accounts with a linked
-- provider were vouched for by that provider.
ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE users SET email_verified = TRUE WHERE id IN (SELECT user_id FROM identities);

-- A sign-up is not an account until its emailed link is followed. Each
-- sign-up keeps its own password hash, so a stranger's sign-up for the same
-- address cannot replace the owner's.
CREATE TABLE pending_signups (
    token_hash    TEXT PRIMARY KEY,
    email         TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    expires_at    TIMESTAMP NOT NULL
);
CREATE INDEX pending_signups_email ON pending_signups(email);

-- Single-use links for existing accounts: verify, reset, change_email.
CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    purpose    TEXT NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    email      TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX email_tokens_user ON email_tokens(user_id, purpose);

-- +goose Down
DROP TABLE email_tokens;
DROP TABLE pending_signups;
ALTER TABLE users DROP COLUMN email_verified;
