package io.airlog.ocsf.internal;

import io.airlog.ocsf.OcsfClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Infers the OCSF activity of an audit action from its words: {@code "document.update"},
 * {@code "updateDocument"} and {@code "UPDATE_DOCUMENT"} all contain the word "update".
 */
public final class Activities {
    private static final Set<String> CREATE = Set.of("create", "add", "insert", "new", "post", "register", "upload",
            "import");
    private static final Set<String> READ = Set.of("read", "get", "find", "list", "view", "search", "fetch", "query",
            "show", "load", "download", "export");
    private static final Set<String> UPDATE = Set.of("update", "edit", "modify", "change", "set", "patch", "put",
            "rename", "move", "replace");
    private static final Set<String> DELETE = Set.of("delete", "remove", "destroy", "purge", "erase");
    private static final Set<String> LOGON = Set.of("login", "logon", "signin", "authenticate");
    private static final Set<String> LOGOFF = Set.of("logout", "logoff", "signout");

    private Activities() {
    }

    /** The lower-case words of an action: split at every non-letter-or-digit and at camel-case humps. */
    public static List<String> words(String action) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < action.length(); i++) {
            char c = action.charAt(i);
            boolean hump = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(action.charAt(i - 1));
            if (!Character.isLetterOrDigit(c) || hump) {
                flush(word, words);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    /** Whether the action signs in or out: login, logon, sign-in, sign in, logout, sign-out, ... */
    public static boolean isSignInOrOut(String action) {
        return authentication(words(action)) != OcsfClass.OTHER;
    }

    /**
     * The activity of {@code action} in class {@code ocsfClass}, or {@link OcsfClass#OTHER}
     * when none of its words names one.
     */
    public static int infer(OcsfClass ocsfClass, String action) {
        List<String> words = words(action);
        return switch (ocsfClass) {
            case API_ACTIVITY, ENTITY_MANAGEMENT -> crud(words);
            case AUTHENTICATION -> authentication(words);
            case ACCOUNT_CHANGE -> accountChange(words);
            case AUTHORIZE_SESSION -> authorizeSession(words);
        };
    }

    private static int crud(List<String> words) {
        for (String w : words) {
            if (CREATE.contains(w)) {
                return 1;
            }
            if (READ.contains(w)) {
                return 2;
            }
            if (UPDATE.contains(w)) {
                return 3;
            }
            if (DELETE.contains(w)) {
                return 4;
            }
        }
        return OcsfClass.OTHER;
    }

    private static int authentication(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            if (LOGON.contains(w) || ((w.equals("sign") || w.equals("log")) && (next.equals("in") || next.equals("on")))) {
                return 1;
            }
            if (LOGOFF.contains(w) || ((w.equals("sign") || w.equals("log")) && (next.equals("out") || next.equals("off")))) {
                return 2;
            }
        }
        return OcsfClass.OTHER;
    }

    private static int accountChange(List<String> words) {
        boolean password = words.contains("password");
        boolean mfa = words.contains("mfa");
        if (password && words.contains("reset")) {
            return 4;
        }
        if (password) {
            return 3;
        }
        if (mfa && words.contains("enable")) {
            return 10;
        }
        if (mfa && words.contains("disable")) {
            return 11;
        }
        for (String w : words) {
            switch (w) {
                case "create", "add", "register", "new" -> { return 1; }
                case "enable", "activate" -> { return 2; }
                case "disable", "deactivate", "suspend" -> { return 5; }
                case "delete", "remove" -> { return 6; }
                case "attach" -> { return 7; }
                case "detach" -> { return 8; }
                case "lock" -> { return 9; }
                default -> { }
            }
        }
        return OcsfClass.OTHER;
    }

    private static int authorizeSession(List<String> words) {
        for (String w : words) {
            if (w.startsWith("privilege")) {
                return 1;
            }
            if (w.startsWith("group")) {
                return 2;
            }
            if (w.startsWith("role")) {
                return 3;
            }
        }
        return OcsfClass.OTHER;
    }
}
