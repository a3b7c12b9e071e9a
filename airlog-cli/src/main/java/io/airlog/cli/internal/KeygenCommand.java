package io.airlog.cli.internal;

import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code airlog keygen}: a new Ed25519 signing key and its verifier key. */
@Command(name = "keygen", sortOptions = false,
        description = {"Make a new Ed25519 signing key for a log's checkpoints: the private key goes to a new PKCS#8"
                + " PEM file readable by its owner only (never overwritten); the verifier key line, for auditors'"
                + " --keys files, is printed (and written to --verifier-out).",
            "Exit 0 made, 2 usage or I/O error (nothing is left behind)."})
public final class KeygenCommand extends AirlogCommand {
    @Option(names = "--name", paramLabel = "KEY_NAME", required = true,
            description = "The key name its signatures carry, e.g. audit.example.com/payments (no spaces, no '+').")
    String name;

    @Option(names = "--out", paramLabel = "PEM_FILE", required = true,
            description = "The new private key file (mode 0600).")
    Path out;

    @Option(names = "--verifier-out", paramLabel = "FILE", description = "Also write the verifier key line to this"
            + " new file.")
    Path verifierOut;

    @Override
    public Integer call() {
        NoteSigner signer;
        try {
            signer = SigningKeys.generate(name);
        } catch (IllegalArgumentException e) {
            throw CliException.error("--name: " + e.getMessage());
        }
        if (Files.exists(out)) {
            throw CliException.error(out + " exists already; a key file is never overwritten");
        }
        if (verifierOut != null && Files.exists(verifierOut)) {
            throw CliException.error(verifierOut + " exists already; it is never overwritten");
        }
        try {
            SigningKeys.writePem(signer, out);
        } catch (UncheckedIOException e) {
            throw CliException.error(e.getMessage(), e);
        }
        String verifierKey = signer.verifierKey().encode();
        if (verifierOut != null) {
            writeNew(verifierOut, verifierKey + "\n");
        }
        result(verifierKey, g -> {
            g.writeStringField("keyName", signer.keyName());
            g.writeStringField("keyId", signer.verifierKey().keyIdHex());
            g.writeStringField("verifierKey", verifierKey);
            g.writeStringField("privateKeyFile", out.toString());
            if (verifierOut != null) {
                g.writeStringField("verifierKeyFile", verifierOut.toString());
            }
        });
        err().println("private key written to " + out + " (owner only); give the verifier key above to auditors");
        err().flush();
        return Exit.OK;
    }
}
