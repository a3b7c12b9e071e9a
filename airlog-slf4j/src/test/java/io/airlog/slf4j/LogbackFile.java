package io.airlog.slf4j;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * A Logback file appender on one logger, configured as docs/backends.md says: pattern
 * {@code %msg%n}, not additive, appending. Starting and stopping it is what an application's
 * logging does when the application starts and stops.
 */
final class LogbackFile implements AutoCloseable {
    private final Logger logger;
    private final FileAppender<ILoggingEvent> appender;

    private LogbackFile(Logger logger, FileAppender<ILoggingEvent> appender) {
        this.logger = logger;
        this.appender = appender;
    }

    /** Starts an appender writing {@code file} for {@code loggerName} at INFO. */
    static LogbackFile start(String loggerName, Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("audit-" + file.getFileName());
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        Logger logger = context.getLogger(loggerName);
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        return new LogbackFile(logger, appender);
    }

    /** Sets the logger's level (OFF disables it). */
    void level(Level level) {
        logger.setLevel(level);
    }

    /** Detaches and stops the appender, flushing and closing the file. */
    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
