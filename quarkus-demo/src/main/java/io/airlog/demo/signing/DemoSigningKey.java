package io.airlog.demo.signing;

import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.VerifierKey;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that signs the audit log's checkpoints: the PEM file {@code airlog.checkpoint.key-file}
 * names. A demo has no key ceremony, so a missing key is made at start, before airlog opens its
 * stream (this observer of {@link Startup} runs before airlog's, which has the default
 * priority); a real application is given its key ({@code airlog keygen}) and never makes one.
 * The verifier key, what an auditor needs ({@code airlog verify --keys}), is written to
 * {@value #VERIFIER_FILE} next to the key file and logged once per start. Nothing happens when
 * no key file is configured or {@code airlog.checkpoint.enabled=false}.
 */
@ApplicationScoped
public class DemoSigningKey {
    /** The name of the verifier key file, in the directory of the key file. */
    public static final String VERIFIER_FILE = "verifier.key";
    private static final Logger LOG = Logger.getLogger(DemoSigningKey.class.getName());

    @ConfigProperty(name = "airlog.checkpoint.key-file")
    Optional<Path> keyFile;

    /** airlog's default key name for the default origin ({@code airlog/<log id>}). */
    @ConfigProperty(name = "airlog.checkpoint.key-name", defaultValue = "airlog")
    String keyName;

    @ConfigProperty(name = "airlog.checkpoint.enabled", defaultValue = "true")
    boolean enabled;

    private VerifierKey verifierKey;

    void beforeAirlogStarts(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup event) {
        verifierKey();
    }

    /**
     * The verifier key of the signing key, which is made first if it is missing; empty when the
     * log is not signed.
     *
     * @throws UncheckedIOException if the key or the verifier key file cannot be written
     * @throws IllegalArgumentException if the key file holds no Ed25519 key
     */
    public synchronized Optional<VerifierKey> verifierKey() {
        if (verifierKey == null && enabled && keyFile.isPresent()) {
            verifierKey = open(keyFile.get());
        }
        return Optional.ofNullable(verifierKey);
    }

    private VerifierKey open(Path file) {
        boolean made = !Files.exists(file);
        NoteSigner signer;
        if (made) {
            signer = SigningKeys.generate(keyName);
            SigningKeys.writePem(signer, file);
        } else {
            signer = SigningKeys.readPem(file, keyName);
        }
        VerifierKey key = signer.verifierKey();
        Path verifierFile = file.toAbsolutePath().normalize().resolveSibling(VERIFIER_FILE);
        String line = key.encode() + "\n";
        try {
            if (!Files.exists(verifierFile) || !Files.readString(verifierFile, StandardCharsets.UTF_8).equals(line)) {
                Files.writeString(verifierFile, line, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the verifier key file " + verifierFile + ": " + e.getMessage(), e);
        }
        LOG.info("the audit log is signed with the key in " + file + (made ? " (made now)" : "")
                + "; its verifier key, in " + verifierFile + " for airlog verify --keys: " + key.encode());
        return key;
    }
}
