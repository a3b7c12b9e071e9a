/**
 * The SQL backend of airlog: an insert-only, hash-chained audit log in H2, PostgreSQL or
 * MariaDB. The schema ships in this jar ({@code io/airlog/jdbc/sql/<dialect>/V1__airlog.sql});
 * {@link io.airlog.jdbc.SchemaManager} creates or validates it.
 */
package io.airlog.jdbc;
