/**
 * airlog for CDI (Jakarta EE, MicroProfile, Quarkus): the {@link io.airlog.cdi.AuditLog}
 * interceptor binding and the parameter annotations that choose what an event records, the
 * audit interceptors, {@link io.airlog.cdi.AuditStreamName} for injecting named streams, and
 * {@link io.airlog.cdi.AirlogConfigKeys}, every MicroProfile Config key airlog-cdi reads.
 */
package io.airlog.cdi;
