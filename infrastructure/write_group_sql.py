"""The PostgreSQL function that writes a group of concurrent commands' entries at once."""

# Written as psycopg.sql composable text: {function}, {events}, {chain}, {lock_timeout}
# and {channel} are filled in by the recorder (infrastructure/chained_recorders.py).
WRITE_GROUP_FUNCTION = """
CREATE OR REPLACE FUNCTION {function}(
    writers int[], ids uuid[], versions bigint[], topics text[], states bytea[], links bytea[])
RETURNS TABLE (writer int, originator_id uuid, originator_version bigint, notification_id bigint)
LANGUAGE plpgsql AS $function$
BEGIN
    PERFORM set_config('lock_timeout', {lock_timeout}, true);
    -- The library's guarantee: one inserting transaction at a time, positions in order.
    LOCK TABLE {events} IN EXCLUSIVE MODE;
    RETURN QUERY
    WITH g AS (
        SELECT * FROM unnest(writers, ids, versions, topics, states, links)
            WITH ORDINALITY AS g(w, id, v, topic, state, link, n)
    ),
    -- A write is stored all or none: refused if a version it names is already stored,
    -- or named by an earlier write of the group.
    refused AS (
        SELECT g.w FROM g JOIN {events} e
            ON e.originator_id = g.id AND e.originator_version = g.v
        UNION
        SELECT later.w FROM g earlier JOIN g later
            ON earlier.id = later.id AND earlier.v = later.v AND earlier.w < later.w
    ),
    ok AS (SELECT * FROM g WHERE g.w NOT IN (SELECT w FROM refused)),
    stored AS (
        INSERT INTO {events} (originator_id, originator_version, topic, state)
        SELECT ok.id, ok.v, ok.topic, ok.state FROM ok ORDER BY ok.n
        RETURNING {events}.originator_id, {events}.originator_version, {events}.notification_id
    ),
    linked AS (
        INSERT INTO {chain} (plan_id, version, link) SELECT ok.id, ok.v, ok.link FROM ok
    )
    SELECT ok.w, s.originator_id, s.originator_version, s.notification_id
        FROM stored s JOIN ok ON ok.id = s.originator_id AND ok.v = s.originator_version;
    PERFORM pg_notify({channel}, '');
END
$function$
"""
