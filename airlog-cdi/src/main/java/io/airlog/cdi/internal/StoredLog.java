package io.airlog.cdi.internal;

import io.airlog.stream.JsonLinesVerifier;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the start-up check verifies the log a stream stores. */
public interface StoredLog {

    /** Verifies the log as {@code airlog.verify.on-startup} of {@code settings} says. */
    LogCheck check(StreamSettings settings);

    /** A backend that keeps no chain to verify (memory, none, standard output). */
    StoredLog NOTHING = s -> LogCheck.notVerified(s, "backend " + ConfigReader.spelling(s.backend())
            + " keeps no stored chain to verify");

    /** A JSON-lines file: {@code full} reads it all; otherwise its last event was checked when it was opened. */
    static StoredLog jsonFile(Path file) {
        return s -> {
            if (s.verifyOnStartup() == StreamSettings.VerifyMode.FULL && Files.exists(file)) {
                return LogCheck.of(s, JsonLinesVerifier.verify(file, s.logId()));
            }
            return LogCheck.notVerified(s, "log '" + s.logId() + "': only the last event of " + file
                    + " was verified, when the file was opened");
        };
    }
}
