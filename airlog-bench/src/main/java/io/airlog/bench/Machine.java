package io.airlog.bench;

import io.airlog.AuditDraft;
import io.airlog.bench.load.BenchDatabase;
import io.airlog.jdbc.JdbcAuditStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** What the numbers were measured on: the machine, the JVM, the databases and their settings. */
public final class Machine {
    private static final List<String> POSTGRESQL_SETTINGS = List.of("fsync", "synchronous_commit",
            "wal_sync_method", "full_page_writes", "commit_delay", "shared_buffers", "max_wal_size", "wal_level");
    private static final List<String> MARIADB_SETTINGS = List.of("innodb_flush_log_at_trx_commit", "sync_binlog",
            "log_bin", "innodb_flush_method", "innodb_doublewrite", "innodb_buffer_pool_size", "innodb_log_file_size");

    private Machine() {
    }

    /** The 1-, 5- and 15-minute load averages, as in {@code /proc/loadavg}. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * The machine's CPU time counters (clock ticks, all cores) from the first line of
     * {@code /proc/stat}: on a virtual machine, {@code steal} is time the hypervisor gave to
     * other guests while this one had work to run, the usual cause of a slow run.
     *
     * @param busy user, nice, system, irq and softirq time
     * @param idle idle and iowait time
     * @param steal time stolen by the hypervisor
     */
    public record CpuTimes(long busy, long idle, long steal) {

        /** The counters now, or null where {@code /proc/stat} cannot be read. */
        public static CpuTimes now() {
            try {
                return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Parses the {@code cpu} line of {@code /proc/stat}. */
        static CpuTimes parse(String line) {
            String[] f = line.trim().split("\\s+");
            if (!f[0].equals("cpu")) {
                throw new IllegalArgumentException("not the cpu line of /proc/stat: " + line);
            }
            long[] v = new long[8];
            for (int i = 0; i < v.length; i++) {
                v[i] = i + 1 < f.length ? Long.parseLong(f[i + 1]) : 0;
            }
            return new CpuTimes(v[0] + v[1] + v[2] + v[5] + v[6], v[3] + v[4], v[7]);
        }

        /** The share of the time since {@code earlier} that was stolen, in percent (0 when none passed). */
        public double stealPercentSince(CpuTimes earlier) {
            long total = busy - earlier.busy + idle - earlier.idle + steal - earlier.steal;
            return total <= 0 ? 0 : 100.0 * (steal - earlier.steal) / total;
        }

        /** {@code busy 63 %, idle 30 %, stolen 7 %} since {@code earlier}. */
        public String since(CpuTimes earlier) {
            long total = busy - earlier.busy + idle - earlier.idle + steal - earlier.steal;
            if (total <= 0) {
                return "no CPU time passed";
            }
            return String.format(java.util.Locale.ROOT, "busy %.0f %%, idle %.0f %%, stolen by the hypervisor %.1f %%",
                    100.0 * (busy - earlier.busy) / total, 100.0 * (idle - earlier.idle) / total,
                    stealPercentSince(earlier));
        }
    }

    /** Lines describing the machine, the JVM and each database. */
    public static List<String> describe(List<BenchDatabase> databases) {
        List<String> lines = new ArrayList<>();
        lines.add("cpu: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel());
        lines.add("memory: " + memTotal());
        lines.add("jvm: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                + ManagementFactory.getRuntimeMXBean().getInputArguments());
        lines.add("os: " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        lines.add("airlog measured: " + codeSource(JdbcAuditStream.class) + ", " + codeSource(AuditDraft.class));
        lines.add("contenders: log4j-core " + artifactVersion("org.apache.logging.log4j", "log4j-core")
                + ", log4j-layout-template-json " + artifactVersion("org.apache.logging.log4j",
                "log4j-layout-template-json") + ", HikariCP " + artifactVersion("com.zaxxer", "HikariCP"));
        for (BenchDatabase db : databases) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                String product = c.getMetaData().getDatabaseProductName() + " "
                        + c.getMetaData().getDatabaseProductVersion();
                List<String> settings = new ArrayList<>();
                if (db.kind() == BenchDatabase.Kind.POSTGRESQL) {
                    for (String name : POSTGRESQL_SETTINGS) {
                        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                            rs.next();
                            settings.add(name + "=" + rs.getString(1));
                        }
                    }
                } else if (db.kind() == BenchDatabase.Kind.MARIADB) {
                    for (String name : MARIADB_SETTINGS) {
                        try (ResultSet rs = s.executeQuery("SELECT @@" + name)) {
                            rs.next();
                            settings.add(name + "=" + rs.getString(1));
                        }
                    }
                } else {
                    try (ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM"
                            + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('WRITE_DELAY', 'CACHE_SIZE',"
                            + " 'LOCK_TIMEOUT', 'DEFAULT_LOCK_TIMEOUT') ORDER BY SETTING_NAME")) {
                        while (rs.next()) {
                            settings.add(rs.getString(1) + "=" + rs.getString(2));
                        }
                    }
                }
                lines.add(db.label().toLowerCase() + ": " + product + ", " + db.url().replaceAll("password=[^&;]*", "")
                        + ", " + String.join(", ", settings));
            } catch (SQLException e) {
                lines.add(db.label() + ": not reachable: " + e.getMessage());
            }
        }
        return lines;
    }

    /**
     * Where a class was loaded from, with the jar's size and time: which airlog build is measured
     * (another build's jars put first on the class path are named here).
     */
    static String codeSource(Class<?> type) {
        try {
            Path where = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(where)) {
                return where + " (" + Files.size(where) + " bytes, " + Files.getLastModifiedTime(where) + ")";
            }
            return where.toString();
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return type.getName() + " from an unknown place";
        }
    }

    /** The version of a jar on the class path, from its Maven {@code pom.properties}. */
    static String artifactVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Machine.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "(unknown version)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown model");
        } catch (IOException e) {
            return "unknown model";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
