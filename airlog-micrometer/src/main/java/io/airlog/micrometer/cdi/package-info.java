/**
 * airlog's meters as a CDI bean ({@link io.airlog.micrometer.cdi.AirlogMeterBinder}).
 */
package io.airlog.micrometer.cdi;
