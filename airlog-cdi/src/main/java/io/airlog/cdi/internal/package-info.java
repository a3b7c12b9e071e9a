/**
 * Implementation of airlog-cdi. Nothing in this package is API: it may change in any release
 * without notice.
 */
package io.airlog.cdi.internal;
