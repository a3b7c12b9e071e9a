/**
 * The airlog demo application: a small document service on Quarkus whose service bean is
 * audited with {@code @AuditLog}, an audit API (events, verification) and the audit viewer
 * page. Not a library: nothing here carries a compatibility promise.
 */
package io.airlog.demo;
