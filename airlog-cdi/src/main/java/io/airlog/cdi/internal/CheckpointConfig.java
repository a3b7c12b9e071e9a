package io.airlog.cdi.internal;

import static io.airlog.cdi.AirlogConfigKeys.CHECKPOINT_ENABLED;
import static io.airlog.cdi.AirlogConfigKeys.CHECKPOINT_INTERVAL;
import static io.airlog.cdi.AirlogConfigKeys.CHECKPOINT_KEYSTORE;
import static io.airlog.cdi.AirlogConfigKeys.CHECKPOINT_KEYSTORE_ALIAS;
import static io.airlog.cdi.AirlogConfigKeys.CHECKPOINT_KEYSTORE_PASSWORD;
import static io.airlog.cdi.AirlogConfigKeys.CHECKPOINT_KEY_FILE;
import static io.airlog.cdi.AirlogConfigKeys.CHECKPOINT_KEY_NAME;
import static io.airlog.cdi.AirlogConfigKeys.CHECKPOINT_ORIGIN;
import static io.airlog.cdi.AirlogConfigKeys.CHECKPOINT_TRUSTED_KEYS;
import static io.airlog.cdi.AirlogConfigKeys.CHECKPOINT_TRUSTED_KEYS_FILE;
import static io.airlog.cdi.AirlogConfigKeys.WITNESS_DIRECTORY;
import static io.airlog.cdi.AirlogConfigKeys.WITNESS_ENABLED;
import static io.airlog.cdi.AirlogConfigKeys.WITNESS_FILE;
import static io.airlog.cdi.AirlogConfigKeys.WITNESS_WINDOW;

import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.checkpoint.VerifierKey;
import io.airlog.merkle.TreeEdge;
import io.airlog.spi.CheckpointSettings;
import io.airlog.spi.ConfigView;
import io.airlog.witness.FileWitness;
import io.airlog.witness.WitnessPublisher;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoint settings of one stream ({@code airlog.checkpoint.*}, {@code airlog.witness.*},
 * each per stream), read and validated when the stream's backend is opened. A log is signed
 * when a signing key is given ({@code key-file} or {@code keystore}) unless
 * {@code checkpoint.enabled=false}; {@code checkpoint.enabled=true} without a key fails. Every
 * error names the key; none shows key material or the keystore password.
 *
 * @param settings what the backend gets; empty when the log is not signed
 * @param enabledBy the key that turned checkpoints on, for messages
 */
record CheckpointConfig(Optional<CheckpointSettings> settings, String enabledBy) {
    /** The default of {@link AirlogConfigKeys#WITNESS_DIRECTORY}. */
    static final Path DEFAULT_WITNESS_DIRECTORY = Path.of("airlog-witness");
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MIN_WINDOW = Duration.ofMillis(2);

    /**
     * Reads the settings of a stream.
     *
     * @param view the stream's keys (its own first, then the global ones)
     * @param logId the stream's log
     * @throws IllegalArgumentException naming the key of a missing or invalid value, or of a
     *         key that cannot be read
     */
    static CheckpointConfig read(ConfigView view, String logId) {
        Optional<Path> keyFile = view.path(rel(CHECKPOINT_KEY_FILE));
        Optional<Path> keystore = view.path(rel(CHECKPOINT_KEYSTORE));
        String enabledBy = keyFile.isPresent() ? view.keyUsed(rel(CHECKPOINT_KEY_FILE))
                : keystore.isPresent() ? view.keyUsed(rel(CHECKPOINT_KEYSTORE)) : view.keyUsed(rel(CHECKPOINT_ENABLED));
        if (!view.bool(rel(CHECKPOINT_ENABLED), keyFile.isPresent() || keystore.isPresent())) {
            return new CheckpointConfig(Optional.empty(), enabledBy);
        }
        if (keyFile.isPresent() && keystore.isPresent()) {
            throw new IllegalArgumentException(view.keyUsed(rel(CHECKPOINT_KEY_FILE)) + " and "
                    + view.keyUsed(rel(CHECKPOINT_KEYSTORE)) + " are both set for log '" + logId
                    + "': give its signing key one way");
        }
        if (keyFile.isEmpty() && keystore.isEmpty()) {
            throw new IllegalArgumentException(enabledBy + "=true, but log '" + logId + "' has no signing key: set "
                    + view.ownKey(rel(CHECKPOINT_KEY_FILE)) + " (a PEM file, see airlog keygen) or "
                    + view.ownKey(rel(CHECKPOINT_KEYSTORE)));
        }
        String origin = view.text(rel(CHECKPOINT_ORIGIN)).orElse(Checkpoint.defaultOrigin(logId));
        try {
            Checkpoint.of(origin, TreeEdge.empty());
        } catch (IllegalArgumentException e) {
            throw view.invalid(rel(CHECKPOINT_ORIGIN), origin, e.getMessage());
        }
        String keyName = keyName(view, origin);
        NoteSigner signer = keyFile.isPresent() ? pem(view, keyFile.get(), keyName)
                : pkcs12(view, keystore.get(), keyName);
        Duration interval = view.duration(rel(CHECKPOINT_INTERVAL)).orElse(DEFAULT_INTERVAL);
        Duration window = view.duration(rel(WITNESS_WINDOW)).orElse(WitnessPublisher.DEFAULT_WINDOW);
        if (window.compareTo(MIN_WINDOW) < 0) {
            throw view.invalid(rel(WITNESS_WINDOW), view.text(rel(WITNESS_WINDOW)).orElseThrow(),
                    "expected a duration of at least 2ms");
        }
        return new CheckpointConfig(Optional.of(new CheckpointSettings(signer, origin, interval,
                trustedKeys(view), witnessFile(view, logId), window)), enabledBy);
    }

