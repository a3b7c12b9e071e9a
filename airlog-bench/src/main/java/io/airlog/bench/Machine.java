package io.airlog.bench;

import io.airlog.bench.load.BenchDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the numbers were measured on: the machine, the JVM, the databases and their settings. */
public final class Machine {
    private static final List<String> POSTGRESQL_SETTINGS = List.of("fsync", "synchronous_commit",
            "wal_sync_method", "full_page_writes", "commit_delay", "shared_buffers", "max_wal_size", "wal_level");

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

    /** Lines describing the machine, the JVM and each database. */
    public static List<String> describe(List<BenchDatabase> databases) {
        List<String> lines = new ArrayList<>();
        lines.add("cpu: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel());
        lines.add("memory: " + memTotal());
        lines.add("jvm: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                + ManagementFactory.getRuntimeMXBean().getInputArguments());
        lines.add("os: " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
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
