package io.airlog;

import java.util.Objects;

/**
 * A snapshot of a stream's state, for health checks and metrics.
 *
 * @param status whether the stream stores events ({@link Status#UP}), stores them but lost or
 *               altered some recently ({@link Status#DEGRADED}), or does not store them now
 *               ({@link Status#DOWN}); each stream documents when it reports which
 * @param recorded events stored since the stream was opened
 * @param failed events that could not be stored (the caller got an error, or the failure was
 *               only logged)
 * @param queued events waiting in a queue (0 for synchronous streams)
 * @param detail a human-readable explanation, empty when all is well
 */
public record StreamHealth(Status status, long recorded, long failed, long queued, String detail) {

    /** How well a stream works. */
    public enum Status {
        /** Events are stored. */
        UP,
        /**
         * Events are stored, but recently some were lost (a failure that was only logged) or
         * stored with a value replaced by a marker; the detail says what and how many.
         */
        DEGRADED,
        /** Events are not stored now: the stream is closed, or its backend fails or does not answer. */
        DOWN;

        /** The worse of this status and {@code other}. */
        public Status worse(Status other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /**
     * @throws NullPointerException if {@code status} or {@code detail} is null
     */
    public StreamHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@link Status#UP} when {@code up}, else {@link Status#DOWN}. */
    public static Status status(boolean up) {
        return up ? Status.UP : Status.DOWN;
    }

    /** Whether the stream stores events: {@link Status#UP} or {@link Status#DEGRADED}. */
    public boolean up() {
        return status != Status.DOWN;
    }
}
