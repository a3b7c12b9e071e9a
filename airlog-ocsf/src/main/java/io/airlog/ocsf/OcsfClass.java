package io.airlog.ocsf;

import java.util.Map;

/**
 * The OCSF {@value OcsfSchema#VERSION} event classes an audit event can become, with their
 * category and activities ({@code activity_id} and caption; 0 Unknown and 99 Other belong to
 * every class).
 */
public enum OcsfClass {
    /** API Activity (6003), category Application Activity (6): create, read, update, delete. */
    API_ACTIVITY(6003, "API Activity", 6, "Application Activity",
            Map.of(1, "Create", 2, "Read", 3, "Update", 4, "Delete")),
    /**
     * Account Change (3001), category Identity &amp; Access Management (3). OCSF 1.9.0 deprecates
     * it in favour of User Management; it is still part of the schema.
     */
    ACCOUNT_CHANGE(3001, "Account Change", 3, "Identity & Access Management",
            Map.ofEntries(Map.entry(1, "Create"), Map.entry(2, "Enable"), Map.entry(3, "Password Change"),
                    Map.entry(4, "Password Reset"), Map.entry(5, "Disable"), Map.entry(6, "Delete"),
                    Map.entry(7, "Attach Policy"), Map.entry(8, "Detach Policy"), Map.entry(9, "Lock"),
                    Map.entry(10, "MFA Factor Enable"), Map.entry(11, "MFA Factor Disable"))),
    /** Authentication (3002), category Identity &amp; Access Management (3): logon, logoff, ... */
    AUTHENTICATION(3002, "Authentication", 3, "Identity & Access Management",
            Map.of(1, "Logon", 2, "Logoff", 3, "Authentication Ticket", 4, "Service Ticket Request",
                    5, "Service Ticket Renew", 6, "Preauth", 7, "Account Switch")),
    /** Authorize Session (3003), category Identity &amp; Access Management (3). */
    AUTHORIZE_SESSION(3003, "Authorize Session", 3, "Identity & Access Management",
            Map.of(1, "Assign Privileges", 2, "Assign Groups", 3, "Assign Roles")),
    /** Entity Management (3004), category Identity &amp; Access Management (3): create, read, update, delete. */
    ENTITY_MANAGEMENT(3004, "Entity Management", 3, "Identity & Access Management",
            Map.of(1, "Create", 2, "Read", 3, "Update", 4, "Delete"));

    /** The activity id every class has for an activity it does not name. */
    public static final int OTHER = 99;
    /** The activity id every class has for an unknown activity. */
    public static final int UNKNOWN = 0;

    private final int uid;
    private final String caption;
    private final int categoryUid;
    private final String categoryCaption;
    private final Map<Integer, String> activities;

    OcsfClass(int uid, String caption, int categoryUid, String categoryCaption, Map<Integer, String> activities) {
        this.uid = uid;
        this.caption = caption;
        this.categoryUid = categoryUid;
        this.categoryCaption = categoryCaption;
        this.activities = activities;
    }

    /** The {@code class_uid}. */
    public int uid() {
        return uid;
    }

    /** The {@code class_name}. */
    public String caption() {
        return caption;
    }

    /** The {@code category_uid}. */
    public int categoryUid() {
        return categoryUid;
    }

    /** The {@code category_name}. */
    public String categoryCaption() {
        return categoryCaption;
    }

    /**
     * The caption of an activity of this class.
     *
     * @param activityId an activity id
     * @return its caption ({@code "Unknown"} for 0, {@code "Other"} for 99)
     * @throws IllegalArgumentException if the class has no such activity
     */
    public String activityCaption(int activityId) {
        if (activityId == UNKNOWN) {
            return "Unknown";
        }
        if (activityId == OTHER) {
            return "Other";
        }
        String caption = activities.get(activityId);
        if (caption == null) {
            throw new IllegalArgumentException(this.caption + " (" + uid + ") has no activity " + activityId
                    + "; its activities are 0, " + new java.util.TreeSet<>(activities.keySet()) + " and 99");
        }
        return caption;
    }
}
