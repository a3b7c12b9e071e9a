/**
 * The SQL backend of airlog: an insert-only, hash-chained audit log in H2, PostgreSQL or
 * MariaDB. The schema ships in this jar (versioned scripts
 * {@code io/airlog/jdbc/sql/<dialect>/V<n>__airlog.sql}); {@link io.airlog.jdbc.SchemaManager}
 * creates, migrates or validates it.
 */
package io.airlog.jdbc;
