package io.airlog.ocsf;

import io.airlog.spi.AuditBackend;
import io.airlog.spi.AuditBackendProvider;
import io.airlog.spi.BackendContext;
import io.airlog.spi.ConfigView;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@code ocsf} backend ({@code airlog.backend=ocsf}, or a fan-out stream for a SIEM): an
 * {@link OcsfJsonLinesStream} writing {@code airlog.ocsf.file} (required), each event checked
 * against the shipped schema unless {@code airlog.ocsf.validate=false}. Classes are chosen by
 * the built-in rules and by {@code airlog.ocsf.rules}, a list of
 * {@code <action pattern>=<class>} entries tried in order (pattern as in
 * {@link OcsfMapper.Builder#rule(String, OcsfClass)}; class one of {@code api-activity},
 * {@code account-change}, {@code authentication}, {@code authorize-session},
 * {@code entity-management}). {@code airlog.ocsf.product} and {@code airlog.ocsf.vendor} name
 * the product in {@code metadata.product} (default "airlog" by "airlog"). Found through
 * {@link java.util.ServiceLoader}.
 *
 * <p>An OCSF file is a copy for SIEMs, not a verifiable store: the start-up check has nothing
 * to verify in it.
 */
public final class OcsfBackendProvider implements AuditBackendProvider {
    /** For {@link java.util.ServiceLoader}. */
    public OcsfBackendProvider() {
    }

    @Override
    public String name() {
        return "ocsf";
    }

    @Override
    public List<String> keys() {
        return List.of("file", "validate", "rules", "product", "vendor");
    }

    @Override
    public AuditBackend open(BackendContext context) {
        ConfigView settings = context.settings();
        Path file = Path.of(settings.required("file", "the ocsf backend (the OCSF JSON-lines file it appends to)"));
        context.claimFile("file", file);
        OcsfJsonLinesStream stream = OcsfJsonLinesStream.toFile(file, context.logId(), mapper(settings),
                settings.bool("validate", true));
        return AuditBackend.unverifiable(stream, "log '" + context.logId() + "' goes to the OCSF file " + file
                + ", a copy for SIEMs that is not verified as a chain");
    }

    /** The mapper configured by {@code rules}, {@code product} and {@code vendor}. */
    static OcsfMapper mapper(ConfigView settings) {
        OcsfMapper.Builder mapper = OcsfMapper.builder();
        for (String entry : settings.list("rules")) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw settings.invalid("rules", entry, "entries of the form <action pattern>=<class>");
            }
            mapper.rule(entry.substring(0, eq).strip(), ocsfClass(settings, entry.substring(eq + 1).strip()));
        }
        if (settings.text("product").isPresent() || settings.text("vendor").isPresent()) {
            String product = settings.text("product").orElse("airlog");
            mapper.product(product, settings.text("vendor").orElse(product), null);
        }
        return mapper.build();
    }

    private static OcsfClass ocsfClass(ConfigView settings, String spelled) {
        for (OcsfClass c : OcsfClass.values()) {
            if (ConfigView.spelling(c).equals(spelled.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw settings.invalid("rules", spelled, "classes: " + ConfigView.allowed(OcsfClass.class));
    }
}
