package io.airlog.spi;

/** How a stored log is verified when the application starts ({@code airlog.verify.on-startup}). */
public enum VerifyMode {
    /** From the position verified last time (or only what the backend can check quickly). */
    INCREMENTAL,
    /** Every stored event, from the first. */
    FULL,
    /** Not at all. */
    OFF
}
