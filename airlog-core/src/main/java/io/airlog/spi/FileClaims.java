package io.airlog.spi;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The files the streams of one application write: a file has one writer, so a second stream
 * that names a file already claimed fails to open, naming both keys. Safe for concurrent use.
 */
public final class FileClaims {
    private final Map<Path, String> claims = new HashMap<>();

    /** No file claimed yet. */
    public FileClaims() {
    }

    /**
     * Claims {@code file} for a stream.
     *
     * @param stream the stream's name
     * @param key the full key that names the file
     * @param file the file
     * @throws IllegalArgumentException if another stream claimed it
     */
    public synchronized void claim(String stream, String key, Path file) {
        Path normal = file.toAbsolutePath().normalize();
        String earlier = claims.putIfAbsent(normal, "audit stream '" + stream + "' (" + key + ")");
        if (earlier != null) {
            throw new IllegalArgumentException(key + ": file " + normal + " is already written by " + earlier
                    + "; a file has one writer");
        }
    }
}
