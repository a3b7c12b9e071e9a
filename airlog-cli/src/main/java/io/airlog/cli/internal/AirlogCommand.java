package io.airlog.cli.internal;

import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.VerifierKey;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every command has: its output streams and {@code --json}. */
abstract class AirlogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    /** Standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error: progress and explanations that are not the result. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints {@code text} as the result, or {@code jsonBody} as one JSON object with {@code --json}. */
    void result(String text, Json.Body jsonBody) {
        out().println(json ? Json.object(jsonBody) : text);
        out().flush();
    }

    /**
     * Prints a proof: to {@code output} (a new file) if given, else to standard output; then
     * {@code summary} on standard error, or with {@code --json} one JSON object on standard
     * output holding the proof as {@code "proof"} and the members {@code jsonBody} writes.
     */
    void emitProof(String proof, Path output, String summary, Json.Body jsonBody) {
        if (output != null) {
            writeNew(output, proof);
        }
        if (json) {
            result(null, g -> {
                jsonBody.write(g);
                g.writeStringField("proof", proof);
            });
            return;
        }
        if (output == null) {
            out().print(proof);
            out().flush();
        }
        err().println(summary);
        err().flush();
    }

    /**
     * Writes {@code text} to a file that must not exist yet.
     *
     * @throws CliException if it exists or cannot be written
     */
    static void writeNew(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw CliException.error(file + " exists already; it is never overwritten");
        } catch (IOException e) {
            throw CliException.error("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A signed checkpoint as the JSON object {@code name}: origin, size, root, signing keys. */
    static void checkpoint(JsonGenerator g, String name, SignedCheckpoint c) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("origin", c.checkpoint().origin());
        g.writeNumberField("size", c.size());
        g.writeStringField("root", c.checkpoint().root().base64());
        Json.strings(g, "signedBy", c.signedBy().stream().map(VerifierKey::encode).toList());
        g.writeEndObject();
    }
}
