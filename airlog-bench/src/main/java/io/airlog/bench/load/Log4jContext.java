package io.airlog.bench.load;

import java.util.function.Function;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * A Log4j2 logger context of its own, configured in code, with one logger ({@code audit}, level
 * INFO, not additive) whose appender the caller builds. Stopping it stops the appenders, which
 * write what they buffer.
 */
final class Log4jContext implements AutoCloseable {
    private final LoggerContext context;
    private final Logger logger;

    /**
     * Starts a context and attaches the appender that {@code appender} builds (with any
     * appenders it adds to the configuration itself, which it must start).
     *
     * @param name the context's name (unique per sink)
     * @param appender builds and starts the logger's appender for the configuration
     */
    Log4jContext(String name, Function<Configuration, Appender> appender) {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setConfigurationName(name);
        builder.setStatusLevel(Level.WARN);
        builder.add(builder.newRootLogger(Level.OFF));
        Configuration config = builder.build(false);
        context = new LoggerContext(name);
        context.start(config);
        Appender top = appender.apply(config);
        config.addAppender(top);
        LoggerConfig audit = LoggerConfig.newBuilder().setLoggerName("audit").setLevel(Level.INFO)
                .setAdditivity(false).setConfig(config).build();
        audit.addAppender(top, null, null);
        config.addLogger("audit", audit);
        context.updateLoggers();
        logger = context.getLogger("audit");
    }

    /** The {@code audit} logger. */
    Logger logger() {
        return logger;
    }

    /** Stops the context: buffered events are written, connections and files closed. */
    @Override
    public void close() {
        context.stop();
    }
}