    /** The key that names the witness file of a stream, for claims and messages. */
    static String witnessKey(ConfigView view) {
        return view.text(rel(WITNESS_FILE)).isPresent() ? view.keyUsed(rel(WITNESS_FILE))
                : view.keyUsed(rel(WITNESS_DIRECTORY));
    }

    private static String rel(String globalKey) {
        return globalKey.substring(AirlogConfigKeys.PREFIX.length());
    }

    /** The configured key name, else the origin up to its first slash. */
    private static String keyName(ConfigView view, String origin) {
        Optional<String> configured = view.text(rel(CHECKPOINT_KEY_NAME));
        String name = configured.orElse(origin.contains("/") ? origin.substring(0, origin.indexOf('/')) : origin);
        try {
            return SigningKeys.checkKeyName(name);
        } catch (IllegalArgumentException e) {
            if (configured.isPresent()) {
                throw view.invalid(rel(CHECKPOINT_KEY_NAME), name, e.getMessage());
            }
            throw new IllegalArgumentException(view.keyUsed(rel(CHECKPOINT_KEY_NAME)) + " is required: the origin '"
                    + origin + "' gives no valid key name (" + e.getMessage() + ")", e);
        }
    }

    private static NoteSigner pem(ConfigView view, Path file, String keyName) {
        try {
            return SigningKeys.readPem(file, keyName);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalArgumentException(view.keyUsed(rel(CHECKPOINT_KEY_FILE)) + ": " + e.getMessage(), e);
        }
    }

    private static NoteSigner pkcs12(ConfigView view, Path file, String keyName) {
        String why = "the signing keystore " + view.keyUsed(rel(CHECKPOINT_KEYSTORE));
        String alias = view.required(rel(CHECKPOINT_KEYSTORE_ALIAS), why);
        char[] password = view.required(rel(CHECKPOINT_KEYSTORE_PASSWORD), why).toCharArray();
        try {
            return SigningKeys.readPkcs12(file, alias, password, keyName);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            String hint = e.getMessage().contains("wrong password")
                    ? " (check " + view.keyUsed(rel(CHECKPOINT_KEYSTORE_PASSWORD)) + ")"
                    : e.getMessage().contains("has no entry")
                    ? " (check " + view.keyUsed(rel(CHECKPOINT_KEYSTORE_ALIAS)) + ")" : "";
            throw new IllegalArgumentException(view.keyUsed(rel(CHECKPOINT_KEYSTORE)) + ": " + e.getMessage() + hint,
                    e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static TrustedKeys trustedKeys(ConfigView view) {
        List<VerifierKey> inline = new ArrayList<>();
        for (String key : view.list(rel(CHECKPOINT_TRUSTED_KEYS))) {
            try {
                inline.add(VerifierKey.parse(key));
            } catch (IllegalArgumentException e) {
                throw view.invalid(rel(CHECKPOINT_TRUSTED_KEYS), key, e.getMessage());
            }
        }
        TrustedKeys keys = TrustedKeys.of(inline);
        Optional<Path> file = view.path(rel(CHECKPOINT_TRUSTED_KEYS_FILE));
        if (file.isPresent()) {
            try {
                keys = keys.and(TrustedKeys.read(file.get()));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new IllegalArgumentException(view.keyUsed(rel(CHECKPOINT_TRUSTED_KEYS_FILE)) + ": "
                        + e.getMessage(), e);
            }
        }
        return keys;
    }

    /** The prefix under which a key is set ({@code airlog.} or {@code airlog.streams.<name>.}). */
    private static String prefixOf(ConfigView view, String globalKey) {
        String used = view.keyUsed(rel(globalKey));
        return used.substring(0, used.length() - rel(globalKey).length());
    }

    private static Optional<Path> witnessFile(ConfigView view, String logId) {
        Optional<Path> file = view.path(rel(WITNESS_FILE));
        Optional<Path> directory = view.path(rel(WITNESS_DIRECTORY));
        if (!view.bool(rel(WITNESS_ENABLED), true)) {
            return Optional.empty();
        }
        if (file.isPresent() && directory.isPresent()) {
            String filePrefix = prefixOf(view, WITNESS_FILE);
            if (filePrefix.equals(prefixOf(view, WITNESS_DIRECTORY))) {
                throw new IllegalArgumentException(view.keyUsed(rel(WITNESS_FILE)) + " and "
                        + view.keyUsed(rel(WITNESS_DIRECTORY)) + " are both set for log '" + logId
                        + "': give its witness one way");
            }
            // the stream's own key wins over the global one
            return Optional.of(filePrefix.equals(view.prefixes().get(0)) ? file.get()
                    : FileWitness.fileFor(directory.get(), logId));
        }
        return Optional.of(file.orElseGet(() -> FileWitness.fileFor(directory.orElse(DEFAULT_WITNESS_DIRECTORY),
                logId)));
    }
}
