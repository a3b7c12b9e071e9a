/**
 * MicroProfile Health integration. Used only where the container has MicroProfile Health;
 * airlog-cdi does not depend on it otherwise.
 */
package io.airlog.cdi.health;
