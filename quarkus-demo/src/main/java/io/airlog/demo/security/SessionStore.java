package io.airlog.demo.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-in browser sessions, in memory: a random token (256 bits, in an HttpOnly cookie)
 * names the user it was opened for. A session ends when the user signs out, after
 * {@link #LIFETIME}, or when the application stops. At most {@value #MAX_SESSIONS} sessions
 * are kept; opening one more ends the one that would expire first.
 *
 * <p>Safe for concurrent use.
 */
@ApplicationScoped
public class SessionStore {
    /** How long a session lasts after sign-in. */
    public static final Duration LIFETIME = Duration.ofHours(8);
    /** The most sessions kept at once. */
    public static final int MAX_SESSIONS = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(String user, Instant expires) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A store on the system clock. */
    public SessionStore() {
        this(Clock.systemUTC());
    }

    /** A store on {@code clock} (tests move it to expire sessions). */
    SessionStore(Clock clock) {
        this.clock = clock;
    }

    /** Opens a session for {@code user}; its token. */
    public String open(String user) {
        if (sessions.size() >= MAX_SESSIONS) {
            makeRoom();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(user, clock.instant().plus(LIFETIME)));
        return token;
    }

    /** The user of the session with this token, if it is open and has not expired. */
    public Optional<String> user(String token) {
        Session s = token == null ? null : sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (!s.expires().isAfter(clock.instant())) {
            sessions.remove(token, s);
            return Optional.empty();
        }
        return Optional.of(s.user());
    }

    /** Ends the session with this token; whether there was one. */
    public boolean close(String token) {
        return token != null && sessions.remove(token) != null;
    }

    private void makeRoom() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !s.expires().isAfter(now));
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.entrySet().stream().min(Comparator.comparing(e -> e.getValue().expires()))
                    .ifPresent(e -> sessions.remove(e.getKey(), e.getValue()));
        }
    }
}
