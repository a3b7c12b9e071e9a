package io.airlog.stream;

/**
 * When a {@link JsonLinesAuditStream} hands its lines to the operating system and to the disk.
 */
public enum JsonLinesDurability {
    /**
     * Lines are buffered in the JVM and written when the buffer fills and at close. Fastest;
     * a crash of the JVM loses the buffered lines.
     */
    BUFFERED,
    /**
     * Each line is written to the operating system before {@code record()} returns (default).
     * Survives a crash of the JVM; a crash of the machine may lose the last lines.
     */
    FLUSH,
    /**
     * Each line is written and forced to the storage device ({@code fsync}) before
     * {@code record()} returns. Survives a power loss; slowest (one device sync per event).
     * Only for files.
     */
    FSYNC
}
