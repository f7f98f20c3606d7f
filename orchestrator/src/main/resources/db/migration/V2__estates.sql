-- Estates registered over the API, kept as the source text the user sent (like experiments), under
-- the name in the document. Experiments refer to one with `estate: <name>`. There is no foreign key
-- from experiment: the reference sits inside the experiment's source text, so the API checks it
-- before it deletes or replaces an estate.
CREATE TABLE estate (
    name       VARCHAR(200)             NOT NULL,
    format     VARCHAR(16)              NOT NULL,
    source     TEXT                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT estate_pk PRIMARY KEY (name)
);
