package io.airlog.stream;

import io.airlog.verify.ChainVerifier;
import io.airlog.verify.Damage;
import io.airlog.verify.VerificationReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Verifies a JSON-lines audit file: every line an intact event, one gap-free chain. Reports
 * every damaged line with its kind; positions are line numbers. Constant memory.
 *
 * <p>Command line, for auditors:
 * {@code java -cp airlog-core.jar:jackson-core.jar:java-json-canonicalization.jar
 * io.airlog.stream.JsonLinesVerifier FILE [--log LOG_ID]} — exit status 0 intact,
 * 1 damaged, 2 usage or I/O error.
 */
public final class JsonLinesVerifier {
    private JsonLinesVerifier() {
    }

    /** Verifies a file, taking the log id from its first readable event. */
    public static VerificationReport verify(Path file) {
        String logId;
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(file)) {
            logId = lines.filter(JsonLinesReader.Line::isEvent).findFirst().map(l -> l.event().logId()).orElse("");
        }
        return verify(file, logId);
    }

    /** Verifies a file that must hold log {@code logId}. */
    public static VerificationReport verify(Path file, String logId) {
        ChainVerifier verifier = ChainVerifier.of(logId);
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(file)) {
            for (Iterator<JsonLinesReader.Line> it = lines.iterator(); it.hasNext(); ) {
                JsonLinesReader.Line line = it.next();
                if (line.isEvent()) {
                    verifier.accept(line.number(), line.event());
                } else {
                    verifier.acceptMalformed(line.number(), line.problem());
                }
            }
        }
        return verifier.finish();
    }

    /**
     * Runs the verifier from the command line.
     *
     * @param args {@code FILE [--log LOG_ID]}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--log"))) {
            err.println("usage: JsonLinesVerifier FILE [--log LOG_ID]");
            return 2;
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            err.println("no such file: " + file);
            return 2;
        }
        try {
            VerificationReport report = args.length == 3 ? verify(file, args[2]) : verify(file);
            out.println(report.summary());
            for (Damage d : report.damages()) {
                out.println("  line " + d.position() + ": " + d);
            }
            return report.intact() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("cannot verify " + file + ": " + e.getMessage());
            return 2;
        }
    }
}
