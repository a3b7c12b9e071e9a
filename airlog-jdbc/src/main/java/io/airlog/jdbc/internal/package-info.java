/**
 * Implementation of airlog-jdbc. Nothing in this package is API: it may change in any
 * release without notice.
 */
package io.airlog.jdbc.internal;
