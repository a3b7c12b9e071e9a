package io.airlog.demo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The in-memory sessions: tokens, expiry, sign-out, the bound on their number, concurrent use. */
class SessionStoreTest {

    /** A clock a test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aTokenNamesTheUserItWasOpenedFor() {
        SessionStore store = new SessionStore();

        String token = store.open("bob");

        assertThat(store.user(token)).contains("bob");
        assertThat(token).hasSize(43);
        assertThat(store.user("not-a-token")).isEmpty();
        assertThat(store.user(null)).isEmpty();
    }

    @Test
    void everyTokenIsNew() {
        SessionStore store = new SessionStore();
        Set<String> tokens = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            tokens.add(store.open("bob"));
        }

        assertThat(tokens).hasSize(1000);
    }

    @Test
    void aSessionEndsAfterItsLifetime() {
        MovableClock clock = new MovableClock();
        SessionStore store = new SessionStore(clock);
        String token = store.open("carol");

        clock.now = clock.now.plus(SessionStore.LIFETIME).minusSeconds(1);
        boolean openBefore = store.user(token).isPresent();
        clock.now = clock.now.plusSeconds(1);

        assertThat(openBefore).isTrue();
        assertThat(store.user(token)).isEmpty();
    }

    @Test
    void signOutEndsTheSessionOnce() {
        SessionStore store = new SessionStore();
        String token = store.open("alice");

        assertThat(store.close(token)).isTrue();
        assertThat(store.close(token)).isFalse();
        assertThat(store.user(token)).isEmpty();
        assertThat(store.close(null)).isFalse();
    }

    @Test
    void atTheBoundTheSessionThatExpiresFirstMakesRoom() {
        MovableClock clock = new MovableClock();
        SessionStore store = new SessionStore(clock);
        String oldest = store.open("first");
        List<String> others = new ArrayList<>();
        for (int i = 1; i < SessionStore.MAX_SESSIONS; i++) {
            clock.now = clock.now.plusMillis(1);
            others.add(store.open("user" + i));
        }

        clock.now = clock.now.plusMillis(1);
        String newest = store.open("newest");

        assertThat(store.user(oldest)).isEmpty();
        assertThat(store.user(others.get(0))).contains("user1");
        assertThat(store.user(newest)).contains("newest");
    }

    @Test
    void sessionsOpenedFromManyThreadsAreAllFound() throws Exception {
        SessionStore store = new SessionStore();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> opened = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String user = "u" + i;
            opened.add(pool.submit(() -> store.open(user)));
        }
        pool.shutdown();

        for (int i = 0; i < opened.size(); i++) {
            assertThat(store.user(opened.get(i).get())).contains("u" + i);
        }
    }
}
