/**
 * Micrometer meters of airlog ({@link io.airlog.micrometer.AirlogMetrics}).
 */
package io.airlog.micrometer;
